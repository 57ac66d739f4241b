/**
 * The path a page is served and named canonical at. A section index's doc
 * path ends in a slash (`/docs/2026.1/conditions/`), but with
 * `trailingSlash: false` Docusaurus serves the page, names it canonical
 * and lists it in the sitemap without one. Imports nothing, so the build
 * and the browser share it.
 */
export function servedPath(path: string, trailingSlash: boolean | undefined): string {
  return trailingSlash === false ? path.replace(/(.)\/$/, '$1') : path;
}
