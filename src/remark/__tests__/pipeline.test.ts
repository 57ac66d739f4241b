import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE, FIXTURES, renderPage } from '../../test/pipeline';
import { ContentError } from '../../content/problems';

describe('the remark plugins', () => {
  it('export the plugins in their run order', async () => {
    const { contentRemarkPlugins } = await import('..');
    const plugins = contentRemarkPlugins({ bibliographyPath: 'x', siteDir: 'y' });
    expect(plugins).toHaveLength(6);
  });

  it('render a condition page: label, review dates, key points, findings, numbered citations and references', async () => {
    const html = await renderPage(join(FIXTURE_SITE, 'docs/conditions/example.md'));
    await expect(html).toMatchFileSnapshot('./__snapshots__/condition-page.html');
    expect(html).toContain('<evidencelabel level="low" basis="randomized-trials systematic-reviews"');
    expect(html).toMatch(/Last reviewed <time datetime="2026-01-15">January 15, 2026<\/time> · Next review due <time datetime="2027-01-15">January 2027<\/time>/);
    // Key points come first, so the trial cited there is reference 1.
    expect(html).toContain('<a href="#ref-smith2020trial" class="citation__link" aria-describedby="ref-smith2020trial" data-citation-key="smith2020trial">1</a>');
    expect(html).toContain('<li id="ref-balshem2011grade" data-reference-key="balshem2011grade">');
    expect(html).toContain('<a href="https://doi.org/10.1016/j.jclinepi.2010.07.015">');
    expect(html).toContain('<a href="https://pubmed.ncbi.nlm.nih.gov/12345678/">12345678</a>');
    expect(html).toContain('<evidencelabel level="very-low" variant="row">');
    expect(html).toContain('class="katex"');
    expect(html).toContain('$400 to $800');
  });

  it('generate the evidence map, bibliography and review queue from the pages', async () => {
    const html = await renderPage(join(FIXTURE_SITE, 'docs/reference/map.md'));
    await expect(html).toMatchFileSnapshot('./__snapshots__/generated-blocks.html');
    expect(html).toContain('<a href="../conditions/example.md">Example condition</a>');
    expect(html).toContain('<evidencelabel level="official-record" variant="row">');
    expect(html).toContain('Cited on: <a href="../conditions/example.md">Example condition</a>');
  });

  const BAD_SITE = join(FIXTURES, 'bad');
  const renderBad = (docPath: string) => renderPage(join(BAD_SITE, 'docs', docPath), BAD_SITE).then(
    () => undefined,
    (error: unknown) => error,
  );

  it('stop the build on a formula KaTeX cannot parse, naming the file and line', async () => {
    const error = await renderBad('reference/bad-math.md');
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(/bad-math\.md:10:1: error: KaTeX cannot render this formula/);
  });

  it('stop the build on an unknown citation key with the suggested fix', async () => {
    const error = await renderBad('mechanism/unknown-key.md');
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain('unknown-key.md:17:29: error: unknown citation key `smith2020trail`: add it to src/data/references.bib or correct the key; did you mean `smith2020trial`? [citation-unknown-key]');
  });

  it('stop the build on content that could run code', async () => {
    const error = await renderBad('reference/disallowed-content.md');
    expect((error as Error).message).toContain('`<script>` is not allowed');
  });
});
