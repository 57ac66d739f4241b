/**
 * rehype-katex reports a formula it cannot parse as a file message and
 * renders the TeX in red; a reader would see broken math. This plugin runs
 * after it and turns any such message into a build failure naming the file,
 * line and KaTeX's reason.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { ContentError } from '../../content/problems';

const failOnMathErrors: Plugin<[], Root> = () => (_tree, file) => {
  const problems = file.messages
    .filter((message) => message.source === 'rehype-katex')
    .map((message) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      ruleId: 'math-parse',
      message: `KaTeX cannot render this formula (${
        message.cause instanceof Error ? message.cause.message.replace(/^KaTeX parse error: /, '') : message.reason
      }): correct the TeX`,
    }));
  if (problems.length > 0) throw new ContentError(problems);
};

export default failOnMathErrors;
