/**
 * The content index: every page of every edition, parsed once into its
 * page model, with the bibliography and the data files pages are built
 * from, and every problem found in any of them.
 *
 * One index is made per build, in the content-index plugin's
 * `loadContent` (src/plugins/contentIndex); the remark plugin, the
 * post-build steps, the validator, packets and tests all read it. A
 * problem inside one file never stops the others from being checked: an
 * unexpected exception becomes a positioned message for that file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { entriesOf, loadBibliography, suggestKey, type Bibliography } from '../citations/bibliography';
import { registerStyle, renderable, renderEntries } from '../citations/csl';
import { readGlossary, type GlossaryTerm } from '../glossary/glossary';
import { readPackets, type PacketFile } from '../packet/files';
import { readPkData, type PkData } from '../pharmacokinetics/parameters';
import { parseSynonyms } from '../search/synonyms';
import { analyseDataset, type DatasetAnalysis } from '../synthesis/analyse';
import { loadDatasetDirectory, type TrialDataset } from '../synthesis/dataset';
import { checkBlockAttributes } from '../remark/generatedBlocks';
import { keysOf, readLabelFacts, type LabelFacts } from '../labelFacts/labelFacts';
import { contentRulesFor, listEditions } from './editions';
import type { ContentRules } from './frontMatter';
import { nextReviewDue } from './frontMatter';
import { readHistory, type ContentHistory } from './history';
import { parsePage, resolveDocPath, type PageModel } from './page';
import { sitePaths, type SitePaths } from './paths';
import type { Problem } from './problems';
import { checkReadingTime } from './readingTime';

export interface SiteOptions {
  readonly siteDir: string;
  /** Overrides for tests and fixture sites (e.g. another bibliography). */
  readonly paths?: Partial<SitePaths>;
  /** The date reviews and future dates are judged against; today unless a test fixes it. */
  readonly today?: Date;
}

export interface ContentRoot {
  /** `current` for docs/ (Next), otherwise the edition name. */
  readonly version: string;
  readonly dir: string;
  readonly rules: ContentRules;
  /** Pages in section then sidebar order. */
  readonly pages: readonly PageModel[];
  readonly byDocPath: ReadonlyMap<string, PageModel>;
}

export interface Synthesis {
  readonly dataset: TrialDataset;
  readonly analysis: DatasetAnalysis;
}

/**
 * Where an edition keeps the data its pages were built from. Next reads
 * src/data; cutting an edition copies the data it renders (trial datasets,
 * label facts) into the edition's `_data` folder, so a published edition
 * never changes when the data do. An edition cut before a data file existed
 * has none of it.
 */
export function editionDataDir(paths: SitePaths, version: string, dir: string): string {
  return version === 'current' ? paths.data : join(dir, '_data');
}

export interface SiteIndex {
  readonly paths: SitePaths;
  readonly today: string;
  readonly bibliography: Bibliography;
  readonly roots: readonly ContentRoot[];
  readonly glossary: readonly GlossaryTerm[];
  readonly pk?: PkData;
  /** Trial datasets and their analyses, by edition (`current` reads src/data/trials; an edition, its snapshot), then by id. */
  readonly syntheses: ReadonlyMap<string, ReadonlyMap<string, Synthesis>>;
  /** Label facts by edition (`current` reads src/data/label-facts.yaml; an edition, its snapshot). */
  readonly labelFacts: ReadonlyMap<string, LabelFacts>;
  readonly problems: readonly Problem[];
  readonly pageByFile: ReadonlyMap<string, PageModel>;
  /** Every bibliography entry rendered once by the citation style (HTML), by key. */
  readonly renderedEntries: ReadonlyMap<string, string>;
  /** Number of Markdown files read (including ones whose front matter failed). */
  readonly files: number;
  /** PDF packets the PDF command has written, by published path (`pdf/<edition>/<id>.pdf`); pages link only these. */
  readonly packets: ReadonlyMap<string, PacketFile>;
  /** Who wrote each content file, from one `git log` read when first asked for (builds ask; the validator does not). */
  readonly history: ContentHistory;
}

/** Markdown files under a folder, skipping dot-, underscore- and partial files. */
export function listMarkdownFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  return files.sort();
}

/** docs/ (Next) and every edition under versioned_docs/, newest edition first. */
export function contentRootDirs(paths: SitePaths): { version: string; dir: string }[] {
  const roots = [{ version: 'current', dir: paths.docs }];
  for (const edition of listEditions(paths.siteDir)) roots.push({ version: edition, dir: join(paths.versionedDocs, `version-${edition}`) });
  // Folders of editions no longer listed in versions.json still validate, so an archived edition's sources stay sound.
  if (existsSync(paths.versionedDocs)) {
    for (const entry of readdirSync(paths.versionedDocs, { withFileTypes: true })) {
      const version = /^version-(.+)$/.exec(entry.name)?.[1];
      if (entry.isDirectory() && version && !roots.some((r) => r.version === version)) roots.push({ version, dir: join(paths.versionedDocs, entry.name) });
    }
  }
  return roots.filter((root) => existsSync(root.dir));
}

