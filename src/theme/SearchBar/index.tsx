/**
 * The navbar search. By default it searches the site's own sharded index
 * (src/search/searchIndex.ts) for the edition being read, with nothing
 * sent to another host; when Algolia keys are configured it renders the
 * original DocSearch bar instead.
 */
import { useActiveVersion, useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import OriginalSearchBar from '@theme-original/SearchBar';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { indexPath, search, shardOf, tokenize, type SearchDocument, type SearchResult, type Shard } from '../../search/searchIndex';
import styles from './styles.module.css';

/** Loaded index files, kept for the session so each is fetched once. */
const loaded = new Map<string, Promise<unknown>>();
function load<T>(url: string): Promise<T> {
  if (!loaded.has(url)) loaded.set(url, fetch(url).then((response) => (response.ok ? response.json() : {})));
  return loaded.get(url) as Promise<T>;
}

function LocalSearchBar(): ReactNode {
  const active = useActiveVersion(undefined);
  const latest = useLatestVersion(undefined);
  const versionName = (active ?? latest).name;
  const base = useBaseUrl(`/${indexPath(versionName)}/`);
  const history = useHistory();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [selected, setSelected] = useState(-1);
  const [open, setOpen] = useState(false);
  const latestQuery = useRef('');

  useEffect(() => {
    latestQuery.current = query;
    const terms = tokenize(query);
    if (terms.length === 0) {
      setResults([]);
      return;
    }
    const timer = setTimeout(async () => {
      const keys = [...new Set(terms.map(shardOf))];
      const [documents, ...shards] = await Promise.all([load<SearchDocument[]>(`${base}docs.json`), ...keys.map((key) => load<Shard>(`${base}${key}.json`))]);
      if (latestQuery.current !== query) return;
      const byKey = new Map(keys.map((key, i) => [key, shards[i] as Shard]));
      setResults(search(query, documents as SearchDocument[], (key) => byKey.get(key)));
      setSelected(-1);
      setOpen(true);
    }, 120);
    return () => clearTimeout(timer);
  }, [query, base]);

  const go = (result: SearchResult) => {
    setOpen(false);
    setQuery('');
    history.push(result.u);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setSelected((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && results.length > 0) {
      event.preventDefault();
      go(results[Math.max(selected, 0)]!);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const expanded = open && query.trim().length > 0;
  return (
    <div className={styles.search}>
      <input
        type="search"
        className={`navbar__search-input ${styles.input}`}
        placeholder="Search"
        aria-label="Search this edition"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={selected >= 0 ? `${listId}-${selected}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {expanded && (
        <ul id={listId} role="listbox" aria-label="Search results" className={styles.results}>
          {results.length === 0 ? (
            <li className={styles.empty} role="presentation">
              No page matches every word.
            </li>
          ) : (
            results.map((result, i) => (
              <li
                key={result.u}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === selected}
                className={i === selected ? styles.selected : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  go(result);
                }}>
                <span className={styles.title}>{result.t}</span>
                {result.s && <span className={styles.section}>{result.s}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}

export default function SearchBar(): ReactNode {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.themeConfig.algolia ? <OriginalSearchBar /> : <LocalSearchBar />;
}
