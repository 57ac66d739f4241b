/**
 * What a reader's browser downloads (Chromium through Playwright, served
 * locally with gzip), and Lighthouse's mobile audit of a page.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tools/browser';
import { serveBuild } from '../tools/serve';
import { gzipBytes } from './measure';
import type { Download, LighthouseRun } from './results';

/** Ports the benchmark may listen on (the machine is shared): the site server and Lighthouse's Chromium. */
export interface Ports {
  readonly server: number;
  readonly lighthouse: number;
}

export const DEFAULT_PORTS: Ports = {
  server: Number(process.env.BENCHMARK_PORT ?? 3306),
  lighthouse: Number(process.env.BENCHMARK_LIGHTHOUSE_PORT ?? 3307),
};

/**
 * Every response a fresh browser receives while loading `path`; with a
 * query, only what opening the search and showing the first results costs
 * (plus any search file fetched earlier). Pagefind's files are already
 * compressed, and the server gzips the rest, so each body is measured as
 * gzip at level 9: what a static host sends at best.
 */
export async function downloads(browser: Browser, buildDir: string, path: string, port: number, query?: string): Promise<Download[]> {
  const server = await serveBuild(buildDir, '/', port);
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: Promise<Download>[] = [];
  let recording = !query;
  // The context sees the page's responses and those of Pagefind's worker.
  context.on('response', (response) => {
    if (!recording && !response.url().includes('/pagefind/')) return;
    const type = response.request().resourceType();
    const url = response.url().replace(server.origin, '');
    seen.push(
      response.body().then(
        (body) => ({ type, url, gzip: gzipBytes(body) }),
        () => ({ type, url, gzip: 0 }),
      ),
    );
  });
  try {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    if (query) {
      recording = true;
      await page.locator('nav.navbar').getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('combobox', { name: 'Search' }).fill(query);
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    }
    return await Promise.all(seen);
  } finally {
    await context.close();
    await server.close();
  }
}

/** Runs the Lighthouse CLI (mobile defaults) in a child process, so this process can keep serving the page it audits. */
function runLighthouseCli(url: string, out: string, port: number, skipAudits: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const cli = join(__dirname, '..', '..', 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    `--port=${port}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ...(skipAudits.length ? [`--skip-audits=${skipAudits.join(',')}`] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

interface LighthouseJson {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
  environment: { benchmarkIndex: number };
}

/** The figures of one Lighthouse report (pure; tested on a small report). */
export function lighthouseFigures(report: LighthouseJson): LighthouseRun {
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failed = new Set<string>();
  for (const id of ['performance', 'accessibility', 'best-practices', 'seo']) {
    for (const ref of report.categories[id]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (audit && ref.weight > 0 && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
        failed.add(`${ref.id} (${Math.round(audit.score * 100)})`);
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    cls: Math.round((report.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
    benchmarkIndex: Math.round(report.environment.benchmarkIndex),
    failedAudits: [...failed].sort(),
  };
}

export async function lighthouse(url: string, workDir: string, port: number, skipAudits: readonly string[] = []): Promise<LighthouseRun> {
  const out = join(workDir, 'lighthouse.json');
  rmSync(out, { force: true });
  const cli = await runLighthouseCli(url, out, port, skipAudits);
  if (cli.status !== 0) throw new Error(`lighthouse failed on ${url}: ${cli.stderr.slice(-2000)}`);
  return lighthouseFigures(JSON.parse(readFileSync(out, 'utf8')) as LighthouseJson);
}
