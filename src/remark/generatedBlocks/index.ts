/**
 * Expands the generated blocks (`::evidence-map`, `::bibliography`,
 * `::evidence-scale`, `::review-queue`, `::pk-figure`, `::glossary`,
 * `::reading-list`, `::self-check`, `::what-changed`, and the data-driven
 * blocks registered in ./data) from the content index, so those pages are
 * never maintained by hand and change as soon as a page's label or
 * citations change. Runs once per page per build, inside the content index.
 */
import type {} from 'mdast-util-directive';
import type { Heading, List, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { entriesOf } from '../../citations/bibliography';
import { formatDate } from '../../citations/format';
import { personName } from '../../citations/reference';
import type { ContentRoot, SiteIndex } from '../../content/contentIndex';
import { listEditions, previousEdition } from '../../content/editions';
import { nextReviewDue } from '../../content/frontMatter';
import { resolveDocPath, type PageModel } from '../../content/page';
import { assignedPages, listMinutes, readingMinutes, WORDS_PER_MINUTE } from '../../content/readingTime';
import { SECTIONS } from '../../content/sections';
import { EVIDENCE_BASES, EVIDENCE_BASIS_IDS, LABEL_KINDS, LABEL_ORDER, type LabelKindId } from '../../evidence/levels';
import { statementsOf, type LabelFacts, type Statement } from '../../labelFacts/labelFacts';
import { describePacket, readingListPacketFile, type PacketFile } from '../../packet/files';
import { pkFigure } from '../../pharmacokinetics/figure';
import { block, heading, text } from '../shared/nodes';
import { DATA_BLOCKS, type BlockContext } from './data';
import { labelNode, linkTo, rootOf, table } from './helpers';

export interface Options {
  readonly site: SiteIndex;
  readonly page: PageModel;
}

export { labelNode, linkTo, rootOf, table } from './helpers';

const bullets = (items: PhrasingContent[][]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});

