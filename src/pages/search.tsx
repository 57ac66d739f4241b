/**
 * The search results page, /search?q=…: section-level results with
 * excerpts, filtered by edition, section and certainty (all kept in the URL,
 * so a search can be bookmarked or shared). The form is plain HTML and
 * works as a link without JavaScript; the search itself needs JavaScript,
 * and the page says so then, pointing to the evidence map and glossary.
 */
import Link from '@docusaurus/Link';
import { useLatestVersion, useVersions } from '@docusaurus/plugin-content-docs/client';
import { useHistory, useLocation } from '@docusaurus/router';
import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Layout from '@theme/Layout';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { SearchHitArticle } from '../components/SearchHit';
import { SECTIONS } from '../content/sections';
import { LABEL_ORDER } from '../evidence/levels';
import { editionSearch, type SearchResponse } from '../search/client';
import { searchIndexPath } from '../search/indexFiles';
import { useDocPath } from '../components/useDocPath';
import styles from './search.module.css';

/** Results per page; "More results" adds as many again. */
const PAGE_SIZE = 20;

interface Params {
  readonly q: string;
  readonly edition: string;
  readonly section: string;
  readonly certainty: string;
}

function readParams(search: string, defaultEdition: string): Params {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    edition: params.get('edition') || defaultEdition,
    section: params.get('section') ?? '',
    certainty: params.get('certainty') ?? '',
  };
}

function toSearch(params: Params, defaultEdition: string): string {
  const out = new URLSearchParams();
  out.set('q', params.q);
  if (params.edition !== defaultEdition) out.set('edition', params.edition);
  if (params.section) out.set('section', params.section);
  if (params.certainty) out.set('certainty', params.certainty);
  return `?${out.toString()}`;
}

/** `done` and `failed` name the search they answer, so a result is never shown under the next query's filters. */
type State = { state: 'idle' } | { state: 'searching' } | { state: 'done'; key: string; response: SearchResponse } | { state: 'failed'; key: string };

function summary(state: State, params: Params, editionLabel?: string): string {
  if (state.state === 'searching') return 'Searching…';
  if (state.state === 'failed') return 'Search could not load its index. Reload the page to try again.';
  if (state.state !== 'done') return '';
  const { total, correctedQuery } = state.response;
  const filters = [editionLabel && `edition ${editionLabel}`, params.section, params.certainty].filter(Boolean);
  const within = filters.length > 0 ? ` in ${filters.join(', ')}` : '';
  if (total === 0) return `No results for “${params.q}”${within}. Try fewer words, another term, or remove a filter.`;
  const also = correctedQuery ? ` (also searched for “${correctedQuery}”)` : '';
  return `${total === 1 ? '1 page matches' : `${total} pages match`} “${params.q}”${also}${within}.`;
}

