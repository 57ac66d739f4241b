/**
 * Expands the generated blocks (`::evidence-map`, `::bibliography`,
 * `::evidence-scale`, `::review-queue`, `::pk-figure`) from the site's own
 * data, so those pages are never maintained by hand and change as soon as
 * a page's label or citations change.
 */
import type {} from 'mdast-util-directive';
import { dirname, relative, sep } from 'node:path';
import type { Link, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { loadBibliography } from '../../citations/bibliography';
import { formatReference, studySummary } from '../../citations/format';
import { loadContentIndex, type PageSummary } from '../../content/contentIndex';
import { editionRoot, listEditions, previousEdition } from '../../content/editions';
import { docLocation } from '../../content/paths';
import { SECTIONS } from '../../content/sections';
import { CERTAINTY_ORDER, EVIDENCE_BASES, EVIDENCE_BASIS_IDS } from '../../evidence/levels';
import { amaAuthors } from '../../citations/format';
import { loadGlossary } from '../../glossary/glossary';
import { pkFigure } from '../../pharmacokinetics/figure';
import { block, hastBlock, hastElement, hastText, heading, segmentsToHast, text } from '../shared/nodes';

export interface Options {
  readonly bibliographyPath: string;
  readonly siteDir: string;
  /** The date used to decide which reviews are due; today unless a test fixes it. */
  readonly today?: () => Date;
}

function cell(children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

function table(header: string[], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return { type: 'table', align: header.map(() => null), children: [row(header.map((h) => [text(h)])), ...rows.map(row)] };
}

function linkTo(fromFile: string, page: PageSummary): Link {
  const url = relative(dirname(fromFile), page.file).split(sep).join('/');
  return { type: 'link', url: url.startsWith('.') ? url : `./${url}`, children: [text(page.title)] };
}

function labelNode(level: string): PhrasingContent {
  return { type: 'emphasis', children: [], data: { hName: 'evidencelabel', hProperties: { level, variant: 'row' } } };
}

function evidenceScale(): RootContent[] {
  const nodes: RootContent[] = [];
  for (const level of CERTAINTY_ORDER) {
    nodes.push(heading(3, level.label, level.id));
    nodes.push(block('div', { className: ['evidence-scale__level'] }, [
      { type: 'paragraph', children: [labelNode(level.id)] },
      { type: 'paragraph', children: [{ type: 'strong', children: [text('Definition: ')] }, text(level.definition)] },
      { type: 'paragraph', children: [{ type: 'strong', children: [text('What it means for practice: ')] }, text(level.implication)] },
    ]));
  }
  nodes.push(heading(3, 'Types of evidence', 'evidence-types'));
  nodes.push(
    table(
      ['Type', 'Id in front matter', 'What it is'],
      EVIDENCE_BASIS_IDS.map((id) => [[text(EVIDENCE_BASES[id].label)], [{ type: 'inlineCode', value: id }], [text(EVIDENCE_BASES[id].description)]]),
    ),
  );
  return nodes;
}

function evidenceMap(fromFile: string, pages: PageSummary[], sectionId: string | undefined): RootContent[] {
  const topics = pages.filter((page) => page.pageType === 'topic' && page.certainty && (!sectionId || page.sectionId === sectionId));
  const rows = topics.map((page) => [
    [linkTo(fromFile, page)],
    [text(SECTIONS.find((s) => s.id === page.sectionId)?.title ?? '')],
    [labelNode(page.certainty!)],
    [text(page.basis.map((b) => EVIDENCE_BASES[b].label).join('; '))],
    [text(page.lastReviewed ?? '')],
  ]);
  const header = ['Page', 'Section', 'Certainty', 'Evidence', 'Last reviewed'];
  const summary = CERTAINTY_ORDER.map((level) => `${level.label}: ${topics.filter((p) => p.certainty === level.id).length}`).join(' · ');
  return [
    { type: 'paragraph', children: [text(`${topics.length} topic pages. ${summary}.`)] },
    block('sortabletable', { label: sectionId ? `Evidence map: ${sectionId}` : 'Evidence map' }, [table(header, rows)]),
  ];
}

function bibliography(fromFile: string, pages: PageSummary[], bibliographyPath: string): RootContent[] {
  const { references } = loadBibliography(bibliographyPath);
  const citedBy = new Map<string, PageSummary[]>();
  for (const page of pages) for (const key of page.citedKeys) citedBy.set(key, [...(citedBy.get(key) ?? []), page]);
  const sorted = [...references.values()].sort((a, b) =>
    (a.authors[0]?.family ?? a.title).localeCompare(b.authors[0]?.family ?? b.title, 'en') || a.year.localeCompare(b.year) || a.key.localeCompare(b.key),
  );
  const cited = sorted.filter((reference) => citedBy.has(reference.key));
  const items = cited.map((reference) => {
    const summary = studySummary(reference);
    const children = segmentsToHast(formatReference(reference));
    if (summary) children.push(hastText(' '), hastElement('span', { className: ['reference__design'] }, [hastText(`[${summary}]`)]));
    return { reference, children };
  });
  const nodes: RootContent[] = [
    { type: 'paragraph', children: [text(`${cited.length} references are cited in this edition.`)] },
  ];
  for (const { reference, children } of items) {
    const pagesCiting = citedBy.get(reference.key)!;
    nodes.push(hastBlock('p', { id: `ref-${reference.key}`, className: ['bibliography__entry'] }, children));
    const citing: PhrasingContent[] = [text('Cited on: ')];
    pagesCiting.forEach((page, i) => {
      if (i > 0) citing.push(text(', '));
      citing.push(linkTo(fromFile, page));
    });
    nodes.push({ type: 'paragraph', children: citing, data: { hProperties: { className: ['bibliography__cited-by'] } } });
  }
  return nodes;
}

function glossary(): RootContent[] {
  const terms = [...loadGlossary()].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return terms.flatMap((term): RootContent[] => [
    heading(3, term.abbreviation && term.abbreviation !== term.term ? `${term.term} (${term.abbreviation})` : term.term, term.id),
    {
      type: 'paragraph',
      children: [
        ...(term.expansion ? [{ type: 'emphasis' as const, children: [text(term.expansion)] }, text('. ')] : []),
        text(term.definition),
      ],
    },
  ]);
}

/** Minutes to read a page, at 200 words a minute (a careful reading of clinical text). */
export const WORDS_PER_MINUTE = 200;
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

function readingList(fromFile: string, frontMatter: Record<string, unknown>, pages: PageSummary[], docPath: string): RootContent[] {
  const self = pages.find((page) => page.docPath === docPath);
  const readings = self?.readings ?? [];
  const byPath = new Map(pages.map((page) => [page.docPath, page]));
  const assigned = readings.map((reading) => ({ reading, page: byPath.get(reading.docPath) }));
  // A page assigned twice (whole, then one section again) is read once.
  const total = [...new Set(assigned.map(({ page }) => page))].reduce((sum, page) => sum + readingMinutes(page?.words ?? 0), 0);
  const distinct = new Set(assigned.map(({ page }) => page)).size;
  const objectives = Array.isArray(frontMatter.objectives) ? (frontMatter.objectives as string[]) : [];
  return [
    { type: 'paragraph', children: [{ type: 'strong', children: [text('Audience: ')] }, text(String(frontMatter.audience ?? ''))] },
    { type: 'paragraph', children: [{ type: 'strong', children: [text('Estimated reading time: ')] }, text(`about ${total} minutes for ${distinct} pages (at ${WORDS_PER_MINUTE} words a minute).`)] },
    heading(2, 'Learning objectives', 'learning-objectives'),
    { type: 'list', ordered: false, spread: false, children: objectives.map((objective) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(objective)] }] })) },
    heading(2, 'Readings', 'readings'),
    {
      type: 'list',
      ordered: true,
      spread: false,
      children: assigned.map(({ reading, page }) => {
        const link = linkTo(fromFile, page!);
        if (reading.section) link.url += `#${reading.section}`;
        return {
          type: 'listItem' as const,
          spread: false,
          children: [
            {
              type: 'paragraph' as const,
              children: [link, text(reading.section ? ' (the section linked). ' : ` (about ${readingMinutes(page!.words)} min). `), text(reading.note ?? '')],
            },
          ],
        };
      }),
    },
  ];
}

