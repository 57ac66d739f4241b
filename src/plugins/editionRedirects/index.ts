/**
 * Gives every page of the newest edition its permanent address,
 * /docs/<edition>/…, as a small redirect page to /docs/… (where the newest
 * edition is served). When a newer edition is cut, the edition's real
 * pages take over those addresses, so a syllabus link never breaks. The
 * redirect keeps the query and #section through a same-origin script
 * (allowed by the Content-Security-Policy) and falls back to a meta refresh.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { editionRedirects } from '../../content/editions';

export const REDIRECT_SCRIPT = 'edition-redirect.js';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function redirectPage(target: string, baseUrl: string): string {
  const href = escapeAttribute(target);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redirecting to ${href}</title><meta http-equiv="refresh" content="0; url=${href}"><link rel="canonical" href="${href}"><meta name="robots" content="noindex"><script src="${escapeAttribute(baseUrl)}${REDIRECT_SCRIPT}"></script></head><body><p>This edition page is at <a href="${href}">${href}</a>.</p></body></html>\n`;
}

/** Reads the target from the canonical link and keeps the query and fragment. */
const SCRIPT = `(function () {
  var link = document.querySelector('link[rel="canonical"]');
  if (link) location.replace(link.getAttribute('href') + location.search + location.hash);
})();
`;

export function writeEditionRedirects(docs: LoadedContent, options: { siteDir: string; baseUrl: string; outDir: string }): number {
  const redirectsFor = editionRedirects(options.siteDir, options.baseUrl);
  const latest = docs.loadedVersions.find((version) => version.isLast && version.versionName !== 'current');
  if (!latest) return 0;
  const base = options.baseUrl.replace(/\/$/, '');
  const paths = new Set([latest.path, ...latest.docs.map((doc) => doc.permalink)]);
  let written = 0;
  for (const path of paths) {
    for (const from of redirectsFor(path) ?? []) {
      const file = join(options.outDir, `${from.slice(base.length).replace(/\/$/, '')}.html`);
      if (existsSync(file)) continue;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, redirectPage(path, options.baseUrl));
      written += 1;
    }
  }
  writeFileSync(join(options.outDir, REDIRECT_SCRIPT), SCRIPT);
  return written;
}
