/**
 * One search result: the page title with its evidence label in words, the
 * site section, the best-matching section of the page (linked to its
 * heading) and the excerpt with the reader's words marked. Used by the
 * navbar search and the results page.
 */
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { LABEL_ORDER } from '../../evidence/levels';
import { excerptParts, type SearchHit as Hit, type SearchSection } from '../../search/client';
import styles from './styles.module.css';

export function Excerpt({ html }: { html: string }): ReactNode {
  return (
    <span className={styles.excerpt}>
      {excerptParts(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

/** The page's certainty in words, coloured like the site's evidence labels. */
export function CertaintyBadge({ label }: { label?: string }): ReactNode {
  if (!label) return null;
  const level = LABEL_ORDER.find((l) => l.label === label);
  return <span className={clsx(styles.certainty, level && styles[level.id])}>{label}</span>;
}

/** The visible text of a hit, without links, for an option of the navbar list. */
export function SearchHitSummary({ hit }: { hit: Hit }): ReactNode {
  const showHeading = hit.title !== hit.pageTitle;
  return (
    <>
      <span className={styles.titleLine}>
        <span className={styles.pageTitle}>{hit.pageTitle}</span>
        <CertaintyBadge label={hit.certainty} />
      </span>
      <span className={styles.context}>
        {hit.section}
        {showHeading && <> › {hit.title}</>}
      </span>
      <Excerpt html={hit.excerpt} />
    </>
  );
}

/** A hit on the results page, linked to its best section, with other matching sections below. */
export function SearchHitArticle({ hit, link }: { hit: Hit; link: (section: SearchSection, children: ReactNode) => ReactNode }): ReactNode {
  return (
    <article className={styles.article}>
      <h2 className={styles.articleTitle}>
        {link(
          hit,
          <>
            {hit.pageTitle}
            {hit.title !== hit.pageTitle && <span className={styles.heading}> › {hit.title}</span>}
          </>,
        )}
      </h2>
      <p className={styles.meta}>
        <CertaintyBadge label={hit.certainty} />
        {hit.section && <span>{hit.section}</span>}
      </p>
      <p className={styles.paragraph}>
        <Excerpt html={hit.excerpt} />
      </p>
      {hit.more.length > 0 && (
        <ul className={styles.more} aria-label={`More sections of ${hit.pageTitle}`}>
          {hit.more.map((section) => (
            <li key={section.url}>
              {link(section, section.title)}: <Excerpt html={section.excerpt} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