function evidenceScale(): RootContent[] {
  const nodes: RootContent[] = [];
  for (const kind of Object.keys(LABEL_KINDS) as LabelKindId[]) {
    const levels = LABEL_ORDER.filter((level) => level.kind === kind);
    // A kind with one level is that level: its heading carries the level's id, which labels link to.
    nodes.push(heading(3, LABEL_KINDS[kind].name, levels.length === 1 ? levels[0]!.id : `label-${kind}`));
    nodes.push({ type: 'paragraph', children: [text(`For ${LABEL_KINDS[kind].appliesTo}.`)] });
    for (const level of levels) {
      if (levels.length > 1) nodes.push(heading(4, level.label, level.id));
      nodes.push(
        block('div', { className: ['evidence-scale__level'] }, [
          { type: 'paragraph', children: [labelNode(level.id)] },
          { type: 'paragraph', children: [{ type: 'strong', children: [text('Definition: ')] }, text(level.definition)] },
          { type: 'paragraph', children: [{ type: 'strong', children: [text('What it means for practice: ')] }, text(level.implication)] },
        ]),
      );
    }
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

function topicPages(root: ContentRoot, sectionId?: string): PageModel[] {
  return root.pages.filter((page) => page.frontMatter.page_type === 'topic' && page.frontMatter.evidence && (!sectionId || page.sectionId === sectionId));
}

function evidenceMap(from: PageModel, root: ContentRoot, sectionId: string | undefined): RootContent[] {
  const topics = topicPages(root, sectionId);
  const rows = topics.map((page) => [
    [linkTo(from, page)],
    [text(SECTIONS.find((s) => s.id === page.sectionId)?.title ?? '')],
    [labelNode(page.frontMatter.evidence!.certainty)],
    [text(page.frontMatter.evidence!.question ?? '')],
    [text(page.frontMatter.evidence!.basis.map((b) => EVIDENCE_BASES[b].label).join('; '))],
    [text(page.frontMatter.last_reviewed)],
  ]);
  const counts = LABEL_ORDER.map((level) => [level, topics.filter((p) => p.frontMatter.evidence!.certainty === level.id).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${level.label}: ${count}`)
    .join(' · ');
  return [
    { type: 'paragraph', children: [text(`${topics.length} topic pages. ${counts}.`)] },
    block('sortabletable', { label: sectionId ? `Evidence map: ${sectionId}` : 'Evidence map' }, [
      table(['Page', 'Section', 'Label', 'Question graded', 'Evidence', 'Last reviewed'], rows),
    ]),
  ];
}

function bibliography(from: PageModel, site: SiteIndex, root: ContentRoot): RootContent[] {
  const citedBy = new Map<string, PageModel[]>();
  for (const page of root.pages) {
    for (const key of page.citedKeys) {
      const canonical = site.bibliography.references.get(key)?.key ?? key;
      const list = citedBy.get(canonical) ?? [];
      if (!list.includes(page)) citedBy.set(canonical, [...list, page]);
    }
  }
  const sortName = (key: string) => {
    const reference = site.bibliography.references.get(key)!;
    const first = reference.authors[0];
    return `${first ? (first.literal ?? first.family ?? '') : reference.title} ${reference.year}`;
  };
  const keys = entriesOf(site.bibliography)
    .map((r) => r.key)
    .filter((key) => citedBy.has(key))
    .sort((a, b) => sortName(a).localeCompare(sortName(b), 'en') || a.localeCompare(b));
  const nodes: RootContent[] = [{ type: 'paragraph', children: [text(`${keys.length} references are cited in this edition.`)] }];
  for (const key of keys) {
    // The entry itself is rendered by the citations step, from the same CSL output as every reference list.
    nodes.push({ type: 'paragraph', children: [], data: { hName: 'bibliographyentry', hProperties: { dataReferenceKey: key } } });
    const citing: PhrasingContent[] = [text('Cited on: ')];
    citedBy.get(key)!.forEach((page, i) => {
      if (i > 0) citing.push(text(', '));
      citing.push(linkTo(from, page));
    });
    nodes.push({ type: 'paragraph', children: citing, data: { hProperties: { className: ['bibliography__cited-by'] } } });
  }
  return nodes;
}

function glossary(site: SiteIndex): RootContent[] {
  const terms = [...site.glossary].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return terms.flatMap((term): RootContent[] => [
    heading(3, term.abbreviation && term.abbreviation !== term.term ? `${term.term} (${term.abbreviation})` : term.term, term.id),
    {
      type: 'paragraph',
      children: [...(term.expansion ? [{ type: 'emphasis' as const, children: [text(term.expansion)] }, text('. ')] : []), text(term.definition)],
    },
  ]);
}

/**
 * A link to a PDF packet, with its size. Packets are static files, not
 * pages: the `pathname://` address is Docusaurus's way to say so (its Link
 * adds the base URL and leaves the address out of the route check), and
 * the link is only made for a file the build publishes.
 */
export function packetLink(packet: PacketFile, label: string): RootContent {
  return {
    type: 'paragraph',
    children: [{ type: 'link', url: `pathname:///${packet.file}`, children: [text(label)] }, text(` (${describePacket(packet)}).`)],
    data: { hProperties: { className: ['packet-download'] } },
  };
}

function readingList(from: PageModel, site: SiteIndex, root: ContentRoot): RootContent[] {
  const fm = from.frontMatter;
  const pages = assignedPages(from, root);
  const packet = site.packets.get(readingListPacketFile(from.version, from.docPath));
  return [
    { type: 'paragraph', children: [{ type: 'strong', children: [text('Audience: ')] }, text(fm.audience ?? '')] },
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [text('Estimated reading time: ')] },
        text(`about ${listMinutes(from, root)} minutes for ${pages.length} pages (at ${WORDS_PER_MINUTE} words a minute).`),
      ],
    },
    ...(packet ? [packetLink(packet, 'Download this reading list as a PDF')] : []),
    heading(2, 'Learning objectives', 'learning-objectives'),
    bullets((fm.objectives ?? []).map((_, index) => from.fields.get(`objectives.${index}`)?.children ?? [])),
    heading(2, 'Readings', 'readings'),
    {
      type: 'list',
      ordered: true,
      spread: false,
      children: (fm.readings ?? []).map((reading, index) => {
        const page = root.byDocPath.get(resolveDocPath(from, reading.page))!;
        const note = from.fields.get(`readings.${index}.note`)?.children ?? [];
        return {
          type: 'listItem' as const,
          spread: false,
          children: [
            {
              type: 'paragraph' as const,
              children: [
                linkTo(from, page, page.frontMatter.title, reading.section),
                text(reading.section ? ' (the section linked). ' : ` (about ${readingMinutes(page.words)} min). `),
                ...note,
              ],
            },
          ],
        };
      }),
    },
  ];
}

function selfCheck(from: PageModel, root: ContentRoot): RootContent[] {
  const questions = from.frontMatter.self_check ?? [];
  if (questions.length === 0) return [];
  const nodes: RootContent[] = [
    heading(2, 'Check your understanding', 'self-check'),
    { type: 'paragraph', children: [text(`${questions.length} questions. Choose an answer, then open “Show the answer” to check it and read why.`)] },
  ];
  questions.forEach((question, q) => {
    const field = (path: string) => from.fields.get(`self_check.${q}.${path}`)?.children ?? [];
    const [pagePath, anchor] = question.page.split('#');
    const target = root.byDocPath.get(resolveDocPath(from, pagePath!));
    const letters = 'ABCDE';
    const correct = question.options.findIndex((option) => option.correct);
    nodes.push(
      block('section', { className: ['self-check__question'], ariaLabelledBy: `self-check-${q + 1}` }, [
        {
          type: 'paragraph',
          children: [{ type: 'strong', children: [text(`Question ${q + 1}. `)] }, ...field('question')],
          data: { hProperties: { id: `self-check-${q + 1}` } },
        },
        {
          type: 'list',
          ordered: true,
          spread: false,
          data: { hProperties: { type: 'A', className: ['self-check__options'] } },
          children: question.options.map((_, o) => ({
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: field(`options.${o}.text`) }],
          })),
        },
        block('details', { className: ['self-check__answer'] }, [
          { type: 'paragraph', children: [], data: { hName: 'summary', hChildren: [{ type: 'text', value: 'Show the answer' }] } },
          { type: 'paragraph', children: [{ type: 'strong', children: [text(`Answer: ${letters[correct]}. `)] }, ...field('explanation')] },
          ...(target ? [{ type: 'paragraph' as const, children: [text('Read: '), linkTo(from, target, target.frontMatter.title, anchor)] }] : []),
        ]),
      ]),
    );
  });
  return nodes;
}

