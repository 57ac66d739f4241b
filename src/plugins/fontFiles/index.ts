/**
 * Keeps fonts as separate files. Docusaurus inlines assets under 10 kB as
 * data URIs; for KaTeX that puts a dozen fonts (in three formats) into the
 * stylesheet every page downloads, though a browser fetches only the few
 * fonts a page's formulas use. This sets the inlining limit for fonts to
 * zero.
 */
import type { Plugin } from '@docusaurus/types';

interface LoaderUse {
  options?: unknown;
}
interface Rule {
  test?: unknown;
  use?: unknown;
  oneOf?: Rule[];
  rules?: Rule[];
}

const isFontRule = (rule: Rule) => rule.test instanceof RegExp && rule.test.test('font.woff2');

function setLimit(use: unknown): void {
  for (const entry of Array.isArray(use) ? use : [use]) {
    const options = (entry as LoaderUse | undefined)?.options as Record<string, unknown> | undefined;
    if (options && 'limit' in options) options.limit = 0;
  }
}

export function keepFontsAsFiles(rules: Rule[]): number {
  let changed = 0;
  for (const rule of rules) {
    if (isFontRule(rule)) {
      setLimit(rule.use);
      changed += 1;
    }
    changed += keepFontsAsFiles([...(rule.oneOf ?? []), ...(rule.rules ?? [])]);
  }
  return changed;
}

export default function fontFiles(): Plugin {
  return {
    name: 'font-files',
    configureWebpack(config) {
      keepFontsAsFiles((config.module?.rules ?? []) as Rule[]);
      return {};
    },
  };
}
