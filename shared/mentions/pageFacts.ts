// What the page says as a whole (whether it capitalises names), and the shapes of text
// around a word that make it part of something other than a name: a place after a place
// noun, a time zone after a clock time, a headline in title case.
import type { PageTokens } from './tokens';

const UPPER_START = /^\p{Lu}/u;
const ANY_CAPITAL = /\p{Lu}/u;
const LETTER = /\p{L}/u;
/** Words a clock time ends with: "10 a.m.", "9 pm", "05:40 horas", "14 h". */
const CLOCK_WORDS: ReadonlySet<string> = new Set(['am', 'pm', 'h', 'hs', 'hrs', 'horas']);

/**
 * Nouns that make the name right after them a place: "la colonia Los Olivos", "el barrio El
 * Chele", "la vereda Tigre". Spanish puts the place's name straight after them.
 */
const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'colonia', 'barrio', 'vereda', 'sector', 'aldea', 'caserio', 'corregimiento', 'municipio', 'departamento',
  'provincia', 'distrito', 'comuna', 'rio', 'quebrada', 'cerro', 'hacienda', 'finca', 'calle', 'avenida',
  'carretera', 'parque', 'plaza', 'urbanizacion', 'asentamiento', 'centro', 'poblado', 'pueblo', 'localidad',
]);

/** The text at `start` starts with a capital (ASCII without a regex). */
export function capitalisedAt(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER_START.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Word i of the page starts with a capital. */
export const capitalAt = (t: PageTokens, i: number): boolean => capitalisedAt(t.text, t.starts[i]!);

/**
 * Whether the page capitalises names: some word inside a sentence starts with a capital (the
 * first `count` words, at `starts` / `ends` in `text`). A page that capitalises only sentence
 * starts, or nothing (a chat message, some OCR, generated text), says nothing with capitals,
 * and names are then matched whatever their case.
 */
export function capitalisesNames(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, count = starts.length): boolean {
  for (let i = 1; i < count; i++) {
    const c = text.charCodeAt(starts[i]!);
    if (c < 0x80 ? c < 65 || c > 90 : !ANY_CAPITAL.test(text[starts[i]!]!)) continue;
    if (!/[.!?:…\n]/.test(text.slice(ends[i - 1]!, starts[i]!))) return true;
  }
  return false;
}

/** Facts about the whole page, computed once. */
export class PageFacts {
  private anyCapital: boolean | undefined;

  /** `cased`: already known for the whole page, when `t` holds only a window of it (splice.ts). */
  constructor(readonly t: PageTokens, cased?: boolean) {
    this.anyCapital = cased;
  }

  /** Whether the page capitalises names (capitalisesNames), computed once. */
  cased(): boolean {
    this.anyCapital ??= capitalisesNames(this.t.text, this.t.starts, this.t.ends);
    return this.anyCapital;
  }

  /** Word `from` comes right after a place noun in lower case: "la colonia Los Olivos". */
  afterPlaceNoun(from: number): boolean {
    const { t } = this;
    const p = from - 1;
    return p >= 0 && PLACE_NOUNS.has(t.words[p]!) && !capitalAt(t, p) && /^\s+$/.test(t.text.slice(t.ends[p]!, t.starts[from]!));
  }

  /** "10:00 a.m. CDT", "05:40 horas EST": word `from` comes right after a clock time. */
  afterClockTime(from: number): boolean {
    const { t } = this;
    const p = from - 1;
    if (p < 0) return false;
    const w = t.words[p]!;
    if (CLOCK_WORDS.has(w)) return true;
    if (w === 'm' && p > 0 && (t.words[p - 1] === 'a' || t.words[p - 1] === 'p')) return true;
    return /^\d{1,2}$/.test(w) && p > 0 && /^\d{1,2}$/.test(t.words[p - 1]!) &&
      t.text.slice(t.ends[p - 1]!, t.starts[p]!) === ':';
  }
}

/** The line holding word i is a headline set in title case ("Army Captures Tigre in Nariño"). */
export function titleCaseLine(t: PageTokens, i: number): boolean {
  const { text } = t;
  const lineStart = text.lastIndexOf('\n', t.starts[i]!) + 1;
  let lineEnd = text.indexOf('\n', t.ends[i]!);
  if (lineEnd < 0) lineEnd = text.length;
  // Runs of letters (as a split on /[^\p{L}]+/u gives them), ASCII without a regex: a line
  // is often a whole page of extracted text, and this runs for every name in it.
  let long = 0;
  let capitalised = 0;
  let run = 0;
  let upperFirst = false;
  const close = () => {
    if (run >= 4) {
      long++;
      if (upperFirst) capitalised++;
    }
    run = 0;
  };
  for (let j = lineStart; j < lineEnd; j++) {
    const c = text.charCodeAt(j);
    let letter: boolean;
    let upper: boolean;
    let units = 1;
    if (c < 0x80) {
      upper = c >= 65 && c <= 90;
      letter = upper || (c >= 97 && c <= 122);
    } else {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      units = ch.length;
      letter = LETTER.test(ch);
      upper = letter && UPPER_START.test(ch);
    }
    if (!letter) close();
    else {
      if (run === 0) upperFirst = upper;
      run += units;
    }
    j += units - 1;
  }
  close();
  return long >= 3 && capitalised >= long * 0.75;
}

const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;

/** Word k is written in capitals: no lower-case letter and two capitals at least (as `/^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u`), ASCII without a regex. */
export function allCapsAt(t: PageTokens, k: number): boolean {
  const { text } = t;
  let upper = 0;
  for (let j = t.starts[k]!, end = t.ends[k]!; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < 0x80) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) upper++;
    } else {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      if (LOWER_LETTER.test(ch)) return false;
      if (UPPER_LETTER.test(ch)) upper++;
      if (ch.length === 2) j++;
    }
  }
  return upper >= 2;
}

/** The gap before word i (i > 0) ends a sentence: . ! ? : … or a blank line in it (a single space, the usual gap, does not). */
export function sentenceBreakBefore(t: PageTokens, i: number): boolean {
  const from = t.ends[i - 1]!;
  const to = t.starts[i]!;
  if (to - from === 1 && t.text.charCodeAt(from) === 32) return false;
  const gap = t.text.slice(from, to);
  return /[.!?:…]/.test(gap) || /\n[ \t]*\r?\n/.test(gap);
}
