/**
 * What the site's search needs beyond the base Content-Security-Policy.
 * Filled in by the search module; empty while search is the site's own code.
 */
export const SEARCH_CSP_SOURCES: Readonly<Record<string, readonly string[]>> = {};
