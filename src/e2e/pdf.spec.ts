/**
 * The PDF command turns a reading list into a packet whose text shows the
 * pages' labels, numbered citations and references, and fails clearly on
 * an unknown list. Reads the PDF with pdftotext (poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topicPages } from './site';
import { expect, test } from '@playwright/test';

const run = (args: string[]) => spawnSync('npx', ['tsx', 'src/scripts/pdf.ts', ...args], { encoding: 'utf8', cwd: join(__dirname, '..', '..') });

test('a reading list becomes a PDF with labels, numbered citations and references', async () => {
  test.setTimeout(120_000);
  const out = join(mkdtempSync(join(tmpdir(), 'packet-')), 'trd.pdf');
  const result = run(['trd-primer-for-residents', '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/\[(\d+)\/\1\]/);
  const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('Ketamine for treatment-resistant depression: a primer for psychiatry residents');
  expect(text).toContain(`Edition: ${topicPages()[0]!.version}`);
  expect(text).toContain('Contents');
  expect(text).toMatch(
    /(Certainty|Strength) of evidence:\s+\S+\s+(Low certainty|Moderate certainty|High certainty|Very low certainty|Limited human data|Mainly preclinical data|Consistent human data)/,
  );
  expect(text).toContain('References');
  expect(text).toMatch(/(^|\s)doi:10\.\d{4,9}\//m);
  expect(text).toMatch(/PubMed: \d+/);
  // Numbered citations: the reference list is numbered and the text carries superscript numbers.
  expect(text).toMatch(/\n\s*1\.\s+\S/);
});

test('the PDF command names an unknown reading list and the lists that exist', () => {
  const result = run(['no-such-list']);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/pdf: unknown reading list "no-such-list" in edition \d{4}\.\d: use one of/);
  expect(result.stderr).toContain('trd-primer-for-residents');
});