const internalError = (file: string, error: unknown): Problem => ({
  file,
  line: 1,
  column: 1,
  ruleId: 'internal-error',
  message: `the checker failed on this file (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): this is a bug in the site's tools, not in your change; report it, and meanwhile check the file by eye`,
});

const order = (a: PageModel, b: PageModel) =>
  a.docPath.split('/')[0]!.localeCompare(b.docPath.split('/')[0]!) ||
  (a.frontMatter.sidebar_position ?? Number.MAX_SAFE_INTEGER) - (b.frontMatter.sidebar_position ?? Number.MAX_SAFE_INTEGER) ||
  a.docPath.localeCompare(b.docPath);

export function loadSite(options: SiteOptions): SiteIndex {
  const paths = sitePaths(options.siteDir, options.paths);
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const problems: Problem[] = [];
  let bibliography: Bibliography;
  try {
    registerStyle(readFileSync(paths.citationStyle, 'utf8'));
    bibliography = loadBibliography(paths.bibliography, paths.citationStyle);
  } catch (error) {
    bibliography = { path: paths.bibliography, references: new Map(), problems: [] };
    problems.push({
      file: paths.bibliography,
      line: 1,
      column: 1,
      ruleId: 'bibliography-syntax',
      message: `the bibliography cannot be read (${(error as Error).message.split('\n')[0]}): restore the file`,
    });
  }
  problems.push(...bibliography.problems);
  const allKeys = [...bibliography.references.keys()];
  const lookupKey = (key: string) =>
    bibliography.references.has(key) ? ({ known: true } as const) : ({ known: false, suggestion: suggestKey(key, allKeys) } as const);
  const staticFileExists = (path: string) => existsSync(join(paths.static, decodeURIComponent(path)));

  // Data files are optional features: a site without a glossary simply links no terms.
  const glossary = existsSync(paths.glossary) ? readGlossary(paths.glossary) : { terms: [], problems: [] };
  problems.push(...glossary.problems);
  const pk = existsSync(paths.pkParameters) ? readPkData(paths.pkParameters) : { problems: [] };
  problems.push(...pk.problems);
  if (existsSync(paths.searchSynonyms)) problems.push(...parseSynonyms(readFileSync(paths.searchSynonyms, 'utf8'), paths.searchSynonyms).problems);

  const syntheses = new Map<string, Map<string, Synthesis>>();
  for (const { version, dir } of contentRootDirs(paths)) {
    const trials = version === 'current' ? paths.trials : join(editionDataDir(paths, version, dir), 'trials');
    const byId = new Map<string, Synthesis>();
    if (existsSync(trials)) {
      try {
        const loaded = loadDatasetDirectory(trials, allKeys, { today: new Date(`${today}T00:00:00Z`) });
        problems.push(...loaded.problems);
        for (const dataset of loaded.datasets) byId.set(dataset.id, { dataset, analysis: analyseDataset(dataset) });
      } catch (error) {
        problems.push(internalError(trials, error));
      }
    }
    syntheses.set(version, byId);
  }
  const labelFacts = new Map<string, LabelFacts>();
  const keySet = new Set(allKeys);
  for (const { version, dir } of contentRootDirs(paths)) {
    const file = version === 'current' ? paths.labelFacts : join(editionDataDir(paths, version, dir), 'label-facts.yaml');
    if (!existsSync(file)) continue;
    const read = readLabelFacts(file, keySet);
    problems.push(...read.problems);
    if (read.facts) labelFacts.set(version, read.facts);
  }
  const checkBlock = (name: string, attributes: Record<string, string | null | undefined>) =>
    checkBlockAttributes({ paths, syntheses, labelFacts }, name, attributes);

  const roots: ContentRoot[] = [];
  const pageByFile = new Map<string, PageModel>();
  let files = 0;
  for (const { version, dir } of contentRootDirs(paths)) {
    const rules = contentRulesFor(version);
    const pages: PageModel[] = [];
    for (const file of listMarkdownFiles(dir)) {
      files += 1;
      try {
        const docPath = relative(dir, file).split(sep).join('/');
        const parsed = parsePage(
          { file, root: dir, docPath, version, source: readFileSync(file, 'utf8') },
          { rules, today, lookupKey, staticFileExists, checkBlock },
        );
        problems.push(...parsed.problems);
        if (parsed.page) {
          pages.push(parsed.page);
          pageByFile.set(file, parsed.page);
        }
      } catch (error) {
        problems.push(internalError(file, error));
      }
    }
    pages.sort(order);
    roots.push({ version, dir, rules, pages, byDocPath: new Map(pages.map((page) => [page.docPath, page])) });
  }

  for (const root of roots) {
    for (const page of root.pages) {
      try {
        problems.push(...checkLinksBetweenPages(page, root), ...checkReadingTime(page, root));
        const due = nextReviewDue(page.frontMatter);
        if (due <= today) {
          problems.push({
            file: page.file,
            line: 1,
            column: 1,
            ruleId: 'review-due',
            severity: 'warning',
            message: `the review was due on ${due}: review the page and update \`last_reviewed\``,
          });
        }
      } catch (error) {
        problems.push(internalError(page.file, error));
      }
    }
  }

  const cited = new Set<string>();
  for (const root of roots) for (const page of root.pages) for (const key of page.citedKeys) cited.add(bibliography.references.get(key)?.key ?? key);
  for (const key of pk.data ? [...pk.data.sharedCitations, ...pk.data.routes.flatMap((route) => route.citations)] : []) {
    const reference = bibliography.references.get(key);
    if (reference) cited.add(reference.key);
    else
      problems.push({
        file: paths.pkParameters,
        line: 1,
        column: 1,
        ruleId: 'citation-unknown-key',
        message: `unknown citation key \`${key}\`: add it to the bibliography or correct it${suggestKey(key, allKeys) ? `; did you mean \`${suggestKey(key, allKeys)}\`?` : ''}`,
      });
  }
  for (const byId of syntheses.values())
    for (const { dataset } of byId.values())
      for (const study of dataset.studies) cited.add(bibliography.references.get(study.reference)?.key ?? study.reference);
  for (const facts of labelFacts.values()) for (const key of keysOf(facts)) cited.add(bibliography.references.get(key)?.key ?? key);
  for (const reference of entriesOf(bibliography)) {
    if (!cited.has(reference.key)) {
      problems.push({
        file: paths.bibliography,
        ...reference.position,
        ruleId: 'bibliography-unused',
        severity: 'warning',
        message: `\`${reference.key}\` is cited by no page: cite it or leave it for a later edition (entries are never deleted once an edition cites them)`,
      });
    }
  }

  let renderedEntries = new Map<string, string>();
  try {
    renderedEntries = renderEntries(entriesOf(bibliography).map((reference) => renderable(reference.csl, reference.moreAuthors)));
  } catch (error) {
    problems.push({
      file: paths.citationStyle,
      line: 1,
      column: 1,
      ruleId: 'bibliography-style',
      message: `the citation style cannot render the bibliography (${(error as Error).message.split('\n')[0]}): check src/citations/ama.csl`,
    });
  }
  let history: ContentHistory | undefined;
  return {
    paths,
    today,
    bibliography,
    roots,
    glossary: glossary.terms,
    pk: pk.data,
    syntheses,
    labelFacts,
    problems,
    pageByFile,
    renderedEntries,
    files,
    packets: readPackets(paths.packets),
    get history() {
      return (history ??= readHistory(paths.siteDir));
    },
  };
}

