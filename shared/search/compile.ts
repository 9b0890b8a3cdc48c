/**
 * From the parsed query to word groups matched against each segment's vocabulary.
 * A group is one query word with its alternatives: the raw folded word, its Spanish and
 * English stems, and (for ≥ 5 letters) fuzzy variants of the RAW word at a lower boost.
 * Fuzzy is always on, never "only when nothing exact matched": that decision would depend on
 * each segment's content and make scores from different segments incomparable.
 */
import { allForms, isIndexable } from './analyze';
import type { ParsedQuery, QueryClause } from './parseQuery';

export interface Alternative {
  term: string;
  mode: 'exact' | 'prefix' | 'fuzzy';
  distance: number;
  boost: number;
}
export interface WordGroup { word: string; alts: Alternative[] }
export interface CompiledClause { groups: WordGroup[]; phrase: string[] | null }
export interface CompiledQuery {
  mode: 'all' | 'any';
  include: CompiledClause[];
  exclude: CompiledClause[];
}

export const BOOST = { raw: 1, stem: 0.8, prefix: 0.6, fuzzy: 0.35 } as const;
/** Fuzzy from this many letters (distance 1), distance 2 from FUZZY_TWO. */
export const FUZZY_MIN = 5;
export const FUZZY_TWO = 8;

function wordGroup(word: string, prefix: boolean, fuzzy: boolean): WordGroup {
  const [raw, ...stems] = allForms(word);
  const alts: Alternative[] = [{ term: raw!, mode: 'exact', distance: 0, boost: BOOST.raw }];
  for (const stem of stems) alts.push({ term: stem, mode: 'exact', distance: 0, boost: BOOST.stem });
  if (prefix) alts.push({ term: word, mode: 'prefix', distance: 0, boost: BOOST.prefix });
  else if (fuzzy && word.length >= FUZZY_MIN && !/\p{N}/u.test(word)) {
    alts.push({ term: word, mode: 'fuzzy', distance: word.length >= FUZZY_TWO ? 2 : 1, boost: BOOST.fuzzy });
  }
  return { word, alts };
}

function compileClause(clause: QueryClause, fuzzy: boolean): CompiledClause | null {
  if (clause.type === 'term') return { groups: [wordGroup(clause.word, clause.prefix, fuzzy)], phrase: null };
  // Phrase candidates need every indexed word of the phrase (exact forms only); stop words
  // are not indexed and are checked by verification against the text.
  const groups = clause.words.filter((w) => !isStop(w)).map((w) => wordGroup(w, false, false));
  return groups.length ? { groups, phrase: clause.words } : null;
}

const isStop = (w: string): boolean => !isIndexable(w);

export function compileQuery(parsed: ParsedQuery, options: { fuzzy?: boolean } = {}): CompiledQuery {
  const fuzzy = options.fuzzy ?? true;
  const list = (clauses: QueryClause[], f: boolean) => clauses.map((c) => compileClause(c, f)).filter((c): c is CompiledClause => c !== null);
  // Exclusions never go fuzzy: "-garcia" must not drop pages that say "garcía"'s neighbours.
  return { mode: parsed.mode, include: list(parsed.include, fuzzy), exclude: list(parsed.exclude, false) };
}
