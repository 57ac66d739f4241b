/**
 * The head of every topic page, from its front matter, so no page can show
 * it differently or forget it: the evidence label (one line, with the
 * question it grades and why, expandable), the bottom line, and the key
 * points. On a phone this is the first screen. The review dates and the
 * reading lists that assign the page follow the key points.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { formatDate } from '../../citations/format';
import type { SiteIndex } from '../../content/contentIndex';
import { nextReviewDue } from '../../content/frontMatter';
import type { PageModel } from '../../content/page';
import { resolveDocPath } from '../../content/page';
import { levelOf } from '../../evidence/levels';
import { linkTo, rootOf } from '../generatedBlocks';
import { block, heading, inline, text } from '../shared/nodes';

export const KEY_POINTS_HEADING = 'Key points';
export const BOTTOM_LINE_HEADING = 'Bottom line';

export interface Options {
  readonly site: SiteIndex;
  readonly page: PageModel;
}

const pageHeader: Plugin<[Options], Root> =
  ({ site, page }) =>
  (tree) => {
    const fm = page.frontMatter;
    const inserted: RootContent[] = [];
    const evidence = fm.evidence;
    if (evidence) {
      inserted.push(
        block(
          'evidencelabel',
          { level: evidence.certainty, basis: evidence.basis.join(' '), rationale: evidence.rationale, question: evidence.question, variant: 'page' },
          [],
        ),
      );
    }
    if (page.bottomLine) {
      inserted.push(
        block('section', { className: ['bottom-line'], ariaLabelledBy: 'bottom-line' }, [
          {
            type: 'paragraph',
            children: [{ type: 'strong', children: [text(`${BOTTOM_LINE_HEADING}: `)] }, ...structuredClone(page.bottomLine.children)],
            data: { hProperties: { id: 'bottom-line' } },
          },
        ]),
      );
    }
    if (page.keyPoints.length > 0) {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: page.keyPoints.map((point): ListItem => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: structuredClone(point.children) }],
        })),
      };
      inserted.push(block('section', { className: ['key-points'] }, [heading(2, KEY_POINTS_HEADING, 'key-points'), list]));
    }

    if (evidence || fm.page_type !== 'guide') {
      const official = evidence ? levelOf(evidence.certainty).kind === 'official-record' : false;
      const review: PhrasingContent[] = [
        text(official ? 'Facts checked against official records on ' : 'Last reviewed '),
        inline('time', { dateTime: fm.last_reviewed }, [text(formatDate(fm.last_reviewed))]),
      ];
      if (fm.literature_searched)
        review.push(text(' · Literature searched '), inline('time', { dateTime: fm.literature_searched }, [text(formatDate(fm.literature_searched))]));
      const due = nextReviewDue(fm);
      review.push(text(' · Next review due '), inline('time', { dateTime: due }, [text(formatDate(due.slice(0, 7)))]));
      inserted.push({ type: 'paragraph', children: review, data: { hProperties: { className: ['page-review'] } } });
    }

    // Reading lists that assign this page link back from it, so a student can return to the syllabus.
    const root = rootOf(site, page);
    const lists = root.pages.filter((list) => (list.frontMatter.readings ?? []).some((reading) => resolveDocPath(list, reading.page) === page.docPath));
    if (lists.length > 0) {
      const children: PhrasingContent[] = [text(lists.length === 1 ? 'On the reading list ' : 'On the reading lists ')];
      lists.forEach((list, index) => {
        if (index > 0) children.push(text(', '));
        children.push(linkTo(page, list));
      });
      inserted.push({ type: 'paragraph', children, data: { hProperties: { className: ['page-reading-lists'] } } });
    }
    // The front matter's yaml node stays first; the head follows it.
    const first = tree.children[0]?.type === 'yaml' ? 1 : 0;
    tree.children.splice(first, 0, ...inserted);
  };

export default pageHeader;
