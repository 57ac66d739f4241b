/**
 * The sanitizer and the Content-Security-Policy hold on their own. With
 * the content checks bypassed (UNSAFE_SKIP_CONTENT_CHECKS=1, a test-only
 * switch), a page full of hostile input is built; its HTML must carry no
 * script, handler, redirect, frame or style of the contributor's, and in
 * Chromium it must raise no dialog, go nowhere and fetch nothing from
 * another host. A script slipped into static/ fails the build outright.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from '../content/paths';
import { launchChromium } from '../tools/browser';
import { serveBuild } from '../tools/serve';
import { run, siteCopy } from '../test/site';

type Element = DefaultTreeAdapterMap['element'];
const elementsOf = (node: DefaultTreeAdapterMap['node']): Element[] => [
  ...('tagName' in node ? [node as Element] : []),
  ...('childNodes' in node ? (node.childNodes as DefaultTreeAdapterMap['node'][]).flatMap(elementsOf) : []),
];
const textOf = (element: Element) => element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

const HOSTILE = `---
title: "Hostile </script><script>alert('title')</script> page"
sidebar_label: "Side </script><script>alert('label')</script>"
description: A page written as a hostile contributor would write it, to prove the build holds without its checks.
bottom_line: "Look <img src=x onerror=\\"alert('bottom')\\"> here and <meta http-equiv=\\"refresh\\" content=\\"0;url=https://evil.example/\\"> now."
evidence:
  question: "Does </script><script>alert('question')</script> run? It must not, in any field."
  certainty: low
  basis: [randomized-trials]
  rationale: "Rationale </script><script>alert('rationale')</script> with markup."
key_points:
  - "A key point <a href=\\"javascript:alert('kp')\\">link</a> [@berman2000antidepressant]."
  - A second key point that is harmless and long enough.
  - "A third <iframe src=\\"https://evil.example/\\"></iframe> key point."
last_reviewed: 2026-11-21
literature_searched: 2026-11-21
---

## In plain language

<!--> <script>alert('comment')</script> -->

<!--> <meta http-equiv="refresh" content="0;url=https://evil.example/"> -->

<!--> <style>article { display: none }</style> -->

<span onmouseover="alert('span')" style="position:fixed;inset:0">cover</span>

[click](javascript:alert('link'))

<iframe src="https://evil.example/"></iframe>

<svg><script>alert('svg')</script></svg>

$$\\href{javascript:alert('math')}{x} \\rule{1000em}{1000em}$$

Description with dollar-backtick $\` and $& text [@berman2000antidepressant].

## What remains uncertain

Nothing.
`;

describe('with the content checks bypassed', { timeout: 600_000 }, () => {
  it('the build publishes no script, handler, redirect, frame or style of the contributor, and Chromium runs none', async () => {
    const dir = siteCopy(true);
    writeFileSync(join(dir, 'docs', 'risks', 'hostile.md'), HOSTILE);
    mkdirSync(join(dir, 'docs', 'hostile-category'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'hostile-category', '_category_.json'), JSON.stringify({ label: "Cat </script><script>alert('category')</script>" }));
    writeFileSync(
      join(dir, 'docs', 'hostile-category', 'page.md'),
      '---\ntitle: Category page\ndescription: A guide page inside a category whose label tries to break out of the breadcrumb JSON-LD.\npage_type: guide\nlast_reviewed: 2026-11-21\n---\n\nText.\n',
    );
    const { status, output } = await run(join(SITE_DIR, 'node_modules', '.bin', 'docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir, {
      UNSAFE_SKIP_CONTENT_CHECKS: '1',
    });
    expect(status, output.slice(-3000)).toBe(0);
    expect(output).toContain('checks bypassed');

    const pages = ['docs/next/risks/hostile.html', 'docs/next/hostile-category/page.html'].map((file) => readFileSync(join(dir, 'build', file), 'utf8'));
    for (const html of pages) {
      // Read as a browser reads it: the contributor's words may appear as text, never as markup.
      const elements = elementsOf(parse(html));
      const scripts = elements.filter((e) => e.tagName === 'script');
      expect(scripts.filter((e) => attribute(e, 'type') !== 'application/ld+json' && textOf(e).includes('alert('))).toEqual([]);
      for (const e of scripts.filter((e) => attribute(e, 'type') === 'application/ld+json')) expect(() => JSON.parse(textOf(e))).not.toThrow();
      expect(elements.flatMap((e) => e.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`))).toEqual([]);
      expect(elements.filter((e) => ['iframe', 'style', 'object', 'embed'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
      expect(elements.filter((e) => e.tagName === 'meta' && /refresh/i.test(attribute(e, 'http-equiv') ?? ''))).toEqual([]);
      expect(elements.filter((e) => /^\s*javascript:/i.test(attribute(e, 'href') ?? ''))).toEqual([]);
      expect(elements.filter((e) => /position:\s*fixed/i.test(attribute(e, 'style') ?? ''))).toEqual([]);
    }

    const server = await serveBuild(join(dir, 'build'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const offsite: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.route('**/*', (route) =>
        route.request().url().startsWith(server.origin) ? route.continue() : (offsite.push(route.request().url()), route.abort()),
      );
      for (const path of ['/docs/next/risks/hostile', '/docs/next/hostile-category/page']) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        await page.mouse.move(10, 10);
        await page
          .locator('a', { hasText: 'click' })
          .first()
          .click({ trial: true })
          .catch(() => undefined);
        await page.waitForTimeout(1500);
        expect(new URL(page.url()).pathname).toBe(path);
      }
      expect(await page.locator('article').isVisible()).toBe(true);
      expect(dialogs).toEqual([]);
      expect(offsite).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('a script in static/ still fails the build, naming the file', async () => {
    const dir = siteCopy();
    writeFileSync(join(dir, 'static', 'evil.html'), '<!doctype html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>');
    const { status, output } = await run(join(SITE_DIR, 'node_modules', '.bin', 'docusaurus'), ['build', '--out-dir', join(dir, 'build')], dir, {
      UNSAFE_SKIP_CONTENT_CHECKS: '1',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('evil.html:1:');
    expect(output).toContain('an inline script that Docusaurus did not write');
  });
});
