/**
 * The one text pipeline for index and query (docs/search.md, "Normalisation"):
 *   tokenize on runs of letters/digits (any script; thousands-separated numbers are one word and
 *   hyphenated compounds add their parts joined: joinedWords.ts) → foldText (NFKC, lower case, strip accents)
 *   → drop the stop words of the text's language (detectLanguage; 'mixed' drops only words
 *   that are stop words in both) → index the folded word (its surface form).
 * Stems (Snowball Spanish, Porter English, of the FOLDED word) are never posted: each segment
 * field keeps a stem → surface forms map per language (segment.ts), so a stem is matched only
 * by a stem, fuzzy and prefix matching compare typed words with surface forms only, and a
 * form's score can depend on the page's language and on whether it inflects the query word.
 * lunr's own trimmer/stemmer are never used: the trimmer is ASCII-only (measurements.md).
 */
import { foldText } from '../text/fold';
import { englishStemmer, lunr, spanishStemmer } from './lunrSetup';
import { EN_STOP_WORDS, ES_STOP_WORDS, STOP_WORDS } from './stopWords';
import { FOLDED_WORD, foldedTerms, joinNumbers } from './joinedWords';
import type { FoldedTerms } from './joinedWords';
import { groupedWord, scanned, wordEnd, wordStart } from './wordChars';

/** Bump when anything here changes the terms produced: every stored segment then needs rebuilding. */
export const ANALYZER_VERSION = 4;
/**
 * Bump when what records.ts indexes a record by changes (its fields, what goes in them): only the
 * records segments are rebuilt, from the records alone; no page is read again. 2: dates, status
 * histories and an event's participants (session 16).
 */
export const RECORDS_VERSION = 2;

/** Language a text is read in: 'mixed' (short, mixed or another language) reads it in both. */
export type Lang = 'es' | 'en' | 'mixed';

export interface WordToken {
  /** The folded word. */
  word: string;
  /** Offsets of the word in the ORIGINAL text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

const HAS_DIGIT = /\p{N}/u;
const ASCII_WORD = /^[a-z0-9]+$/;
/** Longer "words" are PDF junk (base64, hashes run together); they would bloat the index. */
export const MAX_WORD_LENGTH = 40;

/** Folded words of a text, thousands-separated numbers joined (joinedWords.ts): the whole text is folded once (fast path). */
export function foldedTokens(text: string): string[] {
  return joinNumbers(foldText(text)).match(FOLDED_WORD) ?? [];
}

/** Folded words of a text and its hyphenated compounds (each part joined, at its first part's place): what is indexed. */
export function foldedTermsOf(text: string): FoldedTerms {
  return foldedTerms(foldText(text));
}

/** Words with their offsets in the original text, for snippets and highlighting. */
export function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  const n = text.length;
  // Words found by character class (wordChars.ts), as WORD would match them.
  for (let start = wordStart(text, 0); start < n; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    const { ascii, grouped } = scanned;
    // A thousands-separated number is one word without its separators ("1.200" → "1200").
    const raw = grouped ? groupedWord(text.slice(start, end)) : text.slice(start, end);
    // Plain ASCII needs only lower-casing (most page text; foldText costs three normalisations).
    const lower = raw.toLowerCase();
    if ((ascii && !grouped) || ASCII_WORD.test(lower)) out.push({ word: lower, start, end });
    // Folding can split a run (NFKC turns "½" into "1⁄2"); the parts share the run's offsets.
    else for (const word of foldedParts(raw)) out.push({ word, start, end });
    start = end;
  }
  return out;
}

/**
 * Folded words of one non-ASCII run, cached: pages repeat their words, and folding (three
 * Unicode normalisations) was most of the time of reading a page's text for a phrase check.
 */
const foldedPartsCache = new Map<string, readonly string[]>();
const FOLD_CACHE_LIMIT = 200_000;
function foldedParts(raw: string): readonly string[] {
  let parts = foldedPartsCache.get(raw);
  if (parts === undefined) {
    parts = foldText(raw).match(FOLDED_WORD) ?? [];
    if (foldedPartsCache.size >= FOLD_CACHE_LIMIT) foldedPartsCache.clear();
    foldedPartsCache.set(raw, parts);
  }
  return parts;
}

/** Stop word in Spanish, English, both or neither (the lists are per language: stopWords.ts). */
export function stopIn(word: string): { es: boolean; en: boolean } {
  return { es: ES_STOP_WORDS.has(word), en: EN_STOP_WORDS.has(word) };
}

const worthIndexing = (word: string): boolean => word.length <= MAX_WORD_LENGTH && (word.length > 1 || HAS_DIGIT.test(word));

/**
 * A folded word indexed in a text of this language: not one of that language's stop words
 * (a Spanish page drops "sea", "son", "con"; an English page keeps them), not a lone letter,
 * not junk. 'mixed' texts (records, short or mixed pages) drop only the words that are stop
 * words in both languages ("a", "no", "he"): a record is too short to lose "son" or "sin".
 */
export function isIndexableIn(word: string, lang: Lang): boolean {
  if (!worthIndexing(word)) return false;
  if (lang === 'es') return !ES_STOP_WORDS.has(word);
  if (lang === 'en') return !EN_STOP_WORDS.has(word);
  return !(ES_STOP_WORDS.has(word) && EN_STOP_WORDS.has(word));
}

/** A query word that some text can hold as content: dropped only when a stop word in both languages. */
export function isIndexable(word: string): boolean {
  return isIndexableIn(word, 'mixed');
}

