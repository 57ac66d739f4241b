/**
 * The navbar search. By default it searches the Pagefind index of the
 * edition being read (src/search/), with nothing sent to another host; when
 * Algolia keys are configured it renders the original DocSearch bar.
 *
 * The navbar holds only a button (an icon on phones, so the site title
 * keeps its room); Ctrl-K, ⌘K or `/` open the same search. It opens a modal
 * dialog with an ARIA combobox: arrow keys move through the results, Enter
 * goes to the chosen section, or to the results page when none is chosen,
 * and a live region announces how many results there are. Pagefind's
 * script is loaded when search first opens, so page loads do not pay for it.
 */
import { useActiveVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import OriginalSearchBar from '@theme-original/SearchBar';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { SearchHitSummary } from '../../components/SearchHit';
import { editionSearch, type SearchHit } from '../../search/client';
import { searchIndexPath } from '../../search/indexFiles';
import styles from './styles.module.css';

/** Results shown in the navbar list; the results page shows more. */
const LIMIT = 8;
/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 120;

type Status = { state: 'idle' } | { state: 'searching' } | { state: 'done'; total: number; correctedQuery?: string } | { state: 'failed' };

/** Whether a key press belongs to a field the reader is typing in, where `/` must stay a slash. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function announcement(status: Status, query: string, shown: number): string {
  if (status.state === 'searching') return 'Searching…';
  if (status.state === 'failed') return 'Search could not load. Try the results page.';
  if (status.state !== 'done' || !query.trim()) return '';
  if (status.total === 0) return `No results for ${query}.`;
  const corrected = status.correctedQuery ? ` Also searched for ${status.correctedQuery}.` : '';
  const count = status.total === 1 ? '1 result' : `${status.total} results`;
  return `${count}${status.total > shown ? `, ${shown} shown` : ''}.${corrected} Use the up and down arrow keys to choose, Enter to open.`;
}

function useEditionIndexUrl(): { indexUrl: string; versionName: string } {
  const active = useActiveVersion(undefined);
  const latest = useLatestVersion(undefined);
  const versionName = (active ?? latest).name;
  return { indexUrl: useBaseUrl(`/${searchIndexPath(versionName)}`), versionName };
}

function LocalSearchBar(): ReactNode {
  const { indexUrl, versionName } = useEditionIndexUrl();
  const resultsPage = useBaseUrl('/search');
  const history = useHistory();
  const id = useId();
  const listId = `${id}-list`;
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly SearchHit[]>([]);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [active, setActive] = useState(-1);
  // The static HTML names Ctrl; on Apple systems, after hydration, the key is ⌘.
  const [shortcutLabel, setShortcutLabel] = useState('Ctrl K');
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setShortcutLabel('⌘ K');
  }, []);

  const open = useCallback(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    input.current?.select();
    editionSearch(indexUrl)
      .load()
      .catch(() => setStatus({ state: 'failed' }));
  }, [indexUrl]);
  const close = () => dialog.current?.close();

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (shortcut || slash) {
        event.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  useEffect(() => {
    if (!query.trim()) {
      setHits([]);
      setStatus({ state: 'idle' });
      return undefined;
    }
    let current = true;
    setStatus({ state: 'searching' });
    const timer = setTimeout(() => {
      editionSearch(indexUrl)
        .search(query, { limit: LIMIT })
        .then((response) => {
          if (!current) return;
          setHits(response.hits);
          setActive(-1);
          setStatus({ state: 'done', total: response.total, correctedQuery: response.correctedQuery });
        })
        .catch(() => current && setStatus({ state: 'failed' }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, indexUrl]);

  const allResultsUrl = `${resultsPage}?q=${encodeURIComponent(query.trim())}&edition=${encodeURIComponent(versionName)}`;
  const go = (url: string) => {
    close();
    history.push(url);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? hits.length - 1 : i - 1));
    } else if (event.key === 'Home' && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && active >= 0) {
      event.preventDefault();
      setActive(hits.length - 1);
    } else if (event.key === 'Escape') {
      // A search field would first clear itself; Escape closes the search instead, keeping the words for next time.
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && query.trim()) {
      event.preventDefault();
      go(active >= 0 && hits[active] ? hits[active].url : allResultsUrl);
    }
  };

  const expanded = hits.length > 0;
  return (
    <>
      <button type="button" className={styles.opener} onClick={open} aria-haspopup="dialog" aria-keyshortcuts="Control+K Meta+K /">
        <svg className={styles.icon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64-1.06 1.06-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" fill="currentColor" />
        </svg>
        <span className={styles.openerLabel}>Search</span>
        <kbd className={styles.openerKey} aria-hidden="true">
          {shortcutLabel}
        </kbd>
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-label="Search this edition"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its panel) closes it.
          if (event.target === dialog.current) close();
        }}
      >
        <div className={styles.panel}>
          <div className={styles.field}>
            <label htmlFor={`${id}-input`} className={styles.fieldLabel}>
              Search
            </label>
            <input
              ref={input}
              id={`${id}-input`}
              // type="text": the ARIA combobox pattern needs a text input (the Nu checker refuses role=combobox on type="search").
              type="text"
              inputMode="search"
              className={styles.input}
              placeholder="Search pages and sections, e.g. TRD, Spravato dose"
              role="combobox"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-describedby={`${id}-hint`}
              aria-activedescendant={active >= 0 && hits[active] ? `${id}-option-${active}` : undefined}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="button" className={styles.close} onClick={close}>
              Close
            </button>
          </div>
          <p id={`${id}-hint`} className={styles.hint}>
            Finds the section that answers your words, with abbreviations (TRD, IM, KAP) and brand names understood.
          </p>
          <div role="status" aria-live="polite" aria-atomic="true" className={styles.status}>
            {announcement(status, query, hits.length)}
          </div>
          <ul id={listId} role="listbox" aria-label="Search results" className={styles.results} hidden={!expanded}>
            {hits.map((hit, i) => (
              <li
                key={hit.url}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? styles.active : undefined}
                onMouseMove={() => setActive(i)}
                onClick={() => go(hit.url)}
              >
                <SearchHitSummary hit={hit} />
              </li>
            ))}
          </ul>
          {query.trim() && (
            <p className={styles.footer}>
              <a
                href={allResultsUrl}
                onClick={(event) => {
                  event.preventDefault();
                  go(allResultsUrl);
                }}
              >
                All results, with filters by edition, section and certainty
              </a>
            </p>
          )}
        </div>
      </dialog>
    </>
  );
}

export default function SearchBar(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.themeConfig.algolia ? <OriginalSearchBar /> : <LocalSearchBar />;
}
