/**
 * Puts the evidence label, the review dates and the key points at the top
 * of every topic page, from its front matter, so no page can show them
 * differently or forget them.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin, Processor } from 'unified';
import { formatDate } from '../../citations/format';
import { dirname, relative, sep } from 'node:path';
import { loadContentIndex } from '../../content/contentIndex';
import { nextReviewDue } from '../../content/frontMatter';
import { docLocation } from '../../content/paths';
import { block, heading, inline, text } from '../shared/nodes';

export const KEY_POINTS_HEADING = 'Key points';

function inlineMarkdown(processor: Processor, markdown: string): PhrasingContent[] {
  const root = processor.parse(markdown) as Root;
  const first = root.children[0];
  return first && first.type === 'paragraph' ? first.children : [text(markdown)];
}

export interface Options {
  readonly siteDir: string;
}

const pageHeader: Plugin<[Options], Root> = function pageHeader(this: Processor, options) {
  const processor = this;
  return (tree, file) => {
    const frontMatter = file.data.pageCheck?.frontMatter;
    if (!frontMatter) return;
    const inserted: RootContent[] = [];
    if (frontMatter.evidence) {
      inserted.push(
        block(
          'evidencelabel',
          {
            level: frontMatter.evidence.certainty,
            basis: frontMatter.evidence.basis.join(' '),
            rationale: frontMatter.evidence.rationale,
            variant: 'page',
          },
          [],
        ),
      );
    }
    const official = frontMatter.evidence?.certainty === 'official-record';
    const review: PhrasingContent[] = [
      text(official ? 'Facts checked against official records on ' : 'Last reviewed '),
      inline('time', { dateTime: frontMatter.last_reviewed }, [text(formatDate(frontMatter.last_reviewed))]),
    ];
    if (frontMatter.reviewed_by) review.push(text(` by ${frontMatter.reviewed_by}`));
    const due = nextReviewDue(frontMatter);
    review.push(text(' · Next review due '), inline('time', { dateTime: due }, [text(formatDate(due.slice(0, 7)))]));
    inserted.push({ type: 'paragraph', children: review, data: { hProperties: { className: ['page-review'] } } });

    // Reading lists that assign this page link back from it, so a student can return to the syllabus.
    const location = docLocation(file.path, options.siteDir);
    const lists = location
      ? loadContentIndex(location.root).filter((page) => page.readings.some((reading) => reading.docPath === location.docPath))
      : [];
    if (lists.length > 0) {
      const children: PhrasingContent[] = [text(lists.length === 1 ? 'On the reading list ' : 'On the reading lists ')];
      lists.forEach((list, index) => {
        if (index > 0) children.push(text(', '));
        const url = relative(dirname(file.path), list.file).split(sep).join('/');
        children.push({ type: 'link', url: url.startsWith('.') ? url : `./${url}`, children: [text(list.title)] });
      });
      inserted.push({ type: 'paragraph', children, data: { hProperties: { className: ['page-reading-lists'] } } });
    }
    if (frontMatter.key_points) {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: frontMatter.key_points.map(
          (point): ListItem => ({
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: inlineMarkdown(processor, point) }],
          }),
        ),
      };
      inserted.push(
        block('section', { className: ['key-points'] }, [heading(2, KEY_POINTS_HEADING, 'key-points'), list]),
      );
    }
    tree.children.unshift(...inserted);
  };
};

export default pageHeader;
