// cspell:ignore bsedat bdissociat bsuicid indicat approv bapprov hypersensitiv contraindicat MDSI PMDA NMPA
/**
 * Finds label facts stated by hand in a page's Markdown: the statements
 * that must instead be rendered from src/data/label-facts.yaml by a
 * generated block (`::label-facts`, `::label-fact`, `::quick-facts`), so
 * that no two pages can disagree about a label.
 *
 * It looks for four kinds of statement, sentence by sentence (a table row
 * counts as one sentence):
 *
 * - `boxed-warning-list`: "boxed warning" together with three or more of
 *   its hazards (sedation, dissociation, respiratory depression, abuse or
 *   misuse, suicidality). Naming one or two hazards ("the boxed warning for
 *   abuse and misuse") is a reference, not a list, and passes.
 * - `indication-list`: label or approval language together with both
 *   esketamine indications (treatment-resistant depression and depressive
 *   symptoms with acute suicidal ideation or behavior), or with two of the
 *   anesthetic indications of ketamine.
 * - `approval-date`: a form of "approve" within a few words of a
 *   month-precise date (March 2019, 5 March 2019, 2019-03-05) in a sentence about ketamine or
 *   esketamine, unless it is about a regulator outside the United States
 *   (those decisions are not label facts of the US products).
 * - `contraindication-list`: "contraindicated" with two or more of the
 *   esketamine contraindications, or with both ketamine contraindications.
 *
 * Front matter fields (bottom line, key points) are checked too, because
 * they are published; directive lines (the blocks themselves), code and
 * HTML comments are not.
 */

export type ByHandKind = 'boxed-warning-list' | 'indication-list' | 'approval-date' | 'contraindication-list';

export interface ByHandFinding {
  readonly kind: ByHandKind;
  /** 1-based line of the source file. */
  readonly line: number;
  readonly sentence: string;
}

const HAZARDS = [/\bsedat/i, /\bdissociat/i, /respiratory depression/i, /\babuse\b|\bmisuse\b/i, /\bsuicid/i];
const LABEL_WORDS = /\b(indicat\w*|approv\w*|label\w*|prescribing information)\b/i;
const TRD = /treatment[- ]resistant depression|\bTRD\b/i;
const MDSI = /suicidal (ideation|thoughts)/i;
const KETAMINE_INDICATIONS = [/sole anesthetic/i, /induction of anesthesia/i, /supplement (to|other)[^.]*anesthetic/i];
const PRODUCT = /\b(es)?ketamine\b|\bspravato\b|\bketalar\b/i;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sep\\.?|Sept\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DATE = new RegExp(`\\b(?:\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4}|${MONTH},? \\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?)\\b`);
const ELSEWHERE =
  /\b(EMA|Europe|EU\b|CHMP|Swissmedic|Switzerland|Swiss|TGA|Australia|Canad|CADTH|NICE\b|England|United Kingdom|UK\b|MHRA|Japan|PMDA|China|NMPA)/;
const ESKETAMINE_CONTRAINDICATIONS = [/aneurysm/i, /arteriovenous/i, /intracerebral/i];
const KETAMINE_CONTRAINDICATIONS = [/serious hazard/i, /hypersensitiv/i];

const count = (sentence: string, patterns: readonly RegExp[]) => patterns.filter((p) => p.test(sentence)).length;

/**
 * "Approved … on 5 March 2019", "approved in March 2019", or "in March 2019
 * the FDA approved": the date attached to the approval, not a date that
 * happens to stand elsewhere in the sentence.
 */
const APPROVED_THEN_DATE = new RegExp(`\\bapprov\\w*\\b[^.;]{0,60}?${DATE.source}`, 'i');
const DATE_THEN_APPROVED = new RegExp(`\\b(?:on|in|since|from)\\s+${DATE.source}[^.;]{0,40}?\\bapprov`, 'i');
const approvalNearDate = (sentence: string) => APPROVED_THEN_DATE.test(sentence) || DATE_THEN_APPROVED.test(sentence);

