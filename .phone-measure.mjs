// One-off measurement for the closing note (not part of the repo).
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const base = process.argv[2];
const pages = JSON.parse(readFileSync('build/pages.json', 'utf8'));
const list = (Array.isArray(pages) ? pages : pages.pages).filter((p) => p.pageType === 'topic' && p.label);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
const p = await ctx.newPage();
const rows = [];
for (const pg of list) {
  await p.goto(base + pg.permalink);
  const r = await p.evaluate(() => {
    const box = (s) => { const e = document.querySelector(s); if (!e) return null; const r = e.getBoundingClientRect(); return { top: Math.round(r.top), bottom: Math.round(r.bottom), h: Math.round(r.height) }; };
    return { label: box('article .evidence-label[data-evidence-level]'), bl: box('article .bottom-line'), sw: document.documentElement.scrollWidth };
  });
  rows.push({ path: pg.permalink, version: pg.version, ...r });
}
await b.close();
const by = (v) => rows.filter((r) => r.version === v);
for (const v of [...new Set(rows.map((r) => r.version))]) {
  const rs = by(v); const bl = rs.filter((r) => r.bl).map((r) => r.bl.bottom); const lb = rs.filter((r) => r.label).map((r) => r.label.bottom); const lh = rs.filter((r) => r.label).map((r) => r.label.h);
  const cond = rs.filter((r) => r.bl && r.path.includes('/conditions/')).map((r) => r.bl.bottom);
  console.log(v, 'pages', rs.length, 'with bottom line', bl.length, 'BL bottom', Math.min(...bl), '-', Math.max(...bl), 'conditions', Math.min(...cond), '-', Math.max(...cond), '| label bottom', Math.min(...lb), '-', Math.max(...lb), 'label height', Math.min(...lh), '-', Math.max(...lh), '| max scrollWidth', Math.max(...rs.map((r) => r.sw)));
}
