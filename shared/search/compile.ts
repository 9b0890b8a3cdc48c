/**
 * From the parsed query to word groups: one per query word, expanded once per query against
 * every segment's dictionary by `QueryContext.expand` (evaluate.ts):
 *   - the folded word itself (surface form, boost 1);
 *   - forms sharing its Spanish or English stem (stem maps, never fuzzy): inflections in the
 *     page's language 0.8, derivations 0.5, another language's word 0.3 (BOOST);
 *   - prefix*: surface forms starting with it;
 *   - typos, only when no form of the word exists anywhere (decided over all segments, so
 *     scores stay comparable): surface forms within Elasticsearch's AUTO distance (1 edit for
 *     3–5 letters, 2 from 6), same first letter, a swap of two letters is one edit.
 */
import { isIndexable, isStrong } from './analyze';
import type { ParsedQuery, QueryClause } from './parseQuery';

export interface WordGroup {
  word: string;
  prefix: boolean;
  /** Typo tolerance allowed (never in exclusions or phrases). */
  fuzzy: boolean;
  /** A stop word in one language only ("sea", "the"): optional next to strong words. */
  weak: boolean;
  /** The hyphenated compound the word is a part of, joined: its forms count as the word's ("narcoterroristas"). */
  compound?: string;
}
export interface CompiledClause {
  groups: WordGroup[];
  phrase: string[] | null;
  /** Every group is weak: a row needs any one of them, not all (a phrase of weak words such as "by sea"). */
  anyGroup: boolean;
}
export interface CompiledQuery {
  mode: 'all' | 'any';
  include: CompiledClause[];
  exclude: CompiledClause[];
}

export const BOOST = {
  raw: 1, inflection: 0.8, derivation: 0.5, otherLanguage: 0.3, prefix: 0.6, typo1: 0.35, typo2: 0.25,
} as const;

/** Elasticsearch's fuzziness AUTO: edits allowed for a word of this length. */
export const typoDistance = (length: number): number => (length <= 2 ? 0 : length <= 5 ? 1 : 2);

function wordGroup(word: string, prefix: boolean, fuzzy: boolean, compound?: string): WordGroup {
  const group: WordGroup = { word, prefix, fuzzy: fuzzy && !prefix && !/\p{N}/u.test(word), weak: !prefix && !isStrong(word) };
  if (compound !== undefined) group.compound = compound;
  return group;
}

function compileClause(clause: QueryClause, fuzzy: boolean): CompiledClause | null {
  if (clause.type === 'term') {
    const group = wordGroup(clause.word, clause.prefix, fuzzy, clause.compound);
    return { groups: [group], phrase: null, anyGroup: false };
  }
  // Phrase candidates need every strong word of the phrase (no typos); weak and stop words are
  // checked against the text. A phrase of weak words only needs any of them to be a candidate.
  const strong = clause.words.filter(isStrong);
  const words = strong.length ? strong : clause.words.filter(isIndexable);
  const groups = words.map((w) => wordGroup(w, false, false));
  return groups.length ? { groups, phrase: clause.words, anyGroup: strong.length === 0 } : null;
}

export function compileQuery(parsed: ParsedQuery, options: { fuzzy?: boolean } = {}): CompiledQuery {
  const fuzzy = options.fuzzy ?? true;
  const list = (clauses: QueryClause[], f: boolean) => clauses.map((c) => compileClause(c, f)).filter((c): c is CompiledClause => c !== null);
  // Exclusions never go fuzzy: "-garcia" must not drop pages that say "garcía"'s neighbours.
  return { mode: parsed.mode, include: list(parsed.include, fuzzy), exclude: list(parsed.exclude, false) };
}
