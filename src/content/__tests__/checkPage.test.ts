import { describe, expect, it } from 'vitest';
import { checkTree } from '../checkPage';
import { parseMarkdown } from '../markdown';

const KNOWN = new Set(['smith2020trial', 'balshem2011grade']);
function lines(markdown: string, options: { inline?: boolean } = {}) {
  const result = checkTree(parseMarkdown(markdown), {
    file: '/site/docs/x.md',
    lookupKey: (key) => (KNOWN.has(key) ? { known: true } : { known: false, suggestion: key === 'smith2020trail' ? 'smith2020trial' : undefined }),
    ...options,
  });
  return result.problems.map((p) => `${p.line}:${p.column} ${p.ruleId}: ${p.message}`);
}

describe('citations in the tree', () => {
  it('accepts citations in paragraphs, lists, emphasis and table cells', () => {
    expect(lines('Text [@smith2020trial].\n\n- *A point [@balshem2011grade; @smith2020trial]*\n\n| a | b |\n| - | - |\n| c | [@smith2020trial] |\n')).toEqual(
      [],
    );
  });

  it('names an unknown key at its line and column, with the nearest known key', () => {
    expect(lines('Intro.\n\nA typo [@smith2020trail] here.')).toEqual([
      '3:8 citation-unknown-key: unknown citation key `smith2020trail`: add it to src/data/references.bib or correct the key; did you mean `smith2020trial`?',
    ]);
  });

  it('refuses a citation in a heading, where it cannot be numbered', () => {
    expect(lines('## Results [@smith2020trial]\n')).toEqual([
      '1:12 citation-placement: a citation cannot stand in a heading, where it cannot be numbered or linked: move `[@smith2020trial]` into the sentence that follows',
    ]);
  });

  it('refuses a citation in link text', () => {
    expect(lines('See [the trial [@smith2020trial]](./other.md).')).toContainEqual(
      '1:16 citation-placement: a citation cannot stand in link text, where it cannot be numbered or linked: move `[@smith2020trial]` into the sentence that follows',
    );
  });

  it('refuses a citation in an image’s alternative text', () => {
    expect(lines('![Figure [@smith2020trial]](/img/logo.svg)')).toContainEqual(
      '1:1 citation-placement: a citation cannot stand in an image’s alternative text: cite the source in the caption or the sentence beside the image',
    );
  });

  it('refuses citations in fenced, tilde-fenced, indented and inline code, where they would never be counted', () => {
    const message =
      'citation-placement: a citation cannot stand in code, where it is never counted or numbered: move it out of the code, or write the key without `@` if you mean to show the syntax';
    expect(lines('~~~\n[@smith2020trial]\n~~~\n')).toEqual([`1:1 ${message}`]);
    expect(lines('Para.\n\n    [@smith2020trial]\n')).toEqual([`3:1 ${message}`]);
    expect(lines('Use `[@smith2020trial]` like this.')).toEqual([`1:5 ${message}`]);
  });

  it('explains a malformed citation', () => {
    expect(lines('Text [@smith2020trial, @balshem2011grade].')).toEqual([
      '1:1 citation-malformed: malformed citation `[@smith2020trial, @balshem2011grade]`: separate keys with a semicolon: `[@key1; @key2]`',
    ]);
  });
});

describe('raw HTML, read as the renderer reads it', () => {
  it('finds a script hidden behind a comment that HTML ends early', () => {
    for (const opener of ['<!-->', '<!--->', '<!-- --!>']) {
      expect(lines(`Intro.\n\n${opener} <script>alert(1)</script> -->\n`), opener).toContainEqual(
        '3:1 content-code: `<script>` is not allowed: content cannot run, embed, restyle or redirect the page',
      );
    }
  });

  it('leaves an ordinary comment alone', () => {
    expect(lines('Intro.\n\n<!-- an editor’s note -->\n')).toEqual([]);
  });

  it('refuses a redirect, a style block and a frame', () => {
    expect(lines('<meta http-equiv="refresh" content="0;url=https://evil.example">')).toEqual([
      '1:1 content-code: `<meta>` is not allowed: content cannot run, embed, restyle or redirect the page',
    ]);
    expect(lines('<style>article{display:none}</style>')).toEqual([
      '1:1 content-code: `<style>` is not allowed: content cannot run, embed, restyle or redirect the page',
    ]);
    expect(lines('Text <iframe src="https://x.example"></iframe>')).toEqual([
      '1:6 content-code: `<iframe>` is not allowed: content cannot run, embed, restyle or redirect the page',
    ]);
  });

  it('refuses event handlers, script URLs and attributes on the allowed tags', () => {
    expect(lines('H<sub onclick="x()">2</sub>O')).toEqual(['1:2 content-code: remove the event handler in `<sub>`: content cannot run code']);
    expect(lines('<a href="javascript:alert(1)">x</a>')).toEqual([
      '1:1 content-code: remove the `javascript:` or `data:` URL in `<a>`: content cannot run code',
    ]);
    expect(lines('H<sub class="x">2</sub>O')).toEqual([
      '1:2 content-html: raw HTML `<sub …>` is not allowed: write Markdown (only <br>, <sub>, <sup> without attributes are kept)',
    ]);
  });

  it('keeps <sub>, <sup> and <br> without attributes', () => {
    expect(lines('C<sub>max</sub> and t<sup>2</sup><br>next')).toEqual([]);
  });
});

