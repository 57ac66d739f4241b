/**
 * The evidence-strength label: the certainty in words, its GRADE symbol,
 * the definition on hover or keyboard focus, and (on a page) the types of
 * evidence and the one-line rationale. `data-evidence-level` carries the
 * level id so tests and tools can read it from the static HTML.
 */
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import { useId, type ReactNode } from 'react';
import {
  CERTAINTY_LEVELS,
  EVIDENCE_BASES,
  isCertaintyLevelId,
  isEvidenceBasisId,
  type CertaintyLevel,
} from '../../evidence/levels';
import styles from './styles.module.css';

export const METHODS_PAGE = '/docs/methods/how-we-grade-evidence';

export interface EvidenceLabelProps {
  readonly level: string;
  /** Space-separated evidence-type ids. */
  readonly basis?: string;
  readonly rationale?: string;
  readonly variant?: 'page' | 'row';
}

function Marks({ level }: { level: CertaintyLevel }): ReactNode {
  if (!level.graded) return <span className={styles.marks} aria-hidden="true">§</span>;
  return (
    <span className={styles.marks} aria-hidden="true">
      {'⊕'.repeat(level.marks)}
      {'◯'.repeat(4 - level.marks)}
    </span>
  );
}

export default function EvidenceLabel({ level: levelId, basis, rationale, variant = 'row' }: EvidenceLabelProps): ReactNode {
  const tooltipId = useId();
  if (!isCertaintyLevelId(levelId)) {
    // The content checks reject unknown levels before the build; this guards direct use in code.
    throw new Error(`EvidenceLabel: unknown level "${levelId}"`);
  }
  const level = CERTAINTY_LEVELS[levelId];
  const bases = (basis ?? '').split(/\s+/).filter(isEvidenceBasisId).map((id) => EVIDENCE_BASES[id].label);
  const name = variant === 'row' && level.graded ? level.label.replace(/ certainty$/, '') : level.label;
  const term = (
    <span className={styles.term}>
      <Marks level={level} />
      <Link to={`${METHODS_PAGE}#${level.id}`} className={styles.name} aria-describedby={tooltipId}>
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
    <div className={clsx('evidence-label', styles.label, styles.page, styles[level.id])} data-evidence-level={level.id}>
      <p className={styles.line}>
        <span className={styles.caption}>{level.graded ? 'Certainty of evidence:' : 'Source of facts:'}</span> {term}
        {bases.length > 0 && <span className={styles.basis}> · {bases.join('; ')}</span>}
      </p>
      {rationale && (
        <p className={styles.rationale}>
          <span className={styles.caption}>{level.graded ? 'Why:' : 'Note:'}</span> {rationale}
        </p>
      )}
    </div>
  );
}
