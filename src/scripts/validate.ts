/**
 * `npm run validate`: checks every page of every edition, the bibliography
 * and the data files, prints each problem as `file:line:col` with its fix,
 * and exits non-zero when any error is found. Warnings do not fail.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BIBLIOGRAPHY_PATH, SITE_DIR } from '../content/paths';
import { formatProblem, isError } from '../content/problems';
import { validateSite } from '../content/validateSite';

// --site and --bibliography let the tests run this same command on fixture sites.
const { values } = parseArgs({ options: { site: { type: 'string' }, bibliography: { type: 'string' } } });
const result = validateSite({
  siteDir: values.site ? resolve(values.site) : SITE_DIR,
  bibliographyPath: values.bibliography ? resolve(values.bibliography) : BIBLIOGRAPHY_PATH,
  today: new Date(),
});
const sorted = [...result.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const problem of sorted) {
  const line = formatProblem({ ...problem, file: relative(process.cwd(), problem.file) });
  (isError(problem) ? console.error : console.warn)(line);
}
const errors = result.problems.filter(isError).length;
const warnings = result.problems.length - errors;
const summary = `${result.pages} pages in ${result.roots.length} content folder(s): ${errors} error(s), ${warnings} warning(s)`;
if (errors > 0) {
  console.error(`\nvalidate: ${summary}. Nothing is published until the errors are fixed; see CONTRIBUTING.md for each rule.`);
  process.exitCode = 1;
} else {
  console.log(`validate: ${summary}.`);
}