describe('links', () => {
  it('refuses script and data URLs, and http', () => {
    expect(lines('[x](javascript:alert(1))')).toEqual([
      '1:1 content-code: the link target `javascript:alert(1)` could run code: link to a page or an https:// address',
    ]);
    expect(lines('[x](http://example.org)')).toEqual(['1:1 content-link: use https:// instead of http:// in `http://example.org`']);
  });

  it('reports a malformed %-escape instead of crashing', () => {
    expect(lines('[x](./a%zz.md)')).toEqual([
      '1:1 link-broken: the link `./a%zz.md` has a malformed %-escape: write the file name as it is, or escape `%` as `%25`',
    ]);
  });

  it('names the Markdown file and line of a link written as a URL path', () => {
    expect(lines('Intro.\n\nSee [the page](/docs/routes/no-such-page).')).toEqual([
      "3:5 link-broken: `/docs/routes/no-such-page` is a URL path: link to the page's Markdown file relative to this one (e.g. `../routes/intravenous.md`), so the link follows editions and the build can check it",
    ]);
  });
});

describe('formulas', () => {
  it('refuses a formula KaTeX cannot parse, with its reason', () => {
    expect(lines('$$\n\\frac{1}{\n$$')[0]).toMatch(/^1:1 math-parse: KaTeX cannot render this formula \(.+\): correct the TeX$/);
  });

  it('refuses a size beyond the limit instead of stretching the page', () => {
    expect(lines('$$\\rule{1000em}{1000em}$$')).toEqual(['1:1 math-parse: KaTeX cannot render this formula (a size is larger than 10em): correct the TeX']);
  });

  it('refuses macro loops and untrusted commands', () => {
    expect(lines('$$\\def\\a{\\a\\a}\\a$$')[0]).toContain('Too many expansions');
    expect(lines('$$\\href{javascript:alert(1)}{x}$$')).toEqual([
      '1:1 math-parse: KaTeX cannot render this formula (`\\href` is not allowed in formulas): correct the TeX',
    ]);
  });

  it('leaves single dollars as text', () => {
    expect(lines('It costs $400 to $800.')).toEqual([]);
  });
});

describe('blocks and code', () => {
  it('refuses ES module statements and unknown blocks', () => {
    expect(lines("import x from 'y';\n\n:::spoiler\nHidden.\n:::\n")).toEqual([
      '1:1 content-code: remove the `import`/`export` statement: pages are plain Markdown and cannot run code',
      '3:1 content-directive: unknown block `:::spoiler`: use one of :::note, :::tip, :::info, :::warning, :::danger, :::findings',
    ]);
  });

  it('refuses a heading in a one-line field', () => {
    expect(lines('## Heading', { inline: true })).toContain('1:1 content-inline: this field holds one sentence of inline Markdown: remove the heading');
  });

  it('asks for numbers, not gap wording, in a findings table', () => {
    const table =
      ':::findings\n| Outcome | Effect | Studies (participants) | Certainty | Citations |\n| --- | --- | --- | --- | --- |\n| Response | Numeric estimate not extracted | 1 RCT (40) | Low | [@smith2020trial] |\n:::\n';
    expect(lines(table)).toEqual([
      '4:1 findings-gap: the row `Response` says a number is missing: give the number from the source, or remove the row and list the gap in the review queue',
    ]);
  });
});
