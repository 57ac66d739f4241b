/**
 * `npx tsx src/scripts/publish.ts [--list <reading-list-id> [--edition 2026.1|next]]`
 *
 * What the deploy workflow does, on this machine: build the site, print
 * the PDF packets from that build into .packets/ (every reading list and
 * every edition), then build again, so the packets are published with the
 * site and each reading list links its PDF. `--list` prints one reading
 * list only (in every built edition that has it, or in the one named by
 * `--edition`), for a quick check of the whole chain. The packets folder is emptied first, so no packet of an
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

/** The pdf command's arguments for one reading list in each built edition that has it (or the one asked for). */
function listPacketArgs(listId: string, edition?: string): string[][] {
  const docPath = `reading-lists/${listId}.md`;
  const versions = readManifest(join(SITE_DIR, 'build'))
    .filter((page) => page.docPath === docPath)
    .map((page) => versionPath(page.version));
  if (versions.length === 0)
    throw new PublishError(`no reading list "${listId}" in the build: give the file name of a list in docs/reading-lists/ without .md`);
  const chosen = edition ? versions.filter((version) => version === edition) : versions;
  if (chosen.length === 0) throw new PublishError(`the reading list "${listId}" is not in edition ${edition} of the build: use one of ${versions.join(', ')}`);
  return chosen.map((version) => [listId, '--edition', version, '--out-dir', PACKETS_DIR]);
}

function main(): void {
  const { values } = parseArgs({ options: { list: { type: 'string' }, edition: { type: 'string' } } });
  if (values.edition && !values.list) throw new PublishError('--edition goes with --list: a full publish prints every edition');
  const timings: [string, number][] = [];
  rmSync(join(SITE_DIR, PACKETS_DIR), { recursive: true, force: true });
  timings.push(['build without packets', step('build without packets', bin('docusaurus'), ['build'])]);
  const packets = values.list ? listPacketArgs(values.list, values.edition) : [['--all', '--out-dir', PACKETS_DIR]];
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
