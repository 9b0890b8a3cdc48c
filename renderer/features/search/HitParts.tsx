import type { HitKind, RecordField, SearchHit, Snippet } from '../../../shared/search/types';
import type { Translator } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { snippetParts } from './query';

type FieldKey = 'search.field.name' | 'search.field.date' | 'search.field.status' | 'search.field.people' | 'search.field.title' | 'search.field.roles' | 'search.field.type' | 'search.field.author'
  | 'search.field.place' | 'search.field.description' | 'search.field.notes';

/** What a record's snippet field is called for each kind of record (records.ts decides what each field holds). */
const FIELD_LABELS: Record<Exclude<HitKind, 'page'>, Record<RecordField, FieldKey>> = {
  actor: { name: 'search.field.name', role: 'search.field.roles', place: 'search.field.place', body: 'search.field.description', date: 'search.field.status', people: 'search.field.people' },
  event: { name: 'search.field.title', role: 'search.field.type', place: 'search.field.place', body: 'search.field.description', date: 'search.field.date', people: 'search.field.people' },
  document: { name: 'search.field.title', role: 'search.field.author', place: 'search.field.place', body: 'search.field.notes', date: 'search.field.date', people: 'search.field.people' },
};

/** A snippet with its matched words in <mark>, built from the ranges (never from HTML); a record's field labelled. */
export function SnippetText({ snippet, kind, t }: { snippet: Snippet; kind: HitKind; t: Translator }) {
  const label = snippet.field && kind !== 'page' ? t(FIELD_LABELS[kind][snippet.field]) : null;
  return (
    <span className="search-hit__snippet">
      {label ? <span className="search-hit__field">{label}: </span> : null}
      {snippet.truncatedStart ? '… ' : null}
      {snippetParts(snippet.text, snippet.highlights).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
      {snippet.truncatedEnd ? ' …' : null}
    </span>
  );
}

/** "similar spelling: …" when the hit was found only through a typo of a query word. */
export function SimilarSpelling({ hit, t }: { hit: SearchHit; t: Translator }) {
  return hit.similar?.length ? <span className="search-hit__similar">{t('search.similar', { words: hit.similar.join(', ') })}</span> : null;
}

/** How many times the query's words occur on a page. */
export function occurrencesText(count: number, t: Translator): string {
  return plural(t, 'search.occurrences', count);
}
