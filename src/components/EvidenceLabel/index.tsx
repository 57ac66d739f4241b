/**
 * The evidence label: the level in words and symbols, with its definition
 * on hover or keyboard focus. On a page it is one line (so a phone shows
 * the bottom line in its first screen) followed by an expandable "why":
 * the question the label grades, the types of evidence and the rationale.
 * Wide screens show the "why" open (CSS), as does print. On a phone the
 * caption is read by screen readers but not shown, and the "why" toggle
 * sits at the end of the line, so the label takes one line of the screen. The label kind
 * (GRADE, descriptive, official record) comes from src/evidence/levels.ts.
 * `data-evidence-level` carries the level id so tests and tools can read it
 * from the static HTML.
 */
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import { useId, type ReactNode } from 'react';
import { EVIDENCE_BASES, isEvidenceBasisId, isLabelLevelId, LABEL_KINDS, LABEL_LEVELS, type LabelLevel } from '../../evidence/levels';
import { useDocPath } from '../useDocPath';
import styles from './styles.module.css';

export interface EvidenceLabelProps {
  readonly level: string;
  /** Space-separated evidence-type ids. */
  readonly basis?: string;
  readonly rationale?: string;
  readonly question?: string;
  readonly variant?: 'page' | 'row';
}

function Marks({ level }: { level: LabelLevel }): ReactNode {
  if (level.kind === 'official-record')
    return (
      <span className={styles.marks} aria-hidden="true">
        §
      </span>
    );
  if (level.kind === 'descriptive')
    return (
      <span className={styles.marks} aria-hidden="true">
        ◇
      </span>
    );
  return (
    <span className={styles.marks} aria-hidden="true">
      {'⊕'.repeat(level.marks)}
      {'◯'.repeat(4 - level.marks)}
    </span>
  );
}

export default function EvidenceLabel({ level: levelId, basis, rationale, question, variant = 'row' }: EvidenceLabelProps): ReactNode {
  const tooltipId = useId();
  const methods = useDocPath('methods/how-we-grade-evidence');
  if (!isLabelLevelId(levelId)) {
    // The content checks reject unknown levels before the build; this guards direct use in code.
    throw new Error(`EvidenceLabel: unknown level "${levelId}"`);
  }
  const level = LABEL_LEVELS[levelId];
  const kind = LABEL_KINDS[level.kind];
  const bases = (basis ?? '')
    .split(/\s+/)
    .filter(isEvidenceBasisId)
    .map((id) => EVIDENCE_BASES[id].label);
  const name = variant === 'row' ? level.short : level.label;
  const term = (
    <span className={styles.term}>
      <Marks level={level} />
      <Link to={`${methods}#${level.id}`} className={styles.name} aria-describedby={tooltipId}>
        {name}
      </Link>
      <span role="tooltip" id={tooltipId} className={styles.tooltip}>
        <strong>{level.label}.</strong> {level.definition}
      </span>
    </span>
  );
  if (variant === 'row') {
    return (
      <span className={clsx('evidence-label', styles.label, styles.row, styles[level.id])} data-evidence-level={level.id}>
        {term}
      </span>
    );
  }
  return (
    <div className={clsx('evidence-label', styles.label, styles.page, styles[level.id])} data-evidence-level={level.id} data-evidence-kind={level.kind}>
      <p className={styles.line}>
        <span className={styles.caption}>{kind.caption}:</span> {term}
      </p>
      {(question || rationale || bases.length > 0) && (
        <details className={clsx('evidence-why', styles.why)}>
          <summary>
            Why<span className={styles.summaryMore}> this label{question ? ', and for which question' : ''}</span>
          </summary>
          {question && (
            <p>
              <span className={styles.caption}>Question:</span> {question}
            </p>
          )}
          {bases.length > 0 && (
            <p>
              <span className={styles.caption}>Evidence:</span> {bases.join('; ')}
            </p>
          )}
          {rationale && (
            <p>
              <span className={styles.caption}>{level.kind === 'official-record' ? 'Note:' : 'Why:'}</span> {rationale}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
