import { joinNumbers, joinSpacedNumbers } from '../../../shared/search/joinedWords';
import { STOP_WORDS } from '../../../shared/search/stopWords';
import type { HighlightRange, HitKind, SearchFilters, SearchHit } from '../../../shared/search/types';
import { HIT_KINDS } from '../../../shared/search/types';
import { foldText } from '../../../shared/text/fold';
import type { Language } from '../../i18n';
import type { SearchUiFilters } from '../../state/store';
import { readFilterDate } from '../events/dates';

export interface ReadFilters {
  filters: SearchFilters;
  fromInvalid: boolean;
  toInvalid: boolean;
}

/** The UI's filters as the search core takes them; unreadable dates are flagged and left out. */
export function readSearchFilters(ui: SearchUiFilters, activeCaseId: string | null, lang: Language): ReadFilters {
  const filters: SearchFilters = {};
  if (ui.kinds.length < HIT_KINDS.length) filters.kinds = HIT_KINDS.filter((k) => ui.kinds.includes(k));
  const caseId = ui.caseId === 'active' ? activeCaseId : ui.caseId || null;
  if (caseId) filters.caseIds = [caseId];
  if (ui.status) filters.statuses = [ui.status];
  const from = readFilterDate(ui.from, lang);
  const to = readFilterDate(ui.to, lang);
  if (from) filters.from = from.earliest;
  if (to) filters.to = to.latest;
  return { filters, fromInvalid: from === null, toInvalid: to === null };
}

/** Whether the user narrowed anything beyond the default (every kind, the active case). */
export function isNarrowed(ui: SearchUiFilters): boolean {
  return ui.kinds.length < HIT_KINDS.length || ui.status !== '' || ui.from.trim() !== '' || ui.to.trim() !== '' || ui.caseId !== 'active';
}

// The chunks and filter words of shared/search/parseQuery.ts, read here without the analyser
// (and lunr) so the window's bundle stays small; the worker does the real parsing.
const CHUNK = /(-?)(["“”«»])([^"“”«»]*)(?:["“”«»]|$)|(\S+)/gu;
const FILTER = /^(kind|type|tipo|case|caso|status|estado|from|desde|to|hasta|mentions|menciona):/i;
const WORD = /[\p{L}\p{N}]+/gu;

/** The words the user asked for, folded: phrases whole, prefixes without the star; no exclusions, operators, filters or stop words. */
export function typedWords(input: string): string[] {
  const out: string[] = [];
  // Thousands-separated numbers as the search reads them ("1.200", "1 200" → "1200"), not "1" and "200".
  const words = (text: string) => joinNumbers(foldText(text)).match(WORD) ?? [];
  for (const m of joinSpacedNumbers(input).matchAll(CHUNK)) {
    if (m[2] !== undefined) {
      const phrase = words(m[3] ?? '').join(' ');
      if (m[1] !== '-' && phrase) out.push(phrase);
      continue;
    }
    const raw = m[4] ?? '';
    if ((raw.length > 1 && raw.startsWith('-')) || ['OR', 'AND', '|', '&&'].includes(raw) || FILTER.test(raw)) continue;
    for (const word of words(raw)) if (!STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}

/**
 * Words for the viewer to mark on the page: what the user typed (folded; phrases whole,
 * prefixes as typed) plus the words the snippet marked, so stems and forgiven typos show too.
 */
export function viewerTerms(input: string, hit?: Pick<SearchHit, 'snippet'>): string[] {
  const words = typedWords(input);
  const marked = hit?.snippet ? hit.snippet.highlights.map((r) => hit.snippet!.text.slice(r.start, r.end)) : [];
  const seen = new Set<string>();
  return [...words, ...marked].filter((w) => {
    const key = foldText(w);
    if (!w.trim() || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface SnippetPart { text: string; marked: boolean }

/** Cuts text at the highlight ranges (clamped, overlaps merged) so they can be drawn as <mark>. */
export function snippetParts(text: string, highlights: readonly HighlightRange[]): SnippetPart[] {
  const ranges = highlights
    .map((r) => ({ start: Math.max(0, Math.min(r.start, text.length)), end: Math.max(0, Math.min(r.end, text.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** Hits shown per kind before "show more", and how many more each press adds. */
export const FIRST_SHOWN: Record<HitKind, number> = { actor: 8, event: 8, document: 5, page: 10 };
export const MORE_STEP = 20;