function whatChanged(from: PageModel, site: SiteIndex, root: ContentRoot): RootContent[] {
  const previous = previousEdition(root.version, listEditions(site.paths.siteDir));
  const canonical = (keys: Iterable<string>) => new Set([...keys].map((key) => site.bibliography.references.get(key)?.key ?? key));
  if (!previous) {
    const keys = canonical(root.pages.flatMap((page) => page.citedKeys));
    return [{ type: 'paragraph', children: [text(`This is the first edition: ${topicPages(root).length} topic pages citing ${keys.size} references.`)] }];
  }
  const before = site.roots.find((r) => r.version === previous);
  if (!before) return [{ type: 'paragraph', children: [text(`Edition ${previous} is not available to compare with.`)] }];
  const added = root.pages.filter((page) => !before.byDocPath.has(page.docPath));
  const removed = before.pages.filter((page) => !root.byDocPath.has(page.docPath));
  const relabelled = root.pages.filter((page) => {
    const old = before.byDocPath.get(page.docPath);
    return old && old.frontMatter.evidence?.certainty !== page.frontMatter.evidence?.certainty;
  });
  const keysNow = canonical(root.pages.flatMap((page) => page.citedKeys));
  const keysBefore = canonical(before.pages.flatMap((page) => page.citedKeys));
  const short = (key: string) => {
    const reference = site.bibliography.references.get(key);
    if (!reference) return key;
    const first = reference.authors[0];
    const who = `${first ? personName(first) : ''}${reference.authors.length > 1 || reference.moreAuthors ? ' et al' : ''}`;
    return `${who}${who.endsWith('.') ? '' : '.'} ${reference.title} (${reference.year}) [${key}]`;
  };
  const label = (level: string | undefined): PhrasingContent => (level ? labelNode(level) : text('no label'));
  return [
    { type: 'paragraph', children: [text(`Compared with edition ${previous}. Generated from the two editions' pages and the bibliography.`)] },
    heading(2, 'Evidence labels that changed', 'labels-changed'),
    relabelled.length === 0
      ? { type: 'paragraph', children: [text('None.')] }
      : table(
          ['Page', 'Before', 'Now'],
          relabelled.map((page) => [
            [linkTo(from, page)],
            [label(before.byDocPath.get(page.docPath)!.frontMatter.evidence?.certainty)],
            [label(page.frontMatter.evidence?.certainty)],
          ]),
        ),
    heading(2, 'Product label facts that changed', 'label-facts-changed'),
    ...labelFactChanges(site.labelFacts.get(root.version), site.labelFacts.get(previous), previous, short),
    heading(2, 'Pages added', 'pages-added'),
    added.length ? bullets(added.map((page) => [linkTo(from, page)])) : { type: 'paragraph', children: [text('None.')] },
    heading(2, 'Pages removed', 'pages-removed'),
    removed.length ? bullets(removed.map((page) => [text(`${page.frontMatter.title} (${page.docPath})`)])) : { type: 'paragraph', children: [text('None.')] },
    heading(2, 'References added', 'references-added'),
    ...listOrNone(
      [...keysNow]
        .filter((key) => !keysBefore.has(key))
        .sort()
        .map((key) => [text(short(key))]),
    ),
    heading(2, 'References no longer cited', 'references-removed'),
    ...listOrNone(
      [...keysBefore]
        .filter((key) => !keysNow.has(key))
        .sort()
        .map((key) => [text(short(key))]),
    ),
  ];
}