function whatChanged(fromFile: string, siteDir: string, version: string, pages: PageSummary[], bibliographyPath: string): RootContent[] {
  const previous = previousEdition(version, listEditions(siteDir));
  const title = (page: PageSummary) => `${page.title} (${page.docPath})`;
  if (!previous) {
    const keys = new Set(pages.flatMap((page) => page.citedKeys));
    return [{ type: 'paragraph', children: [text(`This is the first edition: ${pages.filter((p) => p.pageType === 'topic').length} topic pages citing ${keys.size} references.`)] }];
  }
  const before = loadContentIndex(editionRoot(siteDir, previous));
  const beforeByPath = new Map(before.map((page) => [page.docPath, page]));
  const nowByPath = new Map(pages.map((page) => [page.docPath, page]));
  const added = pages.filter((page) => !beforeByPath.has(page.docPath));
  const removed = before.filter((page) => !nowByPath.has(page.docPath));
  const relabelled = pages.filter((page) => {
    const old = beforeByPath.get(page.docPath);
    return old && old.certainty !== page.certainty;
  });
  const keysNow = new Set(pages.flatMap((page) => page.citedKeys));
  const keysBefore = new Set(before.flatMap((page) => page.citedKeys));
  const { references } = loadBibliography(bibliographyPath);
  const short = (key: string) => {
    const reference = references.get(key);
    return reference ? `${amaAuthors(reference)}. ${reference.title} (${reference.year}) [${key}]` : key;
  };
  const list = (items: PhrasingContent[][]): RootContent =>
    items.length === 0
      ? { type: 'paragraph', children: [text('None.')] }
      : { type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })) };
  const label = (level: string | undefined): PhrasingContent => (level ? labelNode(level) : text('no label'));
  return [
    { type: 'paragraph', children: [text(`Compared with edition ${previous}. Generated from the two editions' pages and the bibliography.`)] },
    heading(3, 'Evidence labels that changed', 'labels-changed'),
    relabelled.length === 0
      ? { type: 'paragraph', children: [text('None.')] }
      : table(['Page', 'Before', 'Now'], relabelled.map((page) => [[linkTo(fromFile, page)], [label(beforeByPath.get(page.docPath)!.certainty)], [label(page.certainty)]])),
    heading(3, 'Pages added', 'pages-added'),
    list(added.map((page) => [linkTo(fromFile, page)])),
    heading(3, 'Pages removed', 'pages-removed'),
    list(removed.map((page) => [text(title(page))])),
    heading(3, 'References added', 'references-added'),
    list([...keysNow].filter((key) => !keysBefore.has(key)).sort().map((key) => [text(short(key))])),
    heading(3, 'References no longer cited', 'references-removed'),
    list([...keysBefore].filter((key) => !keysNow.has(key)).sort().map((key) => [text(short(key))])),
  ];
}