function checkLinksBetweenPages(page: PageModel, root: ContentRoot): Problem[] {
  const problems: Problem[] = [];
  const fm = page.frontMatter;
  fm.readings?.forEach((reading, index) => {
    const line = page.fields.get(`readings.${index}.note`)?.line ?? 1;
    const target = root.byDocPath.get(resolveDocPath(page, reading.page));
    if (!target) {
      problems.push({
        file: page.file,
        line,
        column: 1,
        ruleId: 'reading-list-invalid',
        message: `reading ${index + 1}: the page \`${reading.page}\` is not a page of this edition; give a path relative to this file`,
      });
    } else if (reading.section && !target.headingIds.has(reading.section)) {
      problems.push({
        file: page.file,
        line,
        column: 1,
        ruleId: 'reading-list-anchor',
        message: `reading ${index + 1}: \`${reading.page}\` has no heading with the explicit id \`{#${reading.section}}\`; add it to the heading so the link stays stable`,
      });
    }
  });
  fm.self_check?.forEach((question, index) => {
    const line = page.fields.get(`self_check.${index}.question`)?.line ?? 1;
    const [path, anchor] = question.page.split('#');
    const target = root.byDocPath.get(resolveDocPath(page, path!));
    if (!target) {
      problems.push({
        file: page.file,
        line,
        column: 1,
        ruleId: 'self-check-invalid',
        message: `self-check question ${index + 1}: the page \`${question.page}\` does not exist; give a path relative to this file`,
      });
    } else if (anchor && !target.headingIds.has(anchor)) {
      problems.push({
        file: page.file,
        line,
        column: 1,
        ruleId: 'self-check-invalid',
        message: `self-check question ${index + 1}: \`${path}\` has no heading with the explicit id \`{#${anchor}}\``,
      });
    }
  });
  return problems;
}

/** For tests and tools: the file a doc path names in a root. */
export function fileOf(root: ContentRoot, docPath: string): string {
  return resolve(root.dir, docPath);
}

let current: { key: string; site: SiteIndex } | undefined;

/** Makes `site` the index every build step reads (the content-index plugin calls this in `loadContent`). */
export function setCurrentSite(site: SiteIndex): void {
  current = { key: site.paths.siteDir, site };
}

/**
 * The index of the build in progress. A process that did not run the
 * plugin (a test, or a compiler worker) loads it once itself; the data are
 * the same either way.
 */
export function currentSite(options: SiteOptions): SiteIndex {
  if (!current || current.key !== options.siteDir) setCurrentSite(loadSite(options));
  return current!.site;
}
