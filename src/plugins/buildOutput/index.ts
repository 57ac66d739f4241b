/**
 * The steps that finish the built site, in the order they must run (one
 * pass over each HTML file, from the content index; no source file is read
 * again):
 *
 * 1. the page manifest (build/pages.json) and each topic page's reference
 *    downloads (.bib, .ris, CSL-JSON);
 * 2. every HTML file audited (src/security/htmlAudit.ts) and finished: the
 *    Content-Security-Policy first in <head>, then on topic pages the
 *    JSON-LD and Highwire citation tags (a Next page's canonical address is
 *    set by the DocItem/Metadata theme wrapper, so it survives hydration);
 * 3. the redirect pages that make /docs/… open the newest edition;
 * 4. the search index; and the policy as a header file for hosts that can
 *    send headers.
 *
 * Docusaurus runs plugins' postBuild hooks in parallel, so the order is
 * kept here. Any audit failure stops the build with the page named.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { LoadedContent } from '@docusaurus/plugin-content-docs';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { writeReferenceDownloads } from '../../citations/exports';
import { highwireTags } from '../../citations/highwire';
import type { Reference } from '../../citations/reference';
import { medicalWebPage } from '../../citations/schemaOrg';
import { currentSite, type SiteIndex } from '../../content/contentIndex';
import { listEditions, versionLabel } from '../../content/editions';
import type { PageModel } from '../../content/page';
import { preparePage } from '../../content/prepare';
import { policyText, trustedInlineScripts } from '../../security/csp';
import { applyEdits, auditHtml, escapeAttribute, metaTag, type Edit } from '../../security/htmlAudit';
import { jsonForScript } from '../../security/jsonLd';
import { writeSearchIndexes } from '../../search/indexSite';
import { trialDataPath } from '../../remark/generatedBlocks/synthesis';
import { toCsv, toJson } from '../../synthesis/exports';
import { servedPath } from '../../content/servedPath';
import { MANIFEST_FILE, type BuiltPage } from '../../content/urls';
import { writeEditionRedirects } from '../editionRedirects';
import { flushTotals, stopwatch } from '../../benchmark/timing';

export class BuildOutputError extends Error {}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** The HTML file Docusaurus wrote for a permalink (trailing slash off: `a/b.html`, or `a/b/index.html`). */
export function htmlFileFor(outDir: string, permalink: string, baseUrl: string): string | undefined {
  const path = permalink.slice(baseUrl.replace(/\/$/, '').length).replace(/\/$/, '');
  return [join(outDir, `${path}.html`), join(outDir, path, 'index.html')].find((file) => existsSync(file));
}

