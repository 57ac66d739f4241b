/**
 * The steps that finish the built site, in the order they must run:
 * edition redirect pages, reference downloads, search indexes, JSON-LD in each topic
 * page, then the Content-Security-Policy over every HTML file (including
 * the redirect pages). Docusaurus
 * runs plugins' postBuild hooks in parallel, so the order is kept here.
 */
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { applyContentSecurityPolicy } from '../contentSecurityPolicy';
import { writeEditionRedirects } from '../editionRedirects';
import { writeReferenceExports } from '../referenceExports';
import { writeSearchIndexes } from '../../search/indexSite';
import { writeStructuredData } from '../structuredData';

export interface Options {
  readonly bibliographyPath: string;
}

export default function buildOutput(context: LoadContext, options: Options): Plugin {
  return {
    name: 'build-output',
    async postBuild({ outDir, plugins }) {
      const docs = plugins.find((plugin) => plugin.name === 'docusaurus-plugin-content-docs')?.content as LoadedContent | undefined;
      const shared = { siteDir: context.siteDir, baseUrl: context.baseUrl, outDir };
      if (docs) {
        writeEditionRedirects(docs, shared);
        writeReferenceExports(docs, { ...shared, bibliographyPath: options.bibliographyPath });
        await writeSearchIndexes(outDir, docs.loadedVersions, context.baseUrl);
        writeStructuredData(docs, { ...shared, bibliographyPath: options.bibliographyPath, siteUrl: context.siteConfig.url, siteTitle: context.siteConfig.title });
      }
      applyContentSecurityPolicy(outDir);
    },
  };
}
