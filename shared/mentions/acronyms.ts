// Names a text defines with their acronym: "the United Nations Office on Drugs and Crime
// (UNODC)", "Peru's Counter-Terrorism Directorate (Dirección Contra el Terrorismo - DIRCOTE)",
// "Ejército de Liberación Nacional (ELN)". The long name is taken only when the acronym spells
// it: the initials of its words ("UNODC") or their first syllables ("DIR-CO-TE"), so a place or
// a phrase in brackets ("(Sendero Luminoso)", "(VRAEM)" after a name that does not spell it) is
// never made a name of the acronym.
import type { PageTokens } from './tokens';

/** A span of words [from, to). */
export interface WordSpan { readonly from: number; readonly to: number }

export interface AcronymDefinition {
  /** The long name the acronym spells. */
  readonly name: WordSpan;
  /** The acronym's word. */
  readonly acronym: number;
  /** Another long name of it beside: the English before the Spanish in brackets, or the reverse. */
  readonly other?: WordSpan;
}

// Folded words a long name may hold without a capital: "Office on Drugs and Crime",
// "Dirección Contra el Terrorismo", "Ejército de Liberación Nacional".
const CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'the', 'on', 'and', 'for', 'against', 'in', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'para', 'contra', 'en', 'por', 'sobre',
]);
const ACRONYM = /^\p{Lu}{2,10}$/u;
const UPPER_START = /^\p{Lu}/u;
// Inside a long name: spaces, a hyphen ("Counter-Terrorism"), one line break.
const NAME_GAP = /^(?:[ \t]*(?:\r?\n)?[ \t]*|-)$/;
const MAX_NAME_WORDS = 10;

const raw = (t: PageTokens, i: number): string => t.text.slice(t.starts[i]!, t.ends[i]!);
const gapBefore = (t: PageTokens, i: number): string => t.text.slice(t.ends[i - 1]!, t.starts[i]!);

/**
 * The longest run of capitalised words and connectors ending at word `last`, trimmed of
 * connectors at its start (so "the United Nations…" starts at "United").
 */
function runBack(t: PageTokens, last: number): number {
  let from = last;
  while (from > 0 && last - from + 1 < MAX_NAME_WORDS && NAME_GAP.test(gapBefore(t, from))) {
    const w = t.words[from - 1]!;
    if (!UPPER_START.test(raw(t, from - 1)) && !CONNECTORS.has(w)) break;
    from--;
  }
  while (from < last && CONNECTORS.has(t.words[from]!)) from++;
  return from;
}

/**
 * Whether `letters` spell words[w…]: each word gives a prefix (a syllable or its initial),
 * connectors may give none. `failed` remembers the (letter, word) pairs already tried: at most
 * 10 letters over 10 words (ACRONYM, MAX_NAME_WORDS), so at most 110 steps per start however
 * the words repeat ("Aaaa Aaaa … (AAAAAAAAAA)" on a hostile page took ~1,000 without it).
 */
function spells(letters: string, a: number, words: readonly string[], w: number, failed = new Set<number>()): boolean {
  if (a === letters.length) return words.slice(w).every((x) => CONNECTORS.has(x));
  if (w === words.length || failed.has(a * 64 + w)) return false;
  const word = words[w]!;
  if (CONNECTORS.has(word) && spells(letters, a, words, w + 1, failed)) return true;
  for (let k = 1; k <= word.length && a + k <= letters.length; k++) {
    if (word[k - 1] !== letters[a + k - 1]) break;
    if (spells(letters, a + k, words, w + 1, failed)) return true;
  }
  failed.add(a * 64 + w);
  return false;
}

/** The longest name ending at word `last` that the acronym spells, from its first word on. */
function spelledName(t: PageTokens, last: number, acronym: string): WordSpan | undefined {
  const start = runBack(t, last);
  for (let from = start; from <= last; from++) {
    if (CONNECTORS.has(t.words[from]!)) continue;
    // A name starts with its capital: "Office on Drugs…" is not spelled from "on".
    if (!UPPER_START.test(raw(t, from))) continue;
    if (spells(acronym, 0, t.words.slice(from, last + 1), 0)) return { from, to: last + 1 };
  }
  return undefined;
}

/** A capitalised run of at least two words ending at `last`: a name beside the defined one. */
function otherName(t: PageTokens, last: number): WordSpan | undefined {
  if (last < 0 || !UPPER_START.test(raw(t, last))) return undefined;
  const from = runBack(t, last);
  const content = t.words.slice(from, last + 1).filter((w) => !CONNECTORS.has(w)).length;
  return content >= 2 ? { from, to: last + 1 } : undefined;
}

/** Every "Long Name (ACRONYM)" and "Long Name (Nombre largo - ACRONYM)" of a page. */
export function acronymDefinitions(t: PageTokens): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i < t.words.length; i++) {
    const word = raw(t, i);
    if (!ACRONYM.test(word)) continue;
    const after = t.text.slice(t.ends[i]!, t.ends[i]! + 3);
    if (!/^\s*\)/.test(after)) continue;
    const before = gapBefore(t, i);
    const acronym = t.words[i]!;
    if (/^[ \t]*\([ \t]*$/.test(before)) {
      // "United Nations Office on Drugs and Crime (UNODC)"
      const name = spelledName(t, i - 1, acronym);
      if (name) out.push({ name, acronym: i });
    } else if (/^[ \t]*[-–—,][ \t]*$/.test(before)) {
      // "Counter-Terrorism Directorate (Dirección Contra el Terrorismo - DIRCOTE)"
      const inner = spelledName(t, i - 1, acronym);
      const innerFrom = inner?.from ?? runBack(t, i - 1);
      if (innerFrom === 0 || !/\([ \t]*$/.test(gapBefore(t, innerFrom))) continue;
      const outer = otherName(t, innerFrom - 1);
      if (inner) out.push({ name: inner, acronym: i, ...(outer ? { other: outer } : {}) });
      else {
        const outerSpelled = spelledName(t, innerFrom - 1, acronym);
        const innerName = otherName(t, i - 1);
        if (outerSpelled) out.push({ name: outerSpelled, acronym: i, ...(innerName ? { other: innerName } : {}) });
      }
    }
  }
  return out;
}