export default function SearchPage(): ReactNode {
  const id = useId();
  const latest = useLatestVersion(undefined);
  const versions = useVersions(undefined);
  const location = useLocation();
  const history = useHistory();
  const { withBaseUrl } = useBaseUrlUtils();
  const evidenceMap = useDocPath('reference/evidence-map');
  const glossary = useDocPath('reference/glossary');
  // The static HTML has no query; reading it only after hydration keeps the two renders equal.
  const isBrowser = useIsBrowser();
  const params = readParams(isBrowser ? location.search : '', latest.name);
  const [draft, setDraft] = useState(params.q);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [answered, setState] = useState<State>({ state: 'idle' });
  const indexUrl = withBaseUrl(`/${searchIndexPath(params.edition)}`);
  // "More results" keeps the shown results until the longer list arrives, so the limit is not part of the key.
  const key = JSON.stringify([indexUrl, params.q, params.section, params.certainty]);
  const stale = (answered.state === 'done' || answered.state === 'failed') && answered.key !== key;
  const state: State = stale ? { state: 'searching' } : answered;

  useEffect(() => setDraft(params.q), [params.q]);
  useEffect(() => setLimit(PAGE_SIZE), [location.search]);

  useEffect(() => {
    if (!params.q.trim()) {
      setState({ state: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ state: 'searching' });
    const filters = { ...(params.section ? { section: params.section } : {}), ...(params.certainty ? { certainty: params.certainty } : {}) };
    editionSearch(indexUrl)
      .search(params.q, { filters, limit })
      .then((response) => current && setState({ state: 'done', key, response }))
      .catch(() => current && setState({ state: 'failed', key }));
    return () => {
      current = false;
    };
  }, [indexUrl, params.q, params.section, params.certainty, limit, key]);

  const navigate = (next: Params) => history.push({ pathname: location.pathname, search: toSearch(next, latest.name) });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate({ ...params, q: draft });
  };

  const response = state.state === 'done' ? state.response : undefined;
  return (
    <Layout
      title={params.q ? `Search: ${params.q}` : 'Search'}
      description="Search every page and section of the ketamine therapy evidence, by edition, section and certainty."
    >
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>Search</h1>
        <form action={withBaseUrl('/search')} method="get" role="search" className={styles.form} onSubmit={onSubmit}>
          <div className={styles.query}>
            <label htmlFor={`${id}-q`}>Search for</label>
            <input id={`${id}-q`} name="q" type="search" value={draft} onChange={(event) => setDraft(event.target.value)} enterKeyHint="search" />
            <button type="submit" className="button button--primary">
              Search
            </button>
          </div>
          <fieldset className={styles.filters}>
            <legend>Filters</legend>
            <div className={styles.filter}>
              <label htmlFor={`${id}-edition`}>Edition</label>
              <select
                id={`${id}-edition`}
                name="edition"
                value={params.edition}
                onChange={(event) => navigate({ ...params, q: draft, edition: event.target.value })}
              >
                {versions.map((version) => (
                  <option key={version.name} value={version.name}>
                    {version.label}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.filter}>
              <label htmlFor={`${id}-section`}>Section</label>
              <select
                id={`${id}-section`}
                name="section"
                value={params.section}
                onChange={(event) => navigate({ ...params, q: draft, section: event.target.value })}
              >
                <option value="">All sections</option>
                {SECTIONS.map((section) => (
                  <option key={section.id} value={section.title}>
                    {section.title}
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.filter}>
              <label htmlFor={`${id}-certainty`}>Certainty</label>
              <select
                id={`${id}-certainty`}
                name="certainty"
                value={params.certainty}
                onChange={(event) => navigate({ ...params, q: draft, certainty: event.target.value })}
              >
                <option value="">Any certainty</option>
                {LABEL_ORDER.map((level) => (
                  <option key={level.id} value={level.label}>
                    {level.label}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        </form>
        <p role="status" aria-live="polite" className={styles.summary}>
          {summary(state, params, params.edition === latest.name ? undefined : versions.find((v) => v.name === params.edition)?.label)}
        </p>
        {!isBrowser && (
          // In the static HTML only: the page removes it once its script runs, so it stays when scripts cannot run.
          // It sits below the form and the status line, so removing it moves nothing in view (Lighthouse CLS was 0.10 when it stood above the form).
          <p className={styles.noscript}>
            Search needs JavaScript, which is turned off or blocked in this browser. Every page is listed with its certainty in the{' '}
            <a href={evidenceMap}>evidence map</a>, and every term and abbreviation in the <a href={glossary}>glossary</a>.
          </p>
        )}
        {response && response.hits.length > 0 && (
          <section aria-label="Results">
            {response.hits.map((hit) => (
              <SearchHitArticle key={hit.pageUrl} hit={hit} link={(section, children) => <Link to={section.url}>{children}</Link>} />
            ))}
            {response.total > response.hits.length && (
              <button type="button" className="button button--secondary margin-top--md" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
                More results
              </button>
            )}
          </section>
        )}
      </main>
    </Layout>
  );
}
