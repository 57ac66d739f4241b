import { describe, expect, it } from 'vitest';
import { fixtureSite, renderPage } from '../../test/pipeline';

const site = fixtureSite();

describe('the prepared page, rendered as the build renders it', () => {
  it('puts the label, the bottom line and the key points first, and numbers their citations first', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    await expect(html).toMatchFileSnapshot('./__snapshots__/condition-page.html');
    expect(html.indexOf('<evidencelabel level="low"')).toBeLessThan(html.indexOf('class="bottom-line"'));
    expect(html).toContain('question="In adults with the example condition, does the example treatment improve response at 24 hours vs placebo?"');
    expect(html).toMatch(
      /<strong>Bottom line: <\/strong>The bottom line cites the GRADE paper first, so it is reference 1<sup class="citation" id="cite-1"><a href="#ref-balshem2011grade"[^>]*>1<\/a><\/sup>/,
    );
  });

  it('collapses consecutive numbers into a range whose ends link to their entries', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain(
      '<sup class="citation" id="cite-7"><a href="#ref-smith2020trial" class="citation__link" data-citation-key="smith2020trial" aria-describedby="ref-smith2020trial">2</a>–<a href="#ref-loo2016placebocontrolled" class="citation__link" data-citation-key="loo2016placebocontrolled" aria-describedby="ref-loo2016placebocontrolled">5</a></sup>',
    );
  });

  it('renders references from the AMA style, with accents, particles and dashes from TeX, and back-links to every citation', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain(
      '<li id="ref-goncalves2024ketamine" data-reference-key="goncalves2024ketamine" data-reference-kind="study"><span class="reference__back">↩ <a href="#cite-5" aria-label="Back to citation 1">a</a> <a href="#cite-7" aria-label="Back to citation 2">b</a></span> Gonçalves KT da C, de Tavares VDO, de Morais Barros ML, et al.',
    );
    expect(html).toContain('World Health Organization. A fixture document by a corporate author – with a dash. Technical document. Published June 1, 2019.');
    expect(html).toContain('Loo CK, Gálvez V, O’Keefe E, et al.');
    const list = html.slice(html.indexOf('<ol class="references">'));
    expect(list).not.toMatch(/\\[a-z]+\{|\{\\|--/);
  });

  it('labels each findings row and keeps the table’s cells', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain('<td data-label="Certainty"><evidencelabel level="very-low" variant="row"></evidencelabel></td>');
    expect(html).toContain('<td data-label="Effect">RR 2.0 (95% CI 1.1 to 3.6)</td>');
  });

  it('computes a summary of findings and a forest plot from the trial dataset, citing each study', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain('<td data-label="Relative effect (95% CI)">RR 2.22 (0.70 to 6.99)</td>');
    expect(html).toContain('<td data-label="Number needed to treat">NNTB 4 (95% CI NNTB 2 to ∞ to NNTH 14)</td>');
    expect(html).toContain('<td data-label="Participants (studies)">70 (2 studies)</td>');
    expect(html).toContain('<li><em>a</em> Rated down one level for risk of bias: Fixture trials could reveal allocation.</li>');
    expect(html).toMatch(
      /<figure class="forest"><svg viewBox="0 0 640 \d+" role="img" aria-labelledby="forest-example-comparison-response-24h-title forest-example-comparison-response-24h-desc"/,
    );
    expect(html).toContain('<a href="pathname:///data/next/trials/example-comparison.csv">CSV</a>');
    expect(html).toMatch(/<td data-label="Studies"><sup class="citation" id="cite-\d+"><a href="#ref-smith2020trial"/);
  });

  it('generates the evidence map, bibliography and review queue from the pages', async () => {
    const html = await renderPage(site, 'reference/map.md');
    await expect(html).toMatchFileSnapshot('./__snapshots__/generated-blocks.html');
    expect(html).toContain('<a href="../conditions/example.md">Example condition</a>');
    expect(html).toContain('<evidencelabel level="official-record" variant="row"></evidencelabel>');
    expect(html).toContain('Cited on: <a href="../conditions/example.md">Example condition</a>');
    expect(html).toMatch(/<p id="ref-who2019fixture" class="bibliography__entry" data-reference-key="who2019fixture">World Health Organization\./);
  });
});
