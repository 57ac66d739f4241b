/**
 * Reading times, defined once: the estimate a reading list shows, and the
 * check that a list's own words ("a two-hour reading list") agree with it.
 */
import type { ContentRoot } from './contentIndex';
import { resolveDocPath, type PageModel } from './page';
import type { Problem } from './problems';

/** Minutes to read a page, at 200 words a minute (a careful reading of clinical text). */
export const WORDS_PER_MINUTE = 200;
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

/** A claimed duration may differ from the estimate by this share before it is refused. */
const TOLERANCE = 0.25;

/** The distinct pages a reading list assigns (a page named twice is read once). */
export function assignedPages(list: PageModel, root: ContentRoot): PageModel[] {
  const pages = (list.frontMatter.readings ?? []).map((reading) => root.byDocPath.get(resolveDocPath(list, reading.page)));
  return [...new Set(pages.filter((page): page is PageModel => Boolean(page)))];
}

export function listMinutes(list: PageModel, root: ContentRoot): number {
  return assignedPages(list, root).reduce((sum, page) => sum + readingMinutes(page.words), 0);
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  half: 0.5,
};
const DURATION =
  /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|forty|fifty|sixty|ninety|half)[- ](hours?|hrs?|minutes?|mins?)\b/gi;

/** Durations a text claims, in minutes: "two-hour" → 120, "45 minutes" → 45. */
export function claimedMinutes(text: string): number[] {
  return [...text.matchAll(DURATION)].map((match) => {
    const amount = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]);
    return /^h/i.test(match[2]!) ? amount * 60 : amount;
  });
}

/** A reading list whose description or audience states a reading time must agree with the estimate. */
export function checkReadingTime(page: PageModel, root: ContentRoot): Problem[] {
  if (page.frontMatter.page_type !== 'reading-list' || !root.rules.rules2026_2) return [];
  const estimate = listMinutes(page, root);
  const problems: Problem[] = [];
  for (const [field, text] of [
    ['description', page.frontMatter.description],
    ['audience', page.frontMatter.audience ?? ''],
  ] as const) {
    for (const claimed of claimedMinutes(text)) {
      if (Math.abs(claimed - estimate) > Math.max(5, estimate * TOLERANCE)) {
        problems.push({
          file: page.file,
          line: page.fieldLines[field] ?? 1,
          column: 1,
          ruleId: 'reading-list-time',
          message: `the \`${field}\` says ${claimed} minutes, but the assigned pages take about ${estimate} minutes at ${WORDS_PER_MINUTE} words a minute: change the ${field} or the readings`,
        });
      }
    }
  }
  return problems;
}
