/**
 * Vitest (called with --config src/config/vitest.config.ts by the npm
 * scripts, so the repository's top level stays as Docusaurus lays it out):
 * tests live beside the code in __tests__ folders; integration
 * tests (src/integration) build copies of the site. The default 5 s limit
 * is too short for tests that read the whole site on a shared 2-core
 * machine, so the limit is 60 s; speed is measured by `npm run benchmark`,
 * never by a timed test.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The repository root, not this folder, so --dir and paths read as from the root.
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
