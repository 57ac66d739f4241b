/**
 * The site's Content-Security-Policy, defined once. Everything is served
 * by the site itself; scripts run only from the site's own files or, for
 * the few inline scripts Docusaurus writes (colour mode, redirects), by the
 * SHA-256 hash of their exact text. Inline styles stay allowed because
 * KaTeX positions glyphs with style attributes.
 */
import { createHash } from 'node:crypto';

export const BASE_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Executable inline scripts: no src, and no data type such as application/ld+json. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype=["']?application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1]!;
    if (body.trim()) hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export function policyFor(html: string): string {
  const directives = { ...BASE_POLICY, 'script-src': [...BASE_POLICY['script-src']!, ...inlineScriptHashes(html)] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Adds the policy as the first element of <head>, so it governs everything after it. */
export function withPolicy(html: string): string {
  if (/http-equiv=["']?Content-Security-Policy/i.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head([^>]*)>/i, `<head$1>${meta}`) : html.replace(/<html([^>]*)>/i, `<html$1><head>${meta}</head>`);
}
