/**
 * `npm run edition:cut -- 2026.2`: publishes Next as a new edition.
 *
 * 1. refuses unless the content validates (nothing wrong is frozen into an
 *    edition) and the name is a new, later `YYYY.N`;
 * 2. runs `docusaurus docs:version <name>` (the docs and sidebar snapshot);
 * 3. copies the data the pages render (trial datasets, label facts) into
 *    versioned_docs/version-<name>/_data/, so the edition's forest plots,
 *    findings tables and label facts never change when src/data does
 *    (Docusaurus ignores folders starting with `_`; the content index reads
 *    them, see editionDataDir).
 *
 * Docusaurus's own command does step 2; the rest is ours because the data
 * snapshot and the checks are this site's rules.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EDITION_NAME, editionRoot, isLaterEdition, listEditions } from '../content/editions';
import { SITE_DIR, sitePaths } from '../content/paths';
import { formatProblem, isError } from '../content/problems';
import { validateSite } from '../content/validate';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const name = process.argv[2];
if (!name || !EDITION_NAME.test(name)) fail('give the edition name as YYYY.N, e.g. `npm run edition:cut -- 2026.2`');
const editions = listEditions(SITE_DIR);
if (editions.includes(name)) fail(`edition ${name} already exists (versions.json); editions are never overwritten`);
if (editions[0] && !isLaterEdition(name, editions[0])) fail(`edition ${name} must come after the newest edition, ${editions[0]}`);

const { problems } = validateSite({ siteDir: SITE_DIR });
const errors = problems.filter(isError);
if (errors.length > 0) {
  for (const problem of errors) console.error(formatProblem(problem, SITE_DIR));
  fail(`${errors.length} content error(s): fix them before cutting an edition (\`npm run validate\` lists them)`);
}

const docusaurus = spawnSync(join(SITE_DIR, 'node_modules', '.bin', 'docusaurus'), ['docs:version', name], { cwd: SITE_DIR, stdio: 'inherit' });
if (docusaurus.status !== 0) fail('`docusaurus docs:version` failed (see above)');

const paths = sitePaths(SITE_DIR);
const dataDir = join(editionRoot(SITE_DIR, name), '_data');
mkdirSync(dataDir, { recursive: true });
const copied: string[] = [];
if (existsSync(paths.trials)) {
  cpSync(paths.trials, join(dataDir, 'trials'), { recursive: true, filter: (source) => !source.endsWith('README.md') });
  copied.push(relative(SITE_DIR, join(dataDir, 'trials')));
}
if (existsSync(paths.labelFacts)) {
  cpSync(paths.labelFacts, join(dataDir, 'label-facts.yaml'));
  copied.push(relative(SITE_DIR, join(dataDir, 'label-facts.yaml')));
}
console.log(`✓ edition ${name} cut: versioned_docs/version-${name}/ and versioned_sidebars/version-${name}-sidebars.json`);
for (const path of copied) console.log(`  data snapshot: ${path}`);
console.log('Next: run `npm test`, review the "What changed" page of the new edition, and commit.');
