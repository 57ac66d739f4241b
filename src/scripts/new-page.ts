/**
 * `npm run new:page -- <section> <page-name>`, for example
 * `npm run new:page -- conditions eating-disorders`: creates
 * docs/<section>/<page-name>.md from the scaffold. The sidebar is generated
 * from the folders, so the page appears in its section without more work.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PATHS } from '../content/paths';
import { scaffoldPage, ScaffoldError } from '../content/scaffold';

const [section, slug] = process.argv.slice(2);
try {
  if (!section || !slug) throw new ScaffoldError('usage: npm run new:page -- <section> <page-name>, e.g. npm run new:page -- conditions eating-disorders');
  const file = join(PATHS.docs, section, `${slug}.md`);
  if (existsSync(file)) throw new ScaffoldError(`${relative(process.cwd(), file)} already exists: choose another name or edit that page`);
  const text = scaffoldPage(section, slug, new Date().toISOString().slice(0, 10));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`new:page: created ${relative(process.cwd(), file)}. Replace every TODO, cite your sources, then run npm run validate.`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(`new:page: ${error.message}`);
  process.exitCode = 1;
}
