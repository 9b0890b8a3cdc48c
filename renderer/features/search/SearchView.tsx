import { useEffect, useId, useMemo, useState } from 'react';
import type { HitKind, SearchResults } from '../../../shared/search/types';
import { HIT_KINDS } from '../../../shared/search/types';
import { plural } from '../../i18n/plural';
import type { Translator } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import type { SearchStatus } from '../../search/types';
import { MentionedIn } from '../mentions/MentionedIn';
import { HitGroupSection } from './HitGroups';
import { RESULTS_LISTBOX_ID } from './listbox';
import { keepPages, splitMentionsFilter } from './mentionsFilter';
import { FIRST_SHOWN, MORE_STEP, isNarrowed, readSearchFilters } from './query';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SyntaxHelp, SyntaxList } from './SyntaxHelp';
import { useSearch } from './useSearch';
import { useSearchClient, useSearchStatus } from './useSearchClient';
import { useMentionsFilter } from './useMentionsFilter';
import './search.css';

function statusLine(t: Translator, status: SearchStatus): string {
  if (status.error) return t(`search.status.error.${status.error.kind}`, { detail: status.error.detail });
  if (status.indexing) return t('search.status.indexing', { done: status.indexing.done, total: status.indexing.total });
  const state = status.ready ? t('search.status.ready') : t('search.status.starting');
  const budget = status.overBudget;
  return budget ? `${state} · ${plural(t, 'search.status.overBudget', budget.sources, { limit: budget.pageLimit.toLocaleString(t.lang) })}` : state;
}

function noteText(t: Translator, note: string): string {
  if (note.startsWith('badFilter:')) return t('search.note.badFilter', { text: note.slice('badFilter:'.length) });
  return t.dynamic(`search.note.${note}`);
}

/** Results of the global search, grouped by kind, with filters, index status and syntax help. */
export function SearchView() {
  const t = useT();
  const headingId = useId();
  const client = useSearchClient();
  const status = useSearchStatus(client);
  const text = useUi((s) => s.searchText);
  const uiFilters = useUi((s) => s.searchFilters);
  const activeCaseId = useUi((s) => s.activeCaseId);
  const submitTick = useUi((s) => s.searchSubmitTick);
  const read = useMemo(() => readSearchFilters(uiFilters, activeCaseId, t.lang), [uiFilters, activeCaseId, t.lang]);
  const query = text.trim();
  // `mentions:"Name"` is answered here, from the mentions table; the worker gets the rest.
  const mentions = useMemo(() => splitMentionsFilter(query), [query]);
  const mentioning = useMentionsFilter(mentions.names);

  // "Show more" per kind; a new query starts from the first few again.
  const [shownFor, setShownFor] = useState<{ query: string; shown: Record<HitKind, number> }>({ query, shown: FIRST_SHOWN });
  const shown = shownFor.query === query ? shownFor.shown : FIRST_SHOWN;
  const limit = Math.max(...HIT_KINDS.map((k) => shown[k]));
  // Page hits are thinned after the worker answers, so ask it for more of them.
  const { answer, pending } = useSearch(client, mentions.names.length ? mentions.rest : text, read.filters, mentions.names.length ? Math.max(limit, 500) : limit, submitTick);
  const results = answer?.results && mentions.names.length ? (mentioning ? keepPages(answer.results, mentioning.pages) : null) : answer?.results ?? null;
  const listed = !(mentions.names.length && !mentions.rest) && query !== '' && !answer?.error && results !== null && total(results) > 0;
  const setListOpen = useUi((s) => s.setSearchListOpen);
  useEffect(() => {
    setListOpen(listed);
    return () => setListOpen(false);
  }, [listed, setListOpen]);
  // What a screen reader hears once a query settles: the count, not the timing shown beside it.
  const announced = !query || pending ? '' : answer?.error ? t('search.failed', { reason: answer.error })
    : results ? plural(t, 'search.resultCount', total(results)) : '';

  return (
    <section className="page search-view" aria-labelledby={headingId}>
      <header className="search-view__head">
        <h1 id={headingId}>{t('search.title')}</h1>
        <p className="visually-hidden" role="status" aria-live="polite">{announced}</p>
        <p className="search-view__status">
          {statusLine(t, status)}
          {results && !pending ? <> · {t('search.took', { count: total(results), ms: Math.round(results.tookMs) })}</> : null}
          {query && pending ? <> · {t('search.searching')}</> : null}
        </p>
        <SyntaxHelp />
      </header>
      <SearchFiltersBar fromInvalid={read.fromInvalid} toInvalid={read.toInvalid} />
      <div className={`search-view__body${pending && results ? ' is-stale' : ''}`} aria-busy={pending}>
        {mentions.names.length && !mentions.rest ? (
          mentioning?.actorIds.length ? mentioning.actorIds.map((id) => <MentionedIn key={id} actorId={id} withName />)
            : mentioning ? <p className="search-empty">{t('search.noResults', { query })}</p> : null
        ) : !query ? (
          <div className="search-empty">
            <p>{t('search.empty')}</p>
            <SyntaxList />
          </div>
        ) : answer?.error ? (
          <p className="search-error" role="alert">{t('search.failed', { reason: answer.error })}</p>
        ) : results ? (
          <>
            {mentioning && mentioning.unknown.length ? (
              <p className="search-notes">{mentioning.unknown.map((name) => t('mentions.noSuchActor', { name })).join(' ')}</p>
            ) : null}
            {results.notes.length ? (
              <ul className="search-notes">{results.notes.map((n) => <li key={n}>{noteText(t, n)}</li>)}</ul>
            ) : null}
            {total(results) === 0 ? (
              <div className="search-empty">
                <p><strong>{t('search.noResults', { query })}</strong></p>
                <p>{t('search.noResultsHint')}</p>
                {isNarrowed(uiFilters) || activeCaseId ? <p>{t('search.noResultsFiltered')}</p> : null}
              </div>
            ) : (
              <div className="search-results" id={RESULTS_LISTBOX_ID} role="listbox" aria-label={t('search.results')}>
                {HIT_KINDS.filter((k) => results.groups[k].count > 0).map((kind) => (
                  <HitGroupSection key={kind} kind={kind} group={results.groups[kind]} shown={shown[kind]} query={query}
                    onMore={() => setShownFor({ query, shown: { ...shown, [kind]: shown[kind] + MORE_STEP } })} />
                ))}
              </div>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}

const total = (results: SearchResults) => HIT_KINDS.reduce((n, k) => n + results.groups[k].count, 0);
