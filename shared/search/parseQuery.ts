/**
 * Query syntax a researcher can guess, parsed without ever throwing:
 *   words            all must match (default)       guzman artemio
 *   OR               any may match (whole query)    guzman OR artemio
 *   "a phrase"       words adjacent, in order       "shining path"
 *   prefix*          unstemmed prefix (≥ 2 letters) quisp*
 *   -word, -"a b"    exclude                        sendero -luminoso
 *   filters          kind:actor|event|document|page case:<id> status:at_large from:1990 to:2000-06
 * lunr's query syntax is never used, so `:` `~` `^` in words are only separators here.
 */
import { foldText } from '../text/fold';
import { STATUSES } from '../model/statuses';
import type { ActorStatus } from '../model/statuses';
import { foldedTokens, isIndexable } from './analyze';
import { compoundAt, foldedTerms, joinSpacedNumbers } from './joinedWords';
import type { HitKind, SearchFilters } from './types';

/** `compound`: the word is a part of a hyphenated compound, which the parts joined also matches ("narco-terroristas": "narcoterroristas"). */
export interface TermClause { type: 'term'; word: string; prefix: boolean; compound?: string }
export interface PhraseClause { type: 'phrase'; words: string[] }
export type QueryClause = TermClause | PhraseClause;

export interface ParsedQuery {
  mode: 'all' | 'any';
  include: QueryClause[];
  exclude: QueryClause[];
  filters: SearchFilters;
  /** Keys for the UI: 'stopWordsIgnored', 'prefixTooShort', 'badFilter:<text>'. */
  notes: string[];
}

const KIND_WORDS: Record<string, HitKind> = {
  actor: 'actor', actors: 'actor', person: 'actor', people: 'actor', group: 'actor',
  event: 'event', events: 'event', evento: 'event', eventos: 'event',
  document: 'document', documents: 'document', doc: 'document', docs: 'document', documento: 'document',
  page: 'page', pages: 'page', pagina: 'page', paginas: 'page',
};
const FILTER = /^(kind|type|tipo|case|caso|status|estado|from|desde|to|hasta):(.*)$/i;
const MIN_PREFIX = 2;

/** '1990' → 1990-01-01 (start) / 1990-12-31 (end); 'YYYY-MM' and 'YYYY-MM-DD' likewise. Null if not a date. */
export function dateBound(text: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = m[1]!;
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (day < 1 || day > lastDay) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function applyFilter(key: string, value: string, filters: SearchFilters): boolean {
  const values = value.split(',').map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return false;
  switch (key.toLowerCase()) {
    case 'kind': case 'type': case 'tipo': {
      const kinds = values.map((v) => KIND_WORDS[foldText(v)]);
      if (kinds.some((k) => !k)) return false;
      filters.kinds = [...new Set([...(filters.kinds ?? []), ...(kinds as HitKind[])])];
      return true;
    }
    case 'case': case 'caso':
      filters.caseIds = [...(filters.caseIds ?? []), ...values];
      return true;
    case 'status': case 'estado': {
      const statuses = values.map((v) => foldText(v).replace(/[\s-]+/g, '_'));
      if (statuses.some((s) => !(STATUSES as readonly string[]).includes(s))) return false;
      filters.statuses = [...(filters.statuses ?? []), ...(statuses as ActorStatus[])];
      return true;
    }
    default: {
      const end = /^(to|hasta)$/i.test(key);
      const bound = dateBound(values[0]!, end);
      if (!bound) return false;
      if (end) filters.to = bound; else filters.from = bound;
      return true;
    }
  }
}

/** Split into raw chunks: quoted runs (straight or curly quotes) and whitespace-separated words. */
function chunks(input: string): { text: string; quoted: boolean; negated: boolean }[] {
  const out: { text: string; quoted: boolean; negated: boolean }[] = [];
  const re = /(-?)(["“”«»])([^"“”«»]*)(?:["“”«»]|$)|(\S+)/gu;
  for (const m of joinSpacedNumbers(input).matchAll(re)) {
    if (m[2] !== undefined) out.push({ text: m[3] ?? '', quoted: true, negated: m[1] === '-' });
    else {
      const raw = m[4] ?? '';
      const negated = raw.length > 1 && raw.startsWith('-');
      out.push({ text: negated || raw.startsWith('+') ? raw.slice(1) : raw, quoted: false, negated });
    }
  }
  return out;
}

/** Parse user input; never throws. Object filters (the UI's) win over typed ones, key by key. */
export function parseQuery(input: string, filters: SearchFilters = {}): ParsedQuery {
  const parsed: ParsedQuery = { mode: 'all', include: [], exclude: [], filters: {}, notes: [] };
  const note = (key: string) => { if (!parsed.notes.includes(key)) parsed.notes.push(key); };
  for (const chunk of chunks(String(input ?? '').slice(0, 2_000))) {
    const target = chunk.negated ? parsed.exclude : parsed.include;
    if (chunk.quoted) {
      const words = foldedTokens(chunk.text);
      if (words.filter(isIndexable).length === 0) { if (words.length) note('stopWordsIgnored'); continue; }
      target.push(words.length === 1 ? { type: 'term', word: words[0]!, prefix: false } : { type: 'phrase', words });
      continue;
    }
    if (!chunk.negated && (chunk.text === 'OR' || chunk.text === '|')) { parsed.mode = 'any'; continue; }
    if (chunk.text === 'AND' || chunk.text === '&&') continue;
    const filter = FILTER.exec(chunk.text);
    if (filter && !chunk.negated) {
      if (!applyFilter(filter[1]!, filter[2]!, parsed.filters)) note(`badFilter:${chunk.text.slice(0, 60)}`);
      continue;
    }
    const { words, compounds } = foldedTerms(foldText(chunk.text));
    const starred = /[\p{L}\p{N}\p{M}]\*+$/u.test(chunk.text);
    words.forEach((word, i) => {
      let prefix = starred && i === words.length - 1;
      if (prefix && word.length < MIN_PREFIX) { prefix = false; note('prefixTooShort'); }
      // A compound none of whose parts is a word of its own ("d.e.a.": "d", "e", "a") is
      // looked for as its parts joined ("dea"), once, at its first part.
      const whole = starred ? undefined : compoundAt(compounds, i);
      if (whole && !words.slice(whole.at, whole.at + whole.parts).some(isIndexable) && isIndexable(whole.word)) {
        if (whole.at === i) target.push({ type: 'term', word: whole.word, prefix: false });
        return;
      }
      if (!prefix && !isIndexable(word)) { note('stopWordsIgnored'); return; }
      // A part of a compound also matches the compound written as one word; not with a prefix.
      const compound = whole?.word;
      target.push(compound && isIndexable(compound) ? { type: 'term', word, prefix, compound } : { type: 'term', word, prefix });
    });
  }
  parsed.filters = mergeFilters(parsed.filters, filters);
  return parsed;
}

export function mergeFilters(typed: SearchFilters, given: SearchFilters): SearchFilters {
  const out: SearchFilters = { ...typed };
  for (const [key, value] of Object.entries(given) as [keyof SearchFilters, SearchFilters[keyof SearchFilters]][]) {
    if (value !== undefined && (!Array.isArray(value) || value.length > 0)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
