/**
 * Makes /docs/… mean "the newest edition": each address of the newest
 * edition's pages without the edition segment (/docs/conditions/ptsd) gets
 * a small page that sends the reader to the permanent address
 * (/docs/2026.1/conditions/ptsd), keeping the query and #section. The
 * address bar then shows the address that will not change, and a bookmark
 * of /docs/… follows each new edition. The redirect runs from a same-origin
 * script (allowed by the Content-Security-Policy), with a meta refresh for
 * readers without JavaScript; the page is `noindex` and its canonical link
 * names the target.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import { DOCS_BASE, listEditions } from '../../content/editions';
import { escapeAttribute } from '../../security/htmlAudit';

export const REDIRECT_SCRIPT = 'edition-redirect.js';

export function redirectPage(target: string, baseUrl: string, policy: string): string {
  const href = escapeAttribute(target);
  return `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}"><meta charset="utf-8"><title>Newest edition: ${href}</title><meta http-equiv="refresh" content="0; url=${href}"><link rel="canonical" href="${href}"><meta name="robots" content="noindex"><script src="${escapeAttribute(baseUrl)}${REDIRECT_SCRIPT}"></script></head><body><p>The newest edition of this page is at <a href="${href}">${href}</a>.</p></body></html>\n`;
}

/** Reads the target from the canonical link and keeps the query and fragment. */
const SCRIPT = `(function () {
  var link = document.querySelector('link[rel="canonical"]');
  if (link) location.replace(link.getAttribute('href') + location.search + location.hash);
})();
`;

export function writeEditionRedirects(docs: LoadedContent, options: { siteDir: string; baseUrl: string; outDir: string; policy: string }): number {
  const latest = listEditions(options.siteDir)[0];
  const version = docs.loadedVersions.find((v) => v.versionName === latest);
  if (!latest || !version) return 0;
  const base = `${options.baseUrl}${DOCS_BASE}`;
  const prefix = `${base}/${latest}`;
  let written = 0;
  for (const permalink of [version.path, ...version.docs.map((doc) => doc.permalink)]) {
    if (!permalink.startsWith(prefix)) continue;
    const from = `${base}${permalink.slice(prefix.length)}`;
    const file = join(options.outDir, `${from.slice(options.baseUrl.length).replace(/\/$/, '') || 'index'}.html`);
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, redirectPage(permalink, options.baseUrl, options.policy));
    written += 1;
  }
  writeFileSync(join(options.outDir, REDIRECT_SCRIPT), SCRIPT);
  return written;
}
