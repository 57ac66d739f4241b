import { describe, expect, it } from 'vitest';
import { applyEdits, auditHtml } from '../htmlAudit';
import { jsonForScript } from '../jsonLd';

const TRUSTED = 'document.documentElement.dataset.theme="light"';
const audit = (body: string, head = '') =>
  auditHtml(`<!doctype html><html><head><title>x</title>${head}</head><body>${body}</body></html>`, {
    trustedScripts: new Set([TRUSTED]),
    scriptFileIsOurs: (src) => src.startsWith('/assets/js/'),
  });
const messages = (body: string, head = '') => audit(body, head).problems.map((p) => p.message);

describe('the audit of every built HTML file', () => {
  it('passes Docusaurus’s own inline script, bundled script files and valid JSON-LD', () => {
    expect(messages(`<script>${TRUSTED}</script><script src="/assets/js/main.js"></script><script type="application/ld+json">{"a":1}</script>`)).toEqual([]);
  });

  it('fails any other inline script, handler, script URL, frame, refresh or policy', () => {
    expect(messages('<script>alert(1)</script>')).toEqual(['an inline script that Docusaurus did not write: "alert(1)"']);
    expect(messages('<img src="x.png" onerror="alert(1)">')).toEqual(['inline event handler `onerror` on <img src="x.png" onerror="alert(1)">']);
    expect(messages('<a href=" javascript:alert(1)">x</a>')).toEqual(['script URL in `href` of <a href=" javascript:alert(1)">']);
    expect(messages('<iframe src="/x"></iframe>')).toEqual(['<iframe src="/x"> is not allowed: the site embeds no frames or plugins']);
    expect(messages('', '<meta http-equiv="refresh" content="0;url=https://evil.example">')).toEqual([
      '<meta http-equiv="refresh" content="0;url=https://evil.example"> would send the reader to another address',
    ]);
    expect(messages('<script src="/evil.js"></script>')).toEqual(['<script src="/evil.js"> is not a file the site\'s bundler wrote']);
  });

  it('fails a JSON-LD block broken out of by its data', () => {
    const broken = '<script type="application/ld+json">{"name":"x</script><script>alert(1)</script>"}</script>';
    expect(messages(broken)).toEqual([
      'a JSON-LD block is not valid JSON (its text may have been broken out of)',
      'an inline script that Docusaurus did not write: "alert(1)"',
    ]);
  });

  it('finds <head> by position, not by the words of a policy in the page text', () => {
    const page =
      '<!doctype html><html><head><title>x</title></head><body><p>&lt;meta http-equiv="Content-Security-Policy"&gt; is what this page explains.</p></body></html>';
    const result = auditHtml(page, { trustedScripts: new Set(), scriptFileIsOurs: () => false });
    expect(result.problems).toEqual([]);
    const out = applyEdits(page, [
      { start: result.headOpenEnd!, end: result.headOpenEnd!, text: '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' },
    ]);
    expect(out.startsWith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy"')).toBe(true);
  });
});

describe('JSON for script elements', () => {
  it('cannot close its element, whatever the data holds', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script> & \u2028 $` $&' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & \u2028 $` $&' });
    expect(messages(`<script type="application/ld+json">${text}</script>`)).toEqual([]);
  });
});
