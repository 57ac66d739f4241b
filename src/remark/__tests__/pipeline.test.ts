import { describe, expect, it } from 'vitest';
import { fixtureSite, renderPage } from '../../test/pipeline';

const site = fixtureSite();

describe('the prepared page, rendered as the build renders it', () => {
  it('puts the label, the bottom line and the key points first, and numbers their citations first', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    await expect(html).toMatchFileSnapshot('./__snapshots__/condition-page.html');
    expect(html.indexOf('<evidencelabel level="low"')).toBeLessThan(html.indexOf('class="bottom-line"'));
    expect(html).toContain('question="In adults with the example condition, does the example treatment improve response at 24 hours vs placebo?"');
    expect(html).toMatch(/<strong>Bottom line: <\/strong>The bottom line cites the GRADE paper first, so it is reference 1<sup class="citation" id="cite-1"><a href="#ref-balshem2011grade"[^>]*>1<\/a><\/sup>/);
  });

  it('collapses consecutive numbers into a range whose ends link to their entries', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain('<sup class="citation" id="cite-7"><a href="#ref-smith2020trial" class="citation__link" data-citation-key="smith2020trial" aria-describedby="ref-smith2020trial">2</a>–<a href="#ref-loo2016placebocontrolled" class="citation__link" data-citation-key="loo2016placebocontrolled" aria-describedby="ref-loo2016placebocontrolled">5</a></sup>');
  });

  it('renders references from the AMA style, with accents, particles and dashes from TeX, and back-links to every citation', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain('<li id="ref-goncalves2024ketamine" data-reference-key="goncalves2024ketamine" data-reference-kind="study"><span class="reference__back">↩ <a href="#cite-5" aria-label="Back to citation 1">a</a> <a href="#cite-7" aria-label="Back to citation 2">b</a></span> Gonçalves KT da C, de Tavares VDO, de Morais Barros ML, et al.');
    expect(html).toContain('World Health Organization. A fixture document by a corporate author – with a dash. Technical document. Published June 1, 2019.');
    expect(html).toContain('Loo CK, Gálvez V, O’Keefe E, et al.');
    expect(html).not.toMatch(/\\[a-z]+\{|\{\\|--/);
  });

  it('labels each findings row and keeps the table’s cells', async () => {
    const html = await renderPage(site, 'conditions/example.md');
    expect(html).toContain('<td data-label="Certainty"><evidencelabel level="very-low" variant="row"></evidencelabel></td>');
    expect(html).toContain('<td data-label="Effect">RR 2.0 (95% CI 1.1 to 3.6)</td>');
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
