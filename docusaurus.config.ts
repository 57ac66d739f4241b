/**
 * Site configuration. It wires the site's plugins together; the logic lives
 * in src/ (see src/theme/README.md for theme overrides and CONTRIBUTING.md
 * for the content rules).
 */
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { docsVersionOptions } from './src/content/editions';
import { MATH_OPTIONS } from './src/content/markdown';
import { BIBLIOGRAPHY_PATH, SITE_DIR } from './src/content/paths';
import { SITE } from './src/content/site';
import { contentRemarkPlugins } from './src/remark';
import buildOutput from './src/plugins/buildOutput';
import fontFiles from './src/plugins/fontFiles';
import failOnMathErrors from './src/rehype/mathErrors';
import { sidebarItemsGenerator } from './src/content/sidebar';

// Environment switches, named once. Deployments set these; a local build needs none.
const SITE_URL = process.env.SITE_URL ?? 'https://ketamine-evidence.example.org';
const BASE_URL = process.env.BASE_URL ?? '/';
const REPOSITORY_URL = process.env.REPOSITORY_URL ?? SITE.repositoryUrl;
const ALGOLIA =
  process.env.ALGOLIA_APP_ID && process.env.ALGOLIA_API_KEY && process.env.ALGOLIA_INDEX_NAME
    ? // The site's own results page (src/pages/search.tsx) holds /search, so DocSearch adds none.
      { appId: process.env.ALGOLIA_APP_ID, apiKey: process.env.ALGOLIA_API_KEY, indexName: process.env.ALGOLIA_INDEX_NAME, searchPagePath: false as const }
    : undefined;

// Build only these editions (plus Next), e.g. EDITIONS=2026.1; all by default. See README "Editions".
const EDITIONS = process.env.EDITIONS?.split(',').map((e) => e.trim()).filter(Boolean);

const pluginOptions = { bibliographyPath: BIBLIOGRAPHY_PATH, siteDir: SITE_DIR };
const math = { remarkPlugins: [[remarkMath, MATH_OPTIONS]], rehypePlugins: [rehypeKatex, failOnMathErrors] };

const config: Config = {
  title: SITE.title,
  tagline: SITE.tagline,
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  trailingSlash: false,
  // The banner for a misconfigured baseUrl links to docusaurus.io through an inline script; CI checks baseUrl instead.
  baseUrlIssueBanner: false,

  future: { v4: true, faster: true },
  customFields: { repositoryUrl: REPOSITORY_URL },
  clientModules: ['./src/clientModules/print.ts', './src/clientModules/citationPreview.ts'],

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    format: 'detect',
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
          beforeDefaultRemarkPlugins: contentRemarkPlugins(pluginOptions),
          ...math,
          editUrl: `${REPOSITORY_URL}/edit/main/`,
        },
        blog: false,
        pages: { ...math },
        theme: {
          customCss: ['./src/css/custom.css', require.resolve('katex/dist/katex.min.css')],
        },
        gtag: undefined,
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [fontFiles, (context) => buildOutput(context, { bibliographyPath: BIBLIOGRAPHY_PATH })],

  themeConfig: {
    ...(ALGOLIA ? { algolia: ALGOLIA } : {}),
    image: 'img/social-card.png',
    colorMode: { respectPrefersColorScheme: true },
    // Every page sets its own description; this default covers utility pages such as search.
    metadata: [
      { name: 'robots', content: 'index, follow' },
      { name: 'description', content: SITE.tagline },
      { property: 'og:description', content: SITE.tagline },
    ],
    navbar: {
      title: SITE.shortTitle,
      logo: { alt: '', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Evidence' },
        { to: '/docs/conditions', label: 'Conditions', position: 'left' },
        { to: '/docs/reference/evidence-map', label: 'Evidence map', position: 'left' },
        { to: '/docs/methods/how-we-grade-evidence', label: 'How we grade', position: 'left' },
        { to: '/docs/reading-lists', label: 'Reading lists', position: 'left' },
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
            { label: 'Editorial policy', to: '/docs/reference/editorial-policy' },
            { label: 'How we grade evidence', to: '/docs/methods/how-we-grade-evidence' },
          ],
        },
        {
          title: 'Reference',
          items: [
            { label: 'Bibliography', to: '/docs/reference/bibliography' },
            { label: 'Glossary', to: '/docs/reference/glossary' },
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
