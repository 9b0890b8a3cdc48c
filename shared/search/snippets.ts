// Snippets that read as text: a page's best passage with how often the words occur on it; a
// record's one field part (a name, a role, a place, a line of its description) where the
// words matched, as written, with the field it came from (the UI labels it).
import { foldText } from '../text/fold';
import { findPhraseInText, makeSnippet, matchRangesInText } from './highlight';
import { FIELD_SEPARATOR } from './segment';
import type { HighlightRange, RecordField, Snippet } from './types';
import { RECORD_FIELDS } from './types';

function ranges(text: string, terms: ReadonlySet<string>, phrases: readonly (readonly string[])[], memo?: Map<string, boolean>): HighlightRange[] {
  const out = matchRangesInText(text, terms, memo);
  for (const p of phrases) out.push(...findPhraseInText(text, p));
  return out;
}

/** Merged matched ranges: one occurrence per word, a phrase counts once. */
function occurrenceCount(list: readonly HighlightRange[]): number {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  let count = 0;
  let end = -1;
  for (const r of sorted) { if (r.start >= end) count++; end = Math.max(end, r.end); }
  return count;
}

/** A page's densest passage and how many times the query's words occur on the page. */
export function pageSnippet(text: string, terms: ReadonlySet<string>, phrases: readonly (readonly string[])[], length?: number,
  memo?: Map<string, boolean>): { snippet: Snippet; occurrences: number } {
  const found = ranges(text, terms, phrases, memo);
  return { snippet: makeSnippet(text, found, length), occurrences: occurrenceCount(found) };
}

// Ties go to the part that reads best as text: a description line before a place, a role, a
// name; the lines the index adds (a date's calendar, the actors taking part) last, so a title
// that matched is not shown again as the people line that repeats its words.
const PREFERENCE: readonly RecordField[] = ['body', 'place', 'role', 'name', 'date', 'people'];

/**
 * The record's field part (a record's text is its fields joined by FIELD_SEPARATOR, each
 * field's parts by newlines) holding most matched words (distinct words: a line repeating one
 * word does not outweigh a line holding it once), as a snippet labelled with its field;
 * undefined when no part shows a match.
 */
export function recordSnippet(text: string, terms: ReadonlySet<string>, phrases: readonly (readonly string[])[], length?: number): Snippet | undefined {
  let best: { line: string; field: RecordField; found: HighlightRange[]; words: number } | null = null;
  const memo = new Map<string, boolean>();
  text.split(FIELD_SEPARATOR).forEach((fieldText, i) => {
    const field = RECORD_FIELDS[i];
    if (!field) return;
    for (const line of fieldText.split('\n')) {
      const found = ranges(line, terms, phrases, memo);
      if (found.length === 0) continue;
      const words = new Set(found.map((r) => foldText(line.slice(r.start, r.end)))).size;
      const better = !best || words > best.words
        || (words === best.words && PREFERENCE.indexOf(field) < PREFERENCE.indexOf(best.field));
      if (better) best = { line, field, found, words };
    }
  });
  if (!best) return undefined;
  const { line, field, found } = best as { line: string; field: RecordField; found: HighlightRange[]; words: number };
  return { ...makeSnippet(line, found, length), field };
}
