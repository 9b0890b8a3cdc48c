// What the page says as a whole (whether it capitalises names), and the shapes of text
// around a word that make it part of something other than a name: a place after a place
// noun, a time zone after a clock time, a headline in title case.
import type { PageTokens } from './tokens';

const UPPER_START = /^\p{Lu}/u;
const ANY_CAPITAL = /\p{Lu}/u;
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

/** Word i of the page starts with a capital. */
export function capitalAt(t: PageTokens, i: number): boolean {
  const c = t.text.charCodeAt(t.starts[i]!);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER_START.test(String.fromCodePoint(t.text.codePointAt(t.starts[i]!)!));
}

/** Facts about the whole page, computed once. */
export class PageFacts {
  private anyCapital: boolean | undefined;

  constructor(readonly t: PageTokens) {}

  /**
   * Whether the page capitalises names: some word inside a sentence starts with a capital.
   * A page that capitalises only sentence starts, or nothing (a chat message, some OCR,
   * generated text), says nothing with capitals, and names are then matched whatever
   * their case.
   */
  cased(): boolean {
    if (this.anyCapital === undefined) {
      const { text, starts, ends } = this.t;
      this.anyCapital = false;
      for (let i = 1; i < starts.length; i++) {
        const c = text.charCodeAt(starts[i]!);
        if (c < 0x80 ? c < 65 || c > 90 : !ANY_CAPITAL.test(text[starts[i]!]!)) continue;
        if (!/[.!?:…\n]/.test(text.slice(ends[i - 1]!, starts[i]!))) {
          this.anyCapital = true;
          break;
        }
      }
    }
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
  const lineStart = t.text.lastIndexOf('\n', t.starts[i]!) + 1;
  let lineEnd = t.text.indexOf('\n', t.ends[i]!);
  if (lineEnd < 0) lineEnd = t.text.length;
  let long = 0;
  let capitalised = 0;
  for (const w of t.text.slice(lineStart, lineEnd).split(/[^\p{L}]+/u)) {
    if (w.length < 4) continue;
    long++;
    if (UPPER_START.test(w)) capitalised++;
  }
  return long >= 3 && capitalised >= long * 0.75;
}
