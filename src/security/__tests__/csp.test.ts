import type { LoadedPlugin } from '@docusaurus/types';
import { describe, expect, it } from 'vitest';
import { BASE_POLICY, policyText, sha256, trustedInlineScripts } from '../csp';

const plugin = (tags: ReturnType<NonNullable<LoadedPlugin['injectHtmlTags']>>) =>
  ({ name: 'p', content: undefined, injectHtmlTags: () => tags }) as unknown as LoadedPlugin;

describe('the Content-Security-Policy', () => {
  it('trusts exactly the inline scripts plugins inject, as written and as the HTML minifier leaves them', async () => {
    const text = 'var   theme = "light";\n  document.documentElement.setAttribute("data-theme", theme);';
    const trusted = await trustedInlineScripts(
      [plugin({ preBodyTags: [{ tagName: 'script', innerHTML: text }], headTags: '<script src="/x.js"></script>' })],
      [],
      'swc',
    );
    expect(trusted.has(text)).toBe(true);
    expect(trusted.size).toBe(2);
    const minified = [...trusted].find((t) => t !== text)!;
    expect(minified.length).toBeLessThan(text.length);
    expect(minified).toContain('data-theme');
  });

  it('allows scripts only from the site and by hash, and no plugins, frames of other sites or foreign forms', () => {
    const policy = policyText(['a()']);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha256('a()')}`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'; script");
    expect(policyText([], true)).toContain("frame-ancestors 'none'");
    expect(Object.keys(BASE_POLICY)).toContain('default-src');
  });
});
