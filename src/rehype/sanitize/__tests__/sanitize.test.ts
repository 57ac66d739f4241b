import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeKatex from 'rehype-katex';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { currentSite } from '../../../content/contentIndex';
import { KATEX_OPTIONS } from '../../../content/markdown';
import { SITE_DIR } from '../../../content/paths';
import { preparePage } from '../../../content/prepare';
import { sanitizeTree } from '..';

const clean = (html: string) => toHtml(sanitizeTree(fromHtml(html, { fragment: true }) as Root));

describe('the sanitizer at the end of every page', () => {
  it('removes scripts, styles, frames, handlers, script URLs and refreshes', () => {
    const hostile = [
      '<p>a<script>alert(1)</script>b</p>',
      '<style>article{display:none}</style>',
      '<iframe src="https://evil.example"></iframe>',
      '<p onclick="x()" style="position:fixed">t</p>',
      '<a href="javascript:alert(1)">x</a>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<svg><script>alert(1)</script><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
      '<form action="https://evil.example"><input name=x></form>',
    ].join('');
    const out = clean(hostile);
    expect(out).not.toMatch(/<script|<style|<iframe|onclick|onerror|javascript:|<meta|<form|<input|foreignObject|position:fixed/i);
    expect(out).toContain('<p>ab</p>');
  });

  it('keeps the site’s own elements, KaTeX and figures intact', () => {
    const own =
      '<evidencelabel level="low" variant="page"></evidencelabel><sup class="citation" id="cite-1"><a href="#ref-a" class="citation__link" data-citation-key="a" aria-describedby="ref-a">1</a></sup><span class="katex"><span class="katex-html" aria-hidden="true"><span class="strut" style="height:1em;"></span></span></span><svg viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">x</title><path d="M0,0 L10,10" stroke-width="2"></path></svg>';
    expect(clean(own)).toBe(own);
  });

  it('changes nothing on any real page of the site', { timeout: 60_000 }, async () => {
    const site = currentSite({ siteDir: SITE_DIR });
    const processor = unified().use(remarkRehype).use(rehypeKatex, KATEX_OPTIONS);
    const changed: string[] = [];
    for (const page of site.pageByFile.values()) {
      const hast = (await processor.run(structuredClone(preparePage(site, page).tree))) as Root;
      const before = toHtml(hast);
      const after = toHtml(sanitizeTree(structuredClone(hast)));
      if (before !== after) changed.push(`${page.version}/${page.docPath}`);
    }
    expect(changed).toEqual([]);
  });
});
