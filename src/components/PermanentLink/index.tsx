/**
 * "Permanent link to this edition" under the page title: the address a
 * syllabus or a paper should cite, which never changes, with a button that
 * copies it. The address is a plain link in the static HTML; the button
 * appears once JavaScript runs, and its "Copied" status is a live region so
 * screen readers announce it. A Next (draft) page has no permanent address:
 * it offers the newest edition's page instead, or says there is none yet.
 */
import Link from '@docusaurus/Link';
import { useDoc, useDocsVersion, useDocVersionSuggestions } from '@docusaurus/plugin-content-docs/client';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { servedPath } from '../../content/servedPath';
import styles from './styles.module.css';

/** Page types that carry a permanent link: pages a reader cites or assigns. */
const CITED_PAGE_TYPES = new Set(['topic', 'reading-list']);
/** How long the "Copied" status stays, in milliseconds. */
const STATUS_MS = 4000;

/** Copies text with the Clipboard API, or by selecting it where that API is unavailable (an http address). */
async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    const range = document.createRange();
    range.selectNodeContents(fallback);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    // execCommand is deprecated but remains the only way to copy without the Clipboard API.
    return document.execCommand('copy');
  }
}

function CopyButton({ url, target }: { url: string; target: React.RefObject<HTMLAnchorElement | null> }): ReactNode {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    const copied = await copyText(url, target.current);
    setStatus(copied ? 'Copied' : 'Selected: press Ctrl+C');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };
  return (
    <>
      <button type="button" className={styles.button} onClick={() => void copy()} aria-label="Copy the permanent link">
        Copy
      </button>
      <span role="status" className={styles.status}>
        {status}
      </span>
    </>
  );
}

export default function PermanentLink(): ReactNode {
  const { metadata, frontMatter } = useDoc();
  const version = useDocsVersion();
  const { latestDocSuggestion, latestVersionSuggestion } = useDocVersionSuggestions(undefined);
  const { siteConfig } = useDocusaurusContext();
  const isBrowser = useIsBrowser();
  const address = useRef<HTMLAnchorElement>(null);
  const pageType = String((frontMatter as { page_type?: unknown }).page_type ?? 'topic');
  if (!CITED_PAGE_TYPES.has(pageType)) return null;

  const isDraft = version.version === 'current' && !version.isLast;
  const docPath = isDraft ? latestDocSuggestion?.path : metadata.permalink;
  if (!docPath) return <p className={styles.permalink}>New in this draft: no permanent link yet.</p>;
  const path = servedPath(docPath, siteConfig.trailingSlash);
  const url = `${siteConfig.url}${path}`;
  return (
    <p className={styles.permalink}>
      <span className={styles.label}>
        {isDraft ? (
          <>
            Draft: cite edition {latestVersionSuggestion.label}
            <span className={styles.wide}> instead</span>:{' '}
          </>
        ) : (
          <>
            Permanent link<span className={styles.wide}> to this edition</span>:{' '}
          </>
        )}
      </span>
      {/* The link opens the page at this site's address; what is shown and copied is its full, permanent address. */}
      <Link ref={address} className={styles.address} to={path} title={url}>
        <span className={styles.shown}>{url.replace(/^https?:\/\//, '')}</span>
      </Link>
      {isBrowser && <CopyButton url={url} target={address} />}
    </p>
  );
}
