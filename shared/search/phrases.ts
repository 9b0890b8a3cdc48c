// Phrase checks: by word positions for pages (the strong words, adjacent and in order), on the
// record's own text line by line for records, and on a page's text for words not indexed there.
import { isStrong } from './analyze';
import { BOOST } from './compile';
import type { CompiledClause } from './compile';
import { positionsOf } from './evaluate';
import type { QueryContext } from './evaluate';
import { findPhraseInText } from './highlight';
import { FIELD_SEPARATOR } from './segment';
import type { Segment } from './segment';

/**
 * Candidate rows (every strong phrase word present) where the strong words stand at their
 * offsets: each word's positions (the word and its inflections) are read for the candidates
 * only, into one flat list per candidate and word (no Set or Map per row).
 */
export async function phraseRowsByPositions(seg: Segment, clause: CompiledClause, ctx: QueryContext, rows: number[]): Promise<Set<number>> {
  const phrase = clause.phrase!;
  // One strong word: every candidate holds it (other words around it are checked on the text).
  if (phrase.filter(isStrong).length <= 1) return new Set(rows);
  const slot = new Int32Array(seg.meta.docCount).fill(-1);
  rows.forEach((row, k) => { slot[row] = k; });
  const words: { offset: number; at: (number[] | undefined)[] }[] = [];
  const reads: Promise<void>[] = [];
  const groupOf = new Map(clause.groups.map((g) => [g.word, g]));
  phrase.forEach((word, offset) => {
    const group = groupOf.get(word);
    if (!isStrong(word) || !group) return;
    const at: (number[] | undefined)[] = new Array(rows.length);
    words.push({ offset, at });
    // The word and its inflections only: each form is one positions read per segment (a Blob
    // slice until positions are warmed), and a phrase's words are not its derivations.
    for (const form of ctx.expand(group)) if (Math.max(...form.byLang) >= BOOST.inflection) reads.push(positionsOf(seg, form.term, slot, at));
  });
  await Promise.all(reads);
  const ok = new Set<number>();
  if (words.length === 0) return ok;
  const [first, ...others] = words;
  rows.forEach((row, k) => {
    const starts = first!.at[k];
    if (!starts) return;
    for (const p of starts) {
      if (others.every((w) => w.at[k]?.includes(p + w.offset - first!.offset))) { ok.add(row); return; }
    }
  });
  return ok;
}

/** Whether a text holds the phrase, every word (stop words too) in place. */
export function textHasPhrase(text: string, phrase: readonly string[]): boolean {
  return findPhraseInText(text, phrase, true).length > 0;
}

/**
 * Records: the phrase must lie within one line of the record's text — one name, role, tag,
 * place or line of a field (fields and their parts are joined by newlines), never across two.
 */
export function phraseRowsByText(seg: Segment, phrase: readonly string[], rows: number[]): Set<number> {
  const ok = new Set<number>();
  for (const row of rows) if ((seg.rows.text.at(row) ?? '').split(LINE).some((line) => textHasPhrase(line, phrase))) ok.add(row);
  return ok;
}

const LINE = new RegExp(`[\n${FIELD_SEPARATOR}]`);