export function classify(sentence: string): ByHandKind[] {
  const kinds: ByHandKind[] = [];
  if (/boxed warning/i.test(sentence) && count(sentence, HAZARDS) >= 3) kinds.push('boxed-warning-list');
  if (LABEL_WORDS.test(sentence) && ((TRD.test(sentence) && MDSI.test(sentence)) || count(sentence, KETAMINE_INDICATIONS) >= 2)) kinds.push('indication-list');
  if (approvalNearDate(sentence) && PRODUCT.test(sentence) && !ELSEWHERE.test(sentence)) kinds.push('approval-date');
  if (/contraindicat/i.test(sentence) && (count(sentence, ESKETAMINE_CONTRAINDICATIONS) >= 2 || count(sentence, KETAMINE_CONTRAINDICATIONS) >= 2))
    kinds.push('contraindication-list');
  return kinds;
}

/**
 * The text a reader sees, without citations, emphasis markers and HTML. A
 * link to another page stands for that page, not for a statement, so its
 * text (often a page title such as "Suicidal ideation") becomes "(page)".
 */
function plain(line: string): string {
  return line
    .replace(/<!--.*?-->/g, ' ')
    .replace(/\[@[^\]]*\]/g, ' ')
    .replace(/\[([^\]]*)\]\((?!https?:)[^)]*\.mdx?(#[^)]*)?\)/g, '(page)')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sentences of one line: a table row is one sentence, prose is split after . ! ? or ; */
function sentencesOf(line: string): string[] {
  if (/^\s*\|/.test(line)) return [plain(line.replace(/\|/g, ' | '))];
  const parts = plain(line)
    .split(/(?<=[.!?;])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  // A run-in heading ("**Contraindications.** Aneurysmal …") belongs to the sentence it introduces.
  const sentences: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    if (i + 1 < parts.length && parts[i]!.split(' ').length <= 3 && /[.:]$/.test(parts[i]!)) {
      parts[i + 1] = `${parts[i]} ${parts[i + 1]}`;
      continue;
    }
    sentences.push(parts[i]!);
  }
  return sentences;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

export function findByHand(source: string): ByHandFinding[] {
  const findings: ByHandFinding[] = [];
  const seen = new Set<string>();
  const report = (kind: ByHandKind, line: number, sentence: string) => {
    if (seen.has(`${kind}:${line}`)) return;
    seen.add(`${kind}:${line}`);
    findings.push({ kind, line, sentence });
  };
  const lines = source.split('\n');
  let fence = false;
  let comment = false;
  /** An open "…contraindicated in patients with:" lead-in and the list items after it, read as one sentence. */
  let lead: { line: number; text: string } | undefined;
  // A date in one list item and "approval" in another are not one statement, so joined lists are not read for approval dates.
  const closeLead = () => {
    if (lead) for (const kind of classify(lead.text)) if (kind !== 'approval-date') report(kind, lead.line, lead.text);
    lead = undefined;
  };
  lines.forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      closeLead();
      fence = !fence;
      return;
    }
    if (fence) return;
    if (comment || /^\s*<!--/.test(raw)) {
      comment = !/-->/.test(raw);
      return;
    }
    if (/^\s*:{2,3}[a-z]/.test(raw) || /^---\s*$/.test(raw)) {
      closeLead();
      return;
    }
    const sentences = sentencesOf(raw);
    if (lead && LIST_ITEM.test(raw)) lead.text += ` ${plain(raw.replace(LIST_ITEM, ''))}`;
    else if (lead && raw.trim() !== '') closeLead();
    for (const sentence of sentences) {
      for (const kind of classify(sentence)) report(kind, index + 1, sentence);
    }
    const last = sentences[sentences.length - 1];
    if (!LIST_ITEM.test(raw) && last?.endsWith(':') && last.includes(' ')) {
      closeLead();
      lead = { line: index + 1, text: last };
    }
  });
  closeLead();
  return findings;
}
