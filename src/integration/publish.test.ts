/**
 * The publish command runs the deploy workflow's steps (build, PDF
 * packets, build again) on this machine. Run here on one reading list, in a
 * copy of the site: both builds pass Docusaurus's link checks (the first
 * without the PDF, the second with it), and the reading list's page then
 * links a PDF that the site serves and whose text names the list and its
 * edition. Needs Chromium and pdftotext (poppler-utils); about three
 * minutes on two cores.
 */
// cspell:ignore pdfinfo -- poppler-utils' page counter, beside pdftotext.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listEditions } from '../content/editions';
import { SITE_DIR } from '../content/paths';

const LIST = 'trd-primer-for-residents';
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A copy of the site with its editions (outside the repository, so without
 * its history). Its node_modules links each installed package but is a
 * folder of its own, so the build cache stays in the copy and is removed
 * with it, while the second build still reuses the first one's cache.
 */
function siteCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ketamine-publish-'));
  temporary.push(dir);
  for (const entry of [
    'docs',
    'versioned_docs',
    'versioned_sidebars',
    'versions.json',
    'src',
    'static',
    'sidebars.ts',
    'docusaurus.config.ts',
    'package.json',
    'tsconfig.json',
  ]) {
    cpSync(join(SITE_DIR, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(SITE_DIR, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(SITE_DIR, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Runs a command without blocking the test worker (a blocked worker misses the runner's heartbeats). */
function run(command: string, args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the publish command', { timeout: 420_000 }, () => {
  it('builds, prints one reading list and builds again, so the list links a PDF that exists and names the list and its edition', async () => {
    const dir = siteCopy();
    const edition = listEditions(dir)[0]!;
    const { status, output } = await run(join(SITE_DIR, 'node_modules', '.bin', 'tsx'), ['src/scripts/publish.ts', '--list', LIST, '--edition', edition], dir);
    expect(status, output).toBe(0);
    expect(output).toContain('publish: build without packets done');
    expect(output).toContain('publish: build with packets done');

    const page = readFileSync(join(dir, 'build', 'docs', edition, 'reading-lists', `${LIST}.html`), 'utf8');
    const link = /<p class="?packet-download"?><a href="?([^" >]+)"?[^>]*>Download this reading list as a PDF<\/a> \((\d+) pages, [\d.]+ (?:KB|MB)\)\./.exec(
      page,
    );
    expect(link, 'the reading list links its PDF with pages and size').not.toBeNull();
    const [, href, pages] = link!;
    expect(href).toBe(`/pdf/${edition}/${LIST}.pdf`);
    const pdf = join(dir, 'build', href!);
    expect(existsSync(pdf), `${href} is in the built site`).toBe(true);

    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Ketamine for treatment-resistant depression: a primer for psychiatry residents');
    expect(text).toContain(`Edition: ${edition}`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));

    // Only the one list was printed: the other list and the edition link nothing.
    expect(readFileSync(join(dir, 'build', 'docs', edition, 'reading-lists', 'safe-delivery-for-treatment-teams.html'), 'utf8')).not.toContain(
      'packet-download',
    );
    expect(readFileSync(join(dir, 'build', 'docs', edition, 'reading-lists.html'), 'utf8')).not.toContain('packet-download');
  });
});
