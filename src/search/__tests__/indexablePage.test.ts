// cspell:ignore feder abbar -- authors in the fixture pages
import { describe, expect, it } from 'vitest';
import { excerptParts, shortTitle } from '../client';
import { indexablePage } from '../indexablePage';

/** A built topic page, cut down to what the indexer looks at. */
const PAGE = `<!doctype html><html lang="en"><head><title>PTSD</title></head><body>
<nav class="navbar">Evidence Conditions</nav>
<main><article>
<nav class="theme-doc-breadcrumbs"><a href="/docs/conditions">Conditions</a></nav>
<div class="theme-doc-markdown markdown"><header><h1>Post-traumatic stress disorder (PTSD)</h1></header>
<div class="evidence-label label_x page_y" data-evidence-level="low"><p><span class="caption_z">Certainty of evidence:</span>
<span class="marks" aria-hidden="true">⊕⊕◯◯</span><a href="/docs/methods/how-we-grade-evidence#low">Low certainty</a>
<span role="tooltip">Our confidence in the effect estimate is limited.</span></p></div>
<p class="page-review">Last reviewed <time>November 21, 2026</time></p>
<h2 id="outcomes">Outcomes<a href="#outcomes" class="hash-link">\u200b</a></h2>
<p>Repeated <span class="glossary-term"><a href="/docs/reference/glossary#ketamine">ketamine</a><span class="glossary-term__preview" role="tooltip">Glossary preview text.</span></span> infusions reduced symptoms<sup class="citation"><a href="#ref-feder2021">1</a></sup>.</p>
<table><tr><td><span class="evidence-label row" data-evidence-level="very-low">Very low</span></td></tr></table>
<h2 id="references">References</h2>
<ol class="references"><li id="ref-feder2021">Feder A, et al. A randomized trial.</li></ol>
</div>
<details class="cite_a"><summary>Cite this page</summary>AMA citation</details>
<footer class="theme-doc-footer">Edit this page</footer>
</article></main>
<footer class="footer">Medical disclaimer</footer></body></html>`;

const BIBLIOGRAPHY = `<html><body><article><div class="theme-doc-markdown markdown"><header><h1>Bibliography</h1></header>
<p id="ref-abbar2022" class="bibliography__entry">Abbar M, et al. Ketamine for suicidal ideation.</p>
<p class="bibliography__cited-by">Cited on: <a href="/docs/conditions/suicidal-ideation">Suicidal ideation</a></p>
</div></article></body></html>`;

const facts = { section: 'Conditions', bottomLine: 'What trials show for PTSD.' };

describe('the indexed copy of a page', () => {
  const page = indexablePage(PAGE, facts)!;

  it('marks the article as the only indexed body', () => {
    expect(page.html).toMatch(/<div class="theme-doc-markdown markdown" data-pagefind-body="">/);
    expect(page.html.match(/data-pagefind-body/g)).toHaveLength(1);
  });

  it('indexes what a reader sees in the article and nothing around it', () => {
    const words = page.text.replace(/\s+/g, ' ');
    expect(words).toContain('Post-traumatic stress disorder (PTSD)');
    expect(words).toContain('Repeated ketamine infusions reduced symptoms');
    expect(words).toContain('Low certainty');
    for (const left of [
      'Evidence Conditions',
      'Cite this page',
      'Edit this page',
      'Medical disclaimer',
      'Glossary preview',
      'Our confidence',
      'Last reviewed',
      'Feder A',
      'References',
      '⊕',
    ]) {
      expect(words, left).not.toContain(left);
    }
    expect(words).not.toMatch(/symptoms\s*1/);
  });

  it('files the page under its section and its own certainty, not a table row’s', () => {
    expect(page.certainty).toBe('Low certainty');
    expect(page.html).toContain('<span data-pagefind-filter="section" hidden="">Conditions</span>');
    expect(page.html).toContain('<span data-pagefind-filter="certainty" hidden="">Low certainty</span>');
    expect(page.html).toContain('<span data-pagefind-meta="certainty" hidden="">Low certainty</span>');
    expect(page.html).toContain('<span data-pagefind-meta="bottom_line" hidden="">What trials show for PTSD.</span>');
  });

  it('makes each bibliography entry a low-weight heading, so a search lands on the entry', () => {
    const bibliography = indexablePage(BIBLIOGRAPHY, { section: 'Reader’s tools' })!;
    expect(bibliography.html).toContain('<h3 id="ref-abbar2022" class="bibliography__entry" data-pagefind-weight="0.5">Abbar M, et al.');
    expect(bibliography.text).toContain('Ketamine for suicidal ideation');
    expect(bibliography.text).not.toContain('Cited on');
    expect(bibliography.certainty).toBeUndefined();
  });

  it('skips a page without an article, such as a redirect', () => {
    expect(indexablePage('<html><head><meta http-equiv="refresh" content="0; url=/docs"></head><body></body></html>', facts)).toBeUndefined();
  });
});

describe('search excerpts', () => {
  it('split into marked and unmarked text, decoding the HTML Pagefind escapes', () => {
    expect(excerptParts('Ketamine &amp; <mark>bladder</mark> &lt;damage&gt;')).toEqual([
      { text: 'Ketamine & ', marked: false },
      { text: 'bladder', marked: true },
      { text: ' <damage>', marked: false },
    ]);
  });

  it('never pass markup through', () => {
    expect(excerptParts('<img src=x onerror=alert(1)><mark>a</mark>')).toEqual([{ text: 'a', marked: true }]);
  });
});

describe('search result titles', () => {
  it('keep a heading as it is and cut a long bibliography entry at a word', () => {
    expect(shortTitle('Maintenance: SUSTAIN-1')).toBe('Maintenance: SUSTAIN-1');
    const entry =
      'Janssen Pharmaceuticals, Inc. SPRAVATO: Potential for Abuse and Diversion. Manufacturer medical information letter for US healthcare professionals.';
    expect(shortTitle(entry)).toBe('Janssen Pharmaceuticals, Inc. SPRAVATO: Potential for Abuse and Diversion. Manufacturer…');
  });
});
