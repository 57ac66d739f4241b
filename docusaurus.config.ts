/**
 * Site configuration. It wires the site's plugins together; the logic lives
 * in src/ (see src/theme/README.md for theme overrides and CONTRIBUTING.md
 * for the content rules).
 */
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { buildFingerprint } from './src/content/buildFingerprint';
import { currentSite } from './src/content/contentIndex';
import { editUrlFor } from './src/content/editLinks';
import { docsVersionOptions, latestDocPath, NEXT_PATH } from './src/content/editions';
import { KATEX_RENDER_OPTIONS, MATH_OPTIONS } from './src/content/markdown';
import { readFrontMatterForDocusaurus } from './src/content/frontMatter';
import { SITE } from './src/content/site';
import { staticDirectories } from './src/packet/files';
import { sidebarItemsGenerator } from './src/content/sidebar';
import { buildTiming, timedPlugin } from './src/benchmark/timing';
import buildOutput from './src/plugins/buildOutput';
import contentIndex from './src/plugins/contentIndex';
import fontFiles from './src/plugins/fontFiles';
import failOnMathErrors from './src/rehype/mathErrors';
import sanitizeContent from './src/rehype/sanitize';
import contentModel, { skipIndexedMarkdown } from './src/remark/contentModel';

// Environment switches, named once. Deployments set these; a local build needs none.
const SITE_URL = process.env.SITE_URL ?? 'https://ketamine-evidence.example.org';
const BASE_URL = process.env.BASE_URL ?? '/';
const REPOSITORY_URL = process.env.REPOSITORY_URL ?? SITE.repositoryUrl;
const CORRECTIONS_EMAIL = process.env.CORRECTIONS_EMAIL ?? SITE.correctionsEmail;
const ALGOLIA =
  process.env.ALGOLIA_APP_ID && process.env.ALGOLIA_API_KEY && process.env.ALGOLIA_INDEX_NAME
    ? // The site's own results page (src/pages/search.tsx) holds /search, so DocSearch adds none.
      { appId: process.env.ALGOLIA_APP_ID, apiKey: process.env.ALGOLIA_API_KEY, indexName: process.env.ALGOLIA_INDEX_NAME, searchPagePath: false as const }
    : undefined;
// Build only these editions (plus Next), e.g. EDITIONS=2026.1; all by default. See README "Editions".
const EDITIONS = process.env.EDITIONS?.split(',')
  .map((e) => e.trim())
  .filter(Boolean);
// Test-only: build even when content checks fail, to prove the sanitizer and CSP hold alone. Never set in a deployment.
const UNSAFE_SKIP_CONTENT_CHECKS = process.env.UNSAFE_SKIP_CONTENT_CHECKS === '1';

const SITE_DIR = __dirname;
// timedPlugin only measures, and only with BUILD_TIMING=1 (src/benchmark/timing.ts); otherwise it returns the plugin unchanged.
const math = {
  remarkPlugins: [[remarkMath, MATH_OPTIONS]],
  rehypePlugins: [
    [timedPlugin('rehype: KaTeX', rehypeKatex), KATEX_RENDER_OPTIONS],
    timedPlugin('rehype: math errors', failOnMathErrors),
    timedPlugin('rehype: sanitize', sanitizeContent),
  ],
};
const docPath = (path: string) => latestDocPath(SITE_DIR, path);

const config: Config = {
  title: SITE.title,
  tagline: SITE.tagline,
  favicon: 'img/favicon.svg',
  // The PDF packets join the static files once the PDF command has written them (see README "Editions").
  staticDirectories: staticDirectories(SITE_DIR),
  url: SITE_URL,
  baseUrl: BASE_URL,
  trailingSlash: false,
  // The banner for a misconfigured baseUrl links to docusaurus.io through an inline script; CI checks baseUrl instead.
  baseUrlIssueBanner: false,

  future: { v4: true, faster: true },
  customFields: { repositoryUrl: REPOSITORY_URL, correctionsEmail: CORRECTIONS_EMAIL },
  clientModules: ['./src/clientModules/print.ts', './src/clientModules/referencePanel.ts'],

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    format: 'detect',
    parseFrontMatter: readFrontMatterForDocusaurus,
    // Pages of the content index are parsed once, by the index; Docusaurus compiles their prepared tree.
    preprocessor: skipIndexedMarkdown({ siteDir: SITE_DIR }),
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          sidebarItemsGenerator,
          ...docsVersionOptions(SITE_DIR, EDITIONS),
          beforeDefaultRemarkPlugins: [[contentModel, { siteDir: SITE_DIR, inputs: buildFingerprint(SITE_DIR) }]],
          ...math,
          // Every edition's page is edited in docs/; none for generated pages or removed files (src/content/editLinks.ts).
          editUrl: ({ docPath: path }) => editUrlFor(currentSite({ siteDir: SITE_DIR }), REPOSITORY_URL, path),
        },
        blog: false,
        pages: { ...math },
        theme: {
          // Formulas are MathML (see KATEX_RENDER_OPTIONS): no KaTeX stylesheet or fonts.
          customCss: ['./src/css/custom.css', './src/css/editions.css'],
        },
        gtag: undefined,
        sitemap: { lastmod: null, changefreq: null, priority: null, ignorePatterns: [`/docs/${NEXT_PATH}/**`, '/search'] },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [(context) => contentIndex(context, { failOnProblems: !UNSAFE_SKIP_CONTENT_CHECKS }), fontFiles, buildOutput, buildTiming],

  themeConfig: {
    ...(ALGOLIA ? { algolia: ALGOLIA } : {}),
    image: 'img/social-card.png',
    colorMode: { respectPrefersColorScheme: true },
    // Every page sets its own description; this default covers utility pages such as search.
    metadata: [
      { name: 'description', content: SITE.tagline },
      { property: 'og:description', content: SITE.tagline },
    ],
    navbar: {
      title: SITE.shortTitle,
      logo: { alt: '', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Evidence' },
        { type: 'doc', docId: 'conditions/index', label: 'Conditions', position: 'left' },
        { type: 'doc', docId: 'reference/evidence-map', label: 'Evidence map', position: 'left' },
        { type: 'doc', docId: 'reading-lists/index', label: 'Reading lists', position: 'left' },
        { type: 'docsVersionDropdown', position: 'right' },
        { type: 'search', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Use of this site',
          items: [
            { label: 'Editorial policy', to: docPath('reference/editorial-policy.md') },
            { label: 'How we grade evidence', to: docPath('methods/how-we-grade-evidence.md') },
          ],
        },
        {
          title: 'Reference',
          items: [
            { label: 'Bibliography', to: docPath('reference/bibliography.md') },
            { label: 'Glossary', to: docPath('reference/glossary.md') },
            { label: 'All pages (contents)', to: docPath('index.md') },
          ],
        },
      ],
      copyright: SITE.disclaimerHtml,
    },
    docs: { sidebar: { hideable: true } },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
};

export default config;
