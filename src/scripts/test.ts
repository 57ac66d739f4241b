/**
 * `npm test`: every check, in the order a failure is cheapest to find.
 * Each stage runs even when an earlier one failed (except those that need
 * the build), so one run shows every kind of problem.
 */
import { spawnSync } from 'node:child_process';
import { SITE_DIR } from '../content/paths';

interface Stage {
  readonly name: string;
  readonly command: string;
  readonly needsBuild?: boolean;
  readonly isBuild?: boolean;
}

const STAGES: readonly Stage[] = [
  { name: 'type check', command: 'tsc' },
  { name: 'lint (ESLint and Prettier)', command: 'npm run --silent lint' },
  { name: 'content validation', command: 'tsx src/scripts/validate.ts' },
  { name: 'spelling', command: 'npm run --silent spellcheck' },
  { name: 'unit tests', command: 'npm run --silent test:unit' },
  { name: 'production build', command: 'docusaurus build', isBuild: true },
  { name: 'HTML validity (W3C Nu checker)', command: 'tsx src/scripts/check-html.ts', needsBuild: true },
  { name: 'failure tests (planted mistakes)', command: 'vitest run --config src/config/vitest.config.ts --dir src/integration' },
  { name: 'end-to-end tests (Chromium)', command: 'playwright test --config src/e2e/playwright.config.ts', needsBuild: true },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number; skipped?: boolean }[] = [];
let built = true;
for (const stage of STAGES) {
  if (only.length > 0 && !only.some((word) => stage.name.includes(word))) continue;
  if (stage.needsBuild && !built) {
    results.push({ name: stage.name, ok: false, seconds: 0, skipped: true });
    console.log(`\n✗ ${stage.name}: skipped, the build failed`);
    continue;
  }
  console.log(`\n▶ ${stage.name}: ${stage.command}`);
  const started = Date.now();
  const { status } = spawnSync(stage.command, {
    cwd: SITE_DIR,
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, PATH: `${SITE_DIR}/node_modules/.bin:${process.env.PATH}` },
  });
  const ok = status === 0;
  if (stage.isBuild) built = ok;
  const seconds = (Date.now() - started) / 1000;
  results.push({ name: stage.name, ok, seconds });
  console.log(`${ok ? '✓' : '✗'} ${stage.name} (${seconds.toFixed(1)} s)`);
}

console.log('\nSummary of test stages:');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}${r.skipped ? ' (skipped)' : ` (${r.seconds.toFixed(1)} s)`}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
