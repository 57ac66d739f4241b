/**
 * One shape for every content problem the site reports, so the validator,
 * the build plugins and the tests print and compare them the same way.
 */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** A stable id such as `citation-unknown-key`, named in CONTRIBUTING.md. */
  readonly ruleId: string;
  /** What to do, addressed to the contributor. */
  readonly message: string;
  /** Warnings are printed but do not fail the build. */
  readonly severity?: 'error' | 'warning';
}

export function formatProblem(problem: Problem, relativeTo?: string): string {
  const file = relativeTo && problem.file.startsWith(relativeTo) ? problem.file.slice(relativeTo.length).replace(/^[/\\]/, '') : problem.file;
  const severity = problem.severity === 'warning' ? 'warning' : 'error';
  return `${file}:${problem.line}:${problem.column}: ${severity}: ${problem.message} [${problem.ruleId}]`;
}

export function isError(problem: Problem): boolean {
  return problem.severity !== 'warning';
}

/** Thrown by build plugins so Docusaurus stops with every problem of a page listed. */
export class ContentError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    relativeTo?: string,
  ) {
    super(
      `${problems.length} content problem${problems.length === 1 ? '' : 's'}; nothing is published until ${
        problems.length === 1 ? 'it is' : 'they are'
      } fixed:\n${problems.map((p) => `  ${formatProblem(p, relativeTo)}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}
