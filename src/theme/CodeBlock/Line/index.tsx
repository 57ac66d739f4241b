/**
 * Docusaurus's code-block line, with each line as a <span> instead of a
 * <div>: a <div> is not allowed inside <code>, and the W3C checker in our
 * tests refuses it. The <br> at the end of each line keeps the lines apart,
 * as in earlier Docusaurus versions. Otherwise the same as
 * @docusaurus/theme-classic 3.10.2 (ejected: the element cannot be changed
 * by wrapping).
 */
import type { Props } from '@theme/CodeBlock/Line';
import LineToken from '@theme/CodeBlock/Line/Token';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import styles from './styles.module.css';

/** A line holding only '\n' becomes empty, so it does not add a second line break after the <br>. */
function fixLineBreak(line: Props['line']): Props['line'] {
  const only = line.length === 1 && line[0]!.content === '\n' ? line[0] : undefined;
  return only ? [{ ...only, content: '' }] : line;
}

export default function CodeBlockLine({ line: lineProp, classNames, showLineNumbers, getLineProps, getTokenProps }: Props): ReactNode {
  const line = fixLineBreak(lineProp);
  const lineProps = getLineProps({ line, className: clsx(classNames, showLineNumbers && styles.codeLine) });
  const lineTokens = line.map((token, key) => {
    const tokenProps = getTokenProps({ token });
    return (
      <LineToken key={key} {...tokenProps} line={line} token={token}>
        {tokenProps.children}
      </LineToken>
    );
  });
  return (
    <span {...lineProps}>
      {showLineNumbers ? (
        <>
          <span className={styles.codeLineNumber} />
          <span className={styles.codeLineContent}>{lineTokens}</span>
        </>
      ) : (
        lineTokens
      )}
      <br />
    </span>
  );
}