/**
 * What a reader of the two editions would see differ in the label facts
 * (boxed warnings, indications and approval dates, monitoring, rates…):
 * statements added, removed, reworded or cited to another record.
 */
function labelFactChanges(now: LabelFacts | undefined, before: LabelFacts | undefined, previousName: string, short: (key: string) => string): RootContent[] {
  if (!now) return [{ type: 'paragraph', children: [text('This edition has no label-facts file.')] }];
  const current = statementsOf(now);
  const describe = (s: Statement): PhrasingContent[] => [text(`${s.product}, ${s.topic}: ${s.text}. Source: ${short(s.source)}`)];
  if (!before) {
    const products = [...new Set([...current.values()].map((s) => s.product))];
    return [
      {
        type: 'paragraph',
        children: [
          text(
            `New in this edition: ${current.size} statements from the US labels of ${products.join(' and ')} (boxed warnings, indications with their approval dates, monitoring, contraindications, special populations, key rates), each cited to the record it was read in and kept in one data file that every page renders them from. Edition ${previousName} stated label facts in its pages' own text.`,
          ),
        ],
      },
    ];
  }
  const old = statementsOf(before);
  const rows: PhrasingContent[][][] = [];
  for (const [id, s] of current) {
    const was = old.get(id);
    if (!was) rows.push([[text('Added')], describe(s)]);
    else if (was.text !== s.text || was.source !== s.source)
      rows.push([[text('Changed')], [...describe(s), text(` (was: ${was.text}; ${short(was.source)})`)]]);
  }
  for (const [id, s] of old) if (!current.has(id)) rows.push([[text('Removed')], describe(s)]);
  return rows.length ? [table(['Change', 'Statement'], rows)] : [{ type: 'paragraph', children: [text('None.')] }];
}