export function builtPages(docs: LoadedContent, site: SiteIndex, siteUrl: string, siteDir: string, trailingSlash?: boolean): BuiltPage[] {
  const latest = listEditions(siteDir)[0];
  const latestPermalinks = new Map<string, string>();
  const pages: BuiltPage[] = [];
  for (const version of docs.loadedVersions) {
    for (const loaded of version.docs) {
      const page = site.pageByFile.get(join(siteDir, loaded.source.replace(/^@site\//, '')));
      if (!page) continue;
      const doc = { ...loaded, permalink: servedPath(loaded.permalink, trailingSlash) };
      if (version.versionName === latest) latestPermalinks.set(page.docPath, doc.permalink);
      const evidence = page.frontMatter.evidence;
      pages.push({
        url: `${siteUrl}${doc.permalink}`,
        permalink: doc.permalink,
        title: doc.title,
        description: doc.description,
        version: version.versionName,
        edition: versionLabel(version.versionName),
        docPath: page.docPath,
        sectionId: page.sectionId,
        pageType: page.frontMatter.page_type,
        label: evidence?.certainty,
        question: evidence?.question,
        lastReviewed: page.frontMatter.last_reviewed,
        literatureSearched: page.frontMatter.literature_searched,
        citedKeys: preparePage(site, page).citedKeys,
        canonical: `${siteUrl}${doc.permalink}`,
      });
    }
  }
  return pages.map((page) => {
    const newest = page.version === 'current' ? latestPermalinks.get(page.docPath) : undefined;
    return newest ? { ...page, canonical: `${siteUrl}${newest}` } : page;
  });
}

function pageMetadata(page: BuiltPage, model: PageModel, references: readonly Reference[], siteTitle: string, siteUrl: string): string {
  const jsonLd = medicalWebPage(
    {
      title: page.title,
      description: page.description,
      url: page.url,
      edition: page.edition,
      lastReviewed: page.lastReviewed,
      reviewers: model.frontMatter.reviewed_by.map((r) => ({ name: r.name, role: r.role })),
      siteTitle,
      siteUrl,
    },
    references,
  );
  const tags = highwireTags({ title: page.title, siteTitle, url: page.url, edition: page.edition, date: page.lastReviewed }, references);
  return `${tags.map(([name, content]) => metaTag({ name, content })).join('')}<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`;
}

export default function buildOutput(context: LoadContext): Plugin {
  return {
    name: 'build-output',
    async postBuild({ outDir, plugins, siteConfig }) {
      // Build timing (BUILD_TIMING=1): the per-page steps are done; each step below is timed.
      flushTotals();
      const clock = stopwatch();
      const site = currentSite({ siteDir: context.siteDir });
      const docs = plugins.find((plugin) => plugin.name === 'docusaurus-plugin-content-docs')?.content as LoadedContent | undefined;
      const baseUrl = context.baseUrl;
      const siteUrl = siteConfig.url;
      const pages = docs ? builtPages(docs, site, siteUrl, context.siteDir, siteConfig.trailingSlash) : [];
      writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(pages, null, 1)}\n`);
      const references = (page: BuiltPage) => page.citedKeys.map((key) => site.bibliography.references.get(key)!);
      for (const page of pages) if (page.citedKeys.length > 0) writeReferenceDownloads(outDir, page.permalink.slice(baseUrl.length - 1), references(page));
      // Each edition's trial data, as the synthesis on its pages used them.
      for (const [version, byId] of site.syntheses) {
        if (docs && !docs.loadedVersions.some((v) => v.versionName === version)) continue;
        for (const { dataset } of byId.values()) {
          for (const format of ['csv', 'json'] as const) {
            const target = join(outDir, trialDataPath(version, dataset.id, format));
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, format === 'csv' ? toCsv([dataset]) : toJson([dataset]));
          }
        }
      }
      clock.lap('postBuild: manifest, reference downloads, trial data');
      // The search index reads the built pages as readers get them; it writes its own files and changes no page.
      if (docs) await writeSearchIndexes(outDir, docs.loadedVersions, baseUrl);
      clock.lap('postBuild: search index (Pagefind)');

      const trusted = await trustedInlineScripts(plugins, siteConfig.headTags, siteConfig.future.faster.swcHtmlMinimizer ? 'swc' : 'terser');
      const scriptRoot = `${baseUrl}assets/js/`;
      const scriptFileIsOurs = (src: string) => src.startsWith(scriptRoot) && !src.includes('..') && existsSync(join(outDir, src.slice(baseUrl.length)));
      const byFile = new Map(pages.map((page) => [htmlFileFor(outDir, page.permalink, baseUrl), page]));
      const models = new Map(site.roots.flatMap((root) => root.pages.map((model) => [`${model.version}:${model.docPath}`, model] as const)));
      const failures: string[] = [];
      // First every file is audited; the policy then hashes only the trusted scripts the pages really contain.
      const audited = htmlFiles(outDir).map((file) => {
        const html = readFileSync(file, 'utf8');
        return { file, html, audit: auditHtml(html, { trustedScripts: trusted, scriptFileIsOurs }) };
      });
      clock.lap('postBuild: trusted scripts, HTML audit (parse5)');
      const policy = policyText(new Set(audited.flatMap(({ audit }) => audit.inlineScripts)));
      for (const { file, html, audit } of audited) {
        const name = relative(outDir, file);
        if (audit.problems.length > 0) {
          failures.push(...audit.problems.map((problem) => `${name}:${problem.line}:${problem.column}: ${problem.message}`));
          continue;
        }
        if (audit.headOpenEnd === undefined || audit.headCloseStart === undefined) {
          failures.push(`${name}: has no <head> element to carry the Content-Security-Policy`);
          continue;
        }
        const edits: Edit[] = [
          { start: audit.headOpenEnd, end: audit.headOpenEnd, text: `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">` },
        ];
        const page = byFile.get(file);
        const model = page && models.get(`${page.version}:${page.docPath}`);
        if (page && model && page.pageType === 'topic' && model.frontMatter.evidence) {
          edits.push({ start: audit.headCloseStart, end: audit.headCloseStart, text: pageMetadata(page, model, references(page), siteConfig.title, siteUrl) });
        }
        writeFileSync(file, applyEdits(html, edits));
      }
      if (failures.length > 0) {
        throw new BuildOutputError(
          `${failures.length} problem(s) in the built HTML; nothing is published until they are fixed:\n${failures.map((f) => `  ${f}`).join('\n')}`,
        );
      }
      clock.lap('postBuild: policy, JSON-LD and Highwire tags written');
      if (docs) writeEditionRedirects(docs, { siteDir: context.siteDir, baseUrl, outDir, policy });
      // Hosts that can send headers (Netlify, Cloudflare Pages) read this file; it adds frame-ancestors, which a <meta> policy cannot carry.
      writeFileSync(
        join(outDir, '_headers'),
        `/*\n  Content-Security-Policy: ${policyText(new Set(audited.flatMap(({ audit }) => audit.inlineScripts)), true)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
      );
      clock.lap('postBuild: redirect pages, headers');
    },
  };
}
