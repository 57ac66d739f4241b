/**
 * `npx tsx src/scripts/publish.ts [--list <reading-list-id>]`
 *
 * What the deploy workflow does, on this machine: build the site, print
 * the PDF packets from that build into .packets/ (every reading list and
 * every edition), then build again, so the packets are published with the
 * site and each reading list links its PDF. `--list` prints one reading
 * list only (in every built edition that has it), for a quick check of
 * the whole chain. The packets folder is emptied first, so no packet of an
 * earlier run is published beside the new ones.
 *
 * SITE_URL, BASE_URL and EDITIONS are passed through to every step.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { versionPath } from '../content/editions';
import { SITE_DIR } from '../content/paths';
import { readManifest } from '../content/urls';
import { PACKETS_DIR } from '../packet/files';

const bin = (name: string) => join(SITE_DIR, 'node_modules', '.bin', name);

class PublishError extends Error {}

function step(name: string, command: string, args: string[]): number {
  console.log(`\npublish: ${name}: ${[command.split('/').pop(), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: SITE_DIR, stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - started) / 1000;
  if (result.status !== 0) throw new PublishError(`${name} failed (exit code ${result.status ?? result.signal}); nothing was published`);
  console.log(`publish: ${name} done in ${seconds.toFixed(1)} s`);
  return seconds;
}

/** The pdf command's arguments for one reading list in each built edition that has it. */
function listPacketArgs(listId: string): string[][] {
  const docPath = `reading-lists/${listId}.md`;
  const versions = readManifest(join(SITE_DIR, 'build')).filter((page) => page.docPath === docPath).map((page) => page.version);
  if (versions.length === 0) throw new PublishError(`no reading list "${listId}" in the build: give the file name of a list in docs/reading-lists/ without .md`);
  return versions.map((version) => [listId, '--edition', versionPath(version), '--out-dir', PACKETS_DIR]);
}

function main(): void {
  const { values } = parseArgs({ options: { list: { type: 'string' } } });
  const timings: [string, number][] = [];
  rmSync(join(SITE_DIR, PACKETS_DIR), { recursive: true, force: true });
  timings.push(['build without packets', step('build without packets', bin('docusaurus'), ['build'])]);
  const packets = values.list ? listPacketArgs(values.list) : [['--all', '--out-dir', PACKETS_DIR]];
  let pdfSeconds = 0;
  for (const args of packets) pdfSeconds += step('PDF packets', bin('tsx'), ['src/scripts/pdf.ts', ...args]);
  timings.push(['PDF packets', pdfSeconds]);
  timings.push(['build with packets', step('build with packets', bin('docusaurus'), ['build'])]);
  console.log(`\npublish: the site in build/ links its PDF packets (${PACKETS_DIR}/ holds them):`);
  for (const [name, seconds] of timings) console.log(`  ${name}: ${seconds.toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  console.error(`publish: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
