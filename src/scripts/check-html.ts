/**
 * `npm run check:html`: every built HTML page through the W3C Nu HTML
 * checker (vnu-jar, run with the system Java), so invalid markup from a
 * component, a generated block or KaTeX fails the tests naming the page,
 * line and message. Errors fail; warnings are not reported.
 *
 * The jar is called directly rather than through vnu-jar's JavaScript
 * wrapper, which downloads a Java runtime when none is found: nothing may
 * be fetched at test time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { SITE_DIR } from '../content/paths';

interface NuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url?: string;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly message: string;
  readonly extract?: string;
}

const buildDir = resolve(SITE_DIR, process.argv[2] ?? 'build');
const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

if (!existsSync(buildDir)) fail(`${relative(SITE_DIR, buildDir)}/ does not exist: run \`npm run build\` first.`);
if (!existsSync(jar)) fail('vnu-jar is not installed: run `npm ci`.');

const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', buildDir], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error)
  fail(`Java is needed for the HTML checker (${run.error.message}): install it with \`apt-get install default-jre-headless\` (.ci/run does this).`);

let messages: NuMessage[];
try {
  // The checker writes its JSON report to standard error.
  messages = (JSON.parse(run.stderr) as { messages: NuMessage[] }).messages;
} catch {
  fail(`the HTML checker did not produce a report (exit ${run.status}):\n${(run.stderr || run.stdout).slice(0, 2000)}`);
}

const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
for (const m of errors) {
  const file = m.url ? relative(SITE_DIR, decodeURIComponent(new URL(m.url).pathname)) : buildDir;
  console.error(`${file}:${m.lastLine ?? 1}:${m.firstColumn ?? 1}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`);
}
if (errors.length > 0) fail(`${errors.length} HTML error(s) in the built site; fix the component, generated block or Markdown that produces them.`);
console.log('✓ every built page is valid HTML (W3C Nu checker, errors only)');
