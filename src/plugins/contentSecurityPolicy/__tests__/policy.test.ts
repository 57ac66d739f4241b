import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, policyFor, withPolicy } from '../policy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy', () => {
  it('hashes executable inline scripts but not external or JSON-LD ones', () => {
    const html = '<head><script>a()</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script><script>b()</script></head>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('allows only the site itself for scripts, fonts, images, connections and objects none', () => {
    const policy = policyFor('<script>a()</script>');
    expect(policy).toContain(`script-src 'self' ${sha('a()')}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('puts the policy first in the head, once', () => {
    const once = withPolicy('<html><head><title>T</title></head></html>');
    expect(once).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    expect(withPolicy(once)).toBe(once);
  });
});