function reviewQueue(fromFile: string, pages: PageSummary[], today: Date): RootContent[] {
  const todayIso = today.toISOString().slice(0, 10);
  const due = pages.filter((page) => page.nextReviewDue && page.nextReviewDue <= todayIso);
  if (due.length === 0) {
    return [{ type: 'paragraph', children: [text(`No page is past its review date as of ${todayIso}.`)] }];
  }
  return [
    table(
      ['Page', 'Last reviewed', 'Review was due'],
      due.map((page) => [[linkTo(fromFile, page)], [text(page.lastReviewed ?? '')], [text(page.nextReviewDue ?? '')]]),
    ),
  ];
}

const generatedBlocks: Plugin<[Options], Root> = (options) => (tree, file) => {
  const location = docLocation(file.path, options.siteDir);
  if (!location) return;
  visit(tree, 'leafDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    let replacement: RootContent[] | undefined;
    switch (node.name) {
      case 'evidence-scale':
        replacement = evidenceScale();
        break;
      case 'evidence-map':
        replacement = evidenceMap(file.path, loadContentIndex(location.root), node.attributes?.section ?? undefined);
        break;
      case 'bibliography':
        replacement = bibliography(file.path, loadContentIndex(location.root), options.bibliographyPath);
        break;
      case 'review-queue':
        replacement = reviewQueue(file.path, loadContentIndex(location.root), (options.today ?? (() => new Date()))());
        break;
      case 'reading-list':
        replacement = readingList(file.path, file.data.frontMatter ?? {}, loadContentIndex(location.root), location.docPath);
        break;
      case 'what-changed':
        replacement = whatChanged(file.path, options.siteDir, location.version, loadContentIndex(location.root), options.bibliographyPath);
        break;
      case 'glossary':
        replacement = glossary();
        break;
      case 'pk-figure':
        replacement = pkFigure();
        break;
      default:
        return;
    }
    parent.children.splice(index, 1, ...(replacement as typeof parent.children));
  });
};

export default generatedBlocks;