const listOrNone = (items: PhrasingContent[][]): RootContent[] => [items.length ? bullets(items) : { type: 'paragraph', children: [text('None.')] }];

function reviewQueue(from: PageModel, site: SiteIndex, root: ContentRoot): RootContent[] {
  const due = root.pages.filter((page) => nextReviewDue(page.frontMatter) <= site.today);
  const nodes: RootContent[] = [];
  if (due.length === 0) nodes.push({ type: 'paragraph', children: [text(`No page is past its review date as of ${formatDate(site.today)}.`)] });
  else
    nodes.push(
      table(
        ['Page', 'Last reviewed', 'Review was due'],
        due.map((page) => [[linkTo(from, page)], [text(page.frontMatter.last_reviewed)], [text(nextReviewDue(page.frontMatter))]]),
      ),
    );
  return nodes;
}

/** Block attributes each block accepts, checked by the content checker; the fix when one is wrong. */
export function checkBlockAttributes(site: Partial<SiteIndex>, name: string, attributes: Record<string, string | null | undefined>): string | undefined {
  const data = DATA_BLOCKS[name];
  if (data) return data.check(site, attributes);
  const allowed = name === 'evidence-map' ? ['section'] : [];
  const unknown = Object.keys(attributes).filter((key) => !allowed.includes(key));
  if (unknown.length)
    return `remove the attribute${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `\`${k}\``).join(', ')}${allowed.length ? ` (this block takes ${allowed.map((a) => `\`${a}\``).join(', ')})` : ' (this block takes none)'}`;
  if (name === 'evidence-map' && attributes.section && !SECTIONS.some((s) => s.id === attributes.section)) {
    return `\`section\` must be one of ${SECTIONS.map((s) => s.id).join(', ')}`;
  }
  return undefined;
}

const generatedBlocks: Plugin<[Options], Root> =
  ({ site, page }) =>
  (tree) => {
    const root = rootOf(site, page);
    visit(tree, 'leafDirective', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const context: BlockContext = { site, page, root, attributes: node.attributes ?? {} };
      let replacement: RootContent[] | undefined;
      switch (node.name) {
        case 'evidence-scale':
          replacement = evidenceScale();
          break;
        case 'evidence-map':
          replacement = evidenceMap(page, root, node.attributes?.section ?? undefined);
          break;
        case 'bibliography':
          replacement = bibliography(page, site, root);
          break;
        case 'review-queue':
          replacement = reviewQueue(page, site, root);
          break;
        case 'reading-list':
          replacement = [...readingList(page, site, root), ...selfCheck(page, root)];
          break;
        case 'what-changed':
          replacement = whatChanged(page, site, root);
          break;
        case 'glossary':
          replacement = glossary(site);
          break;
        case 'pk-figure':
          replacement = site.pk ? pkFigure(site.pk) : [];
          break;
        default: {
          const data = DATA_BLOCKS[node.name];
          if (!data) return;
          replacement = data.render(context);
        }
      }
      fitHeadings(replacement, headingDepthBefore(parent.children as RootContent[], index));
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
    });
  };

/** The depth of the last heading before a position (1, the page title, when there is none). */
function headingDepthBefore(siblings: readonly RootContent[], index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    const node = siblings[i]!;
    if (node.type === 'heading') return node.depth;
  }
  return 1;
}

/**
 * Shifts a block's headings so its top heading sits one level below the
 * section it is placed in: the same block may stand under an h2 on one page
 * and an h3 on another, and a skipped level breaks the outline that screen
 * readers and the HTML checker follow.
 */
function fitHeadings(nodes: RootContent[], above: number): void {
  const headings: Heading[] = [];
  for (const node of nodes) visit(node, 'heading', (heading: Heading) => void headings.push(heading));
  if (headings.length === 0) return;
  const shift = above + 1 - Math.min(...headings.map((h) => h.depth));
  for (const heading of headings) heading.depth = Math.min(6, Math.max(2, heading.depth + shift)) as Heading['depth'];
}

export default generatedBlocks;
