/**
 * The one text pipeline for index and query (docs/search.md, "Normalisation"):
 *   tokenize on runs of letters/digits (any script) → foldText (NFKC, lower case, strip accents)
 *   → drop stop words (English + Spanish, folded) → stem the FOLDED word (Snowball Spanish,
 *   Porter English) and keep the unstemmed word too.
 * Every indexed word yields its raw folded form plus its stem(s); exact, prefix and fuzzy
 * matching of names use the raw forms, word-form matching uses the stems.
 * lunr's own trimmer/stemmer are never used: the trimmer is ASCII-only (measurements.md).
 */
import { foldText } from '../text/fold';
import { englishStemmer, lunr, spanishStemmer } from './lunrSetup';
import { EN_STOP_WORDS, ES_STOP_WORDS, STOP_WORDS } from './stopWords';

/** Bump when anything here changes the terms produced: stored segments then need rebuilding. */
export const ANALYZER_VERSION = 1;

/** Language of a text as far as stemming goes; 'mixed' stems with both stemmers. */
export type Lang = 'es' | 'en' | 'mixed';

export interface WordToken {
  /** The folded word. */
  word: string;
  /** Offsets of the word in the ORIGINAL text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const FOLDED_WORD = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;
const ASCII_WORD = /^[a-z0-9]+$/;
/** Longer "words" are PDF junk (base64, hashes run together); they would bloat the index. */
export const MAX_WORD_LENGTH = 40;

/** Folded words of a text, for indexing: the whole text is folded once (fast path). */
export function foldedTokens(text: string): string[] {
  return foldText(text).match(FOLDED_WORD) ?? [];
}

/** Words with their offsets in the original text, for snippets and highlighting. */
export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    // Plain ASCII needs only lower-casing (most page text; foldText costs three normalisations).
    const lower = match[0].toLowerCase();
    if (ASCII_WORD.test(lower)) { out.push({ word: lower, start, end }); continue; }
    // Folding can split a run (NFKC turns "½" into "1⁄2"); the parts share the run's offsets.
    for (const word of foldText(match[0]).match(FOLDED_WORD) ?? []) out.push({ word, start, end });
  }
  return out;
}

/** A folded word worth indexing: not a stop word, not a lone letter, not junk. */
export function isIndexable(word: string): boolean {
  if (word.length > MAX_WORD_LENGTH || STOP_WORDS.has(word)) return false;
  return word.length > 1 || HAS_DIGIT.test(word);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const stemCache = new Map<string, [string, string]>();
const STEM_CACHE_LIMIT = 200_000;

function runStemmer(stemmer: (token: lunr.Token) => lunr.Token, word: string): string {
  return stemmer(new lunr.Token(word, {})).toString();
}

/**
 * Spanish and English stems of a folded word. Folding first breaks Snowball's accented
 * suffixes ("operación" → "operacion" no longer ends in "ación" while "operaciones" does), so a
 * word ending in "ion" is stemmed as its plural: "operacion"+"es" → "oper", like "operaciones".
 */
export function stemsOf(word: string): [es: string, en: string] {
  let cached = stemCache.get(word);
  if (cached) return cached;
  if (HAS_DIGIT.test(word)) cached = [word, word];
  else {
    const es = runStemmer(spanishStemmer, word.endsWith('ion') ? `${word}es` : word);
    cached = [es, runStemmer(englishStemmer, word)];
  }
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, cached);
  return cached;
}

/** The index terms of one folded word in a text of the given language: raw form first. */
export function wordTerms(word: string, lang: Lang): string[] {
  const [es, en] = stemsOf(word);
  const terms = [word];
  if (lang !== 'en' && es !== word && es.length > 1) terms.push(es);
  if (lang !== 'es' && en.length > 1 && !terms.includes(en)) terms.push(en);
  return terms;
}

/**
 * Guess a text's language from its stop words. Short or balanced texts are 'mixed' and get
 * both stems: indexing both for everything would grow the vocabulary for no gain on long
 * single-language pages, and guessing wrong on a short record would lose matches.
 */
export function detectLanguage(words: readonly string[]): Lang {
  let es = 0;
  let en = 0;
  for (const word of words) {
    const inEs = ES_STOP_WORDS.has(word);
    const inEn = EN_STOP_WORDS.has(word);
    if (inEs && !inEn) es++;
    else if (inEn && !inEs) en++;
  }
  if (es + en < 8) return 'mixed';
  if (es > 2 * en) return 'es';
  if (en > 2 * es) return 'en';
  return 'mixed';
}

/** Index terms of a text (raw + stems, stop words dropped), in order, repeats kept (term frequency). */
export function indexTerms(text: string, lang?: Lang): string[] {
  const words = foldedTokens(text);
  const language = lang ?? detectLanguage(words);
  const out: string[] = [];
  for (const word of words) if (isIndexable(word)) for (const term of wordTerms(word, language)) out.push(term);
  return out;
}

/**
 * Query side of one folded word: its raw form and both stems, because the language of the
 * text it should find is unknown. A page indexed as Spanish holds the Spanish stem, an
 * English page the English one, and the raw form is in both.
 */
export function queryForms(word: string): { raw: string; stems: string[] } {
  return { raw: word, stems: wordTerms(word, 'mixed').slice(1) };
}

/** All the terms a folded word can match exactly (raw + both stems). */
export function allForms(word: string): string[] {
  return wordTerms(word, 'mixed');
}