/**
 * A query word that is content in both languages. The others ("sea", "con", "the", "by") are
 * weak: each is a stop word in one language only, so a page in that language never holds it
 * and the query cannot require it there (search.ts makes them optional next to strong words).
 */
export function isStrong(word: string): boolean {
  return worthIndexing(word) && !STOP_WORDS.has(word);
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

/** Stems of a folded word worth looking up: none for numbers or one-letter stems. */
export function stemOf(word: string, lang: 'es' | 'en'): string | null {
  if (HAS_DIGIT.test(word)) return null;
  const stem = stemsOf(word)[lang === 'es' ? 0 : 1];
  return stem.length > 1 ? stem : null;
}

/** The folded word and its distinct stems (raw first): what "the same word" means for phrase checks. */
export function allForms(word: string): string[] {
  const [es, en] = stemsOf(word);
  const out = [word];
  if (es !== word) out.push(es);
  if (!out.includes(en)) out.push(en);
  return out;
}

// Endings left after the stem that only inflect (number, gender, person, tense), per language.
// A form whose ending is not among them (or is not the query word's own derivational ending)
// is a derivation: "capturista", "operativo" for "capturado", "operacion".
const INFLECTIONS = {
  es: new Set(('a as o os e es en an s amos emos imos ais eis ar er ir ado ada ados adas ido ida idos idas ando iendo ' +
    'aron ieron io o aba aban abas abamos ia ian ias iamos ara aran aras ase asen iera ieran iese iesen are aremos aran ' +
    'aria arian eria erian iria irian ere era eran ira iran aste iste asteis isteis').split(' ')),
  en: new Set('e es s ed ing d er ers est ly ies ied y'.split(' ')),
};

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How a form sharing a stem with the query word relates to it, read in one language. */
export type FormRelation = 'inflection' | 'derivation' | 'other';

/**
 * How `form` (sharing `stem` with the query word in `lang`) relates to the query word, from
 * the endings left after the stem: both only inflect, or both carry the same derivational
 * ending ("operacion"/"operaciones": "ac…") → an inflection; the query word's ending inflects
 * but the form's does not ("capturado"/"capturista") → a derivation; the query word's ending
 * is no ending of this language ("captured" read as Spanish) → another language's word.
 */
export function formRelation(word: string, form: string, stem: string, lang: 'es' | 'en'): FormRelation {
  const a = word.slice(commonPrefix(word, stem));
  const b = form.slice(commonPrefix(form, stem));
  const endings = INFLECTIONS[lang];
  if (a === '' || endings.has(a)) return b === '' || endings.has(b) ? 'inflection' : 'derivation';
  return a.slice(0, 2) === b.slice(0, 2) ? 'inflection' : 'other';
}

export const isInflection = (word: string, form: string, stem: string, lang: 'es' | 'en'): boolean =>
  formRelation(word, form, stem, lang) === 'inflection';

// Character trigrams (of folded words padded with spaces) that tell Spanish from English,
// picked from the relevance corpus and the bench corpus's word lists, and measured by
// analyze.test.ts on both (pages of the sample case and the generated 70/30 corpus).
const ES_TRIGRAMS = new Set([' de', 'de ', ' la', 'la ', 'os ', 'as ', ' lo', 'ado', 'ada', 'cio', 'aci', 'nte', ' qu', 'que',
  ' co', 'ien', 'ent', 'es ', ' es', 'ar ', 'ez ', 'ia ', 'io ', 'ero', 'rio', ' y ', 'do ', ' el', 'el ', 'del', 'ona']);
const EN_TRIGRAMS = new Set([' th', 'the', 'he ', 'ing', 'ng ', 'nd ', 'and', ' an', 'ed ', ' wh', 'hat', 'tha', ' of', 'of ',
  'er ', 'ly ', 'ght', ' sh', 'ers', 'ts ', ' wa', 'was', 'ith', 'wit', ' be', 'ey ', 'ay ', 'ss ', 'ck ', 'ow ']);

/**
 * Guess a text's language from its words: stop words that belong to one language only count
 * three, Spanish- or English-typical trigrams one. Too little evidence, or no clear winner
 * (one side under twice the other), is 'mixed': both stemmers, only shared stop words dropped.
 */
export function detectLanguage(words: readonly string[]): Lang {
  let es = 0;
  let en = 0;
  const limit = Math.min(words.length, 2_000);
  for (let i = 0; i < limit; i++) {
    const word = words[i]!;
    const inEs = ES_STOP_WORDS.has(word);
    const inEn = EN_STOP_WORDS.has(word);
    if (inEs && !inEn) es += 3;
    else if (inEn && !inEs) en += 3;
    const padded = ` ${word} `;
    for (let j = 0; j + 3 <= padded.length; j++) {
      const tri = padded.slice(j, j + 3);
      if (ES_TRIGRAMS.has(tri)) es++;
      if (EN_TRIGRAMS.has(tri)) en++;
    }
  }
  if (es + en < 24) return 'mixed';
  if (es > 2 * en) return 'es';
  if (en > 2 * es) return 'en';
  return 'mixed';
}

/** Index terms of a text: its folded words worth indexing in its language, in order, repeats kept. */
export function indexTerms(text: string, lang?: Lang): string[] {
  const words = foldedTokens(text);
  const language = lang ?? detectLanguage(words);
  return words.filter((w) => isIndexableIn(w, language));
}
