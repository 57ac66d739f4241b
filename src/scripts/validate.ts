/**
 * `npm run validate`: checks every page of every edition, the bibliography,
 * the data files, src/pages, category files and static/, prints each
 * problem as `file:line:col` with its fix, and exits non-zero when any
 * error is found. Warnings do not fail. It never stops at the first
 * problem, and an unexpected failure is reported, not thrown.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_DIR } from '../content/paths';
import { formatProblem, isError } from '../content/problems';
import { validateSite } from '../content/validate';

function main(): number {
  // --site and --bibliography let the tests run this same command on fixture sites.
  const { values } = parseArgs({ options: { site: { type: 'string' }, bibliography: { type: 'string' } } });
  const result = validateSite({
    siteDir: values.site ? resolve(values.site) : SITE_DIR,
    paths: values.bibliography ? { bibliography: resolve(values.bibliography) } : undefined,
  });
  const sorted = [...result.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  for (const problem of sorted) (isError(problem) ? console.error : console.warn)(formatProblem({ ...problem, file: relative(process.cwd(), problem.file) }));
  const errors = result.problems.filter(isError).length;
  const summary = `${result.pages} pages in ${result.roots} content folder(s): ${errors} error(s), ${result.problems.length - errors} warning(s)`;
  if (errors > 0) {
    console.error(`\nvalidate: ${summary}. Nothing is published until the errors are fixed; see CONTRIBUTING.md for each rule.`);
    return 1;
  }
  console.log(`validate: ${summary}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  // The checks report problems rather than throw; reaching here is a bug in the tools, said in one line.
  console.error(
    `validate: the validator itself failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). This is a bug in the site's tools, not in your change: please report it.`,
  );
  process.exitCode = 2;
}
