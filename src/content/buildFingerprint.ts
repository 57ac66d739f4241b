/**
 * A fingerprint of everything a page's compiled output depends on beyond
 * its own file.
 *
 * Docusaurus keeps compiled Markdown in a persistent cache keyed on each
 * file's own content. Our pages are made from the whole content index: the
 * evidence map lists every page's label, the bibliography numbers every
 * citation, a reading list shows its PDF only once the packet exists, and
 * the trust block names contributors from the repository history. Without
 * a wider key, a second build would serve the evidence map as it was
 * before another page's label changed. Docusaurus writes the docs plugin's
 * options into the loader's cache key (`__mdx-loader-dependency.json`), so
 * this value, passed in the content-model plugin's options, compiles the
 * pages whenever any of their inputs change, and only then.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKETS_DIR } from '../packet/files';

/** Folders whose files pages are made from (content, data, and the code that renders them). */
const INPUT_FOLDERS = ['docs', 'versioned_docs', 'versioned_sidebars', 'src'];
const INPUT_FILES = ['versions.json', 'sidebars.ts', '.mailmap'];
/** Test and tooling folders under src/ that never reach a page. */
const SKIPPED = /(^|\/)(__tests__|e2e|integration|benchmark|node_modules)(\/|$)|(^|\/)\./;

function filesUnder(dir: string, skip?: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !skip?.test(relative(dir, file).split(sep).join('/')))
    .sort();
}

/** The commit the history was read at; empty outside a repository. */
function headCommit(siteDir: string): string {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: siteDir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

export function buildFingerprint(siteDir: string, today = new Date()): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => hash.update(`${label}\0`).update(value).update('\0');
  for (const folder of INPUT_FOLDERS) {
    for (const file of filesUnder(join(siteDir, folder), SKIPPED)) add(relative(siteDir, file), readFileSync(file));
  }
  for (const name of INPUT_FILES) if (existsSync(join(siteDir, name))) add(name, readFileSync(join(siteDir, name)));
  // Packets are large: their names and sizes are enough to notice a new or rebuilt one.
  for (const file of filesUnder(join(siteDir, PACKETS_DIR))) {
    const stat = statSync(file);
    add(relative(siteDir, file), `${stat.size}:${stat.mtimeMs}`);
  }
  add('git', headCommit(siteDir));
  // Review dates are judged against today: the review queue changes at midnight.
  add('today', today.toISOString().slice(0, 10));
  return hash.digest('hex').slice(0, 16);
}
