/**
 * What the site search needs from the Content-Security-Policy
 * (src/security/csp.ts merges it into the policy's directives). Verified in Chromium against the built site with the policy
 * sent as a header, which also governs Pagefind's worker script:
 *
 * - `script-src 'wasm-unsafe-eval'`: Pagefind's search engine is
 *   WebAssembly (`pagefind/<version>/wasm.en.pagefind`), compiled with
 *   `WebAssembly.instantiate` in its worker, or in the page when a worker
 *   cannot start. Without this source the compile fails ("CompileError:
 *   WebAssembly.instantiate() … violates … script-src 'self'") and search
 *   finds nothing. It allows compiling WebAssembly only; `eval` and
 *   `new Function` stay blocked.
 *
 * Already in the policy and needed as they are: `worker-src 'self'`
 * (Pagefind starts `new Worker('<index>/pagefind-worker.js')` from the
 * site's own origin; it uses no `blob:` worker) and `connect-src 'self'`
 * (the worker and page fetch the index, fragment, filter and WebAssembly
 * files, and the client fetches synonyms.json and words/*.json, all from the
 * site). `script-src 'self'` covers the `import()` of `pagefind.js`.
 */
export const SEARCH_CSP_SOURCES: Record<string, string[]> = {
  'script-src': ["'wasm-unsafe-eval'"],
};
