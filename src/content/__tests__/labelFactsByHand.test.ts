// cspell:ignore hospira
/**
 * Label facts live in one cited data file (src/data/label-facts.yaml) and
 * pages render them with generated blocks, so no two pages can disagree.
 * This test fails when a page in docs/ states a boxed-warning list, an
 * indication list, an approval date or a contraindication list of ketamine
 * or esketamine by hand (see src/labelFacts/byHand.ts for what counts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBibliography } from '../../citations/bibliography';
import { findByHand } from '../../labelFacts/byHand';
import { readLabelFacts } from '../../labelFacts/labelFacts';
import { labelFactBlock, labelFactsBlock } from '../../remark/generatedBlocks/labelFacts';
import { FIXTURES } from '../../test/pipeline';
import { listMarkdownFiles } from '../contentIndex';
import { PATHS } from '../paths';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'labelFacts', name), 'utf8');

/**
 * Statements still written by hand on pages outside the label-facts
 * branch's files, each to be replaced by a block by the page's owner. An
 * entry that no longer matches fails the last test, so the list can only
 * shrink.
 */
const PENDING: readonly { file: string; kind: string; block: string }[] = [
  { file: 'conditions/treatment-resistant-depression.md', kind: 'boxed-warning-list', block: '::label-facts{product="esketamine" list="boxed_warning"}' },
  { file: 'reference/common-misconceptions.md', kind: 'indication-list', block: '::label-facts{product="ketamine" list="indications"}' },
];

function docsFindings() {
  return listMarkdownFiles(PATHS.docs).flatMap((file) =>
    findByHand(readFileSync(file, 'utf8')).map((finding) => ({ file: relative(PATHS.docs, file).split('\\').join('/'), ...finding })),
  );
}

describe('label facts stated by hand', () => {
  it('are found in a page that writes them out (fixture)', () => {
    const found = findByHand(fixture('by-hand.md')).map((f) => `${f.line} ${f.kind}`);
    expect(found).toEqual([
      '4 boxed-warning-list',
      '7 approval-date',
      '9 indication-list',
      '11 contraindication-list',
      '18 boxed-warning-list',
      '20 contraindication-list',
      '22 approval-date',
    ]);
  });

  it('are not confused with legitimate prose, non-US decisions, page links, blocks, code or comments (fixture)', () => {
    expect(findByHand(fixture('prose.md'))).toEqual([]);
  });

  it('appear on no page in docs/ except the pending ones, which render from src/data/label-facts.yaml once migrated', () => {
    const open = docsFindings().filter((f) => !PENDING.some((p) => p.file === f.file && p.kind === f.kind));
    expect(open.map((f) => `${f.file}:${f.line} ${f.kind}: ${f.sentence}`)).toEqual([]);
  });

  it('lists no pending page that has already been migrated', () => {
    const findings = docsFindings();
    const stale = PENDING.filter((p) => !findings.some((f) => f.file === p.file && f.kind === p.kind));
    expect(stale).toEqual([]);
  });
});

describe('the label facts blocks', () => {
  const keys = new Set(loadBibliography(PATHS.bibliography, PATHS.citationStyle).references.keys());
  const read = readLabelFacts(PATHS.labelFacts, keys);
  const site = { labelFacts: new Map([['current', read.facts!]]) };

  it('read the data file without problems, every cited key in the bibliography', () => {
    expect(read.problems).toEqual([]);
  });

  it('refuse a fact that is not verified (null) instead of showing it as "none"', () => {
    expect(labelFactBlock.check(site, { product: 'esketamine', fact: 'populations.renal' })).toMatch(/no verified `populations.renal`/);
    expect(labelFactBlock.check(site, { product: 'esketamine', fact: 'populations.pregnancy' })).toBeUndefined();
  });

  it('render a label without a boxed warning as a cited "none", never as an empty list', () => {
    const nodes = labelFactsBlock.render({ site, root: { version: 'current' }, attributes: { product: 'ketamine', list: 'boxed_warning' } } as never);
    expect(JSON.stringify(nodes)).toContain('carries no boxed warning');
    expect(JSON.stringify(nodes)).toContain('hospira2024ketamine');
  });
});
