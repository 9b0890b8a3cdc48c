// What in a text marks a word as a name: a cue word before it, quotes around it, or the
// plural "los hermanos X y Y Quispe Palomino" that names a family. Checked only for
// `with-cue` names, so these run a few times per page, not once per word.
import { capitalisedAt } from './pageFacts';
import type { PageTokens } from './tokens';

// Folded. "el"/"la" are cues only because a cued match must also be capitalised as the
// name is ("el Cholo", not "el cholo"), see findMentions.ts.
const CUE_WORDS: ReadonlySet<string> = new Set([
  'alias', 'apodado', 'apodada', 'llamado', 'llamada', 'camarada', 'comandante', 'cabecilla', 'mando', 'jefe',
  'jefa', 'lider', 'el', 'la', 'hermanos', 'hermano', 'senor', 'senora', 'don', 'dona', 'tio', 'companero',
  'companera', 'presidente', 'doctor', 'general', 'coronel', 'capitan', 'teniente', 'sargento', 'camarade',
  'commander', 'comrade', 'leader', 'brothers', 'brother', 'mister', 'president', 'chairman', 'aka', 'nicknamed', 'dubbed',
  'sr', 'sra', 'srta', 'mr', 'mrs', 'ms', 'dr', 'cmdte', 'cdte', 'gral', 'tte', 'c',
]);
// Abbreviated cues take a full stop: "Sr. Quispe", "Mr. Flores".
const ABBREVIATED = new Set(['sr', 'sra', 'srta', 'mr', 'mrs', 'ms', 'dr', 'cmdte', 'cdte', 'gral', 'tte', 'c']);
const PAIR_CUES: ReadonlySet<string> = new Set([
  'conocido como', 'conocida como', 'known as', 'los hermanos', 'the brothers', 'el llamado', 'la llamada',
  'alias el', 'alias la', 'camarada el', 'camarada la',
  // A group known by its leader: "la columna de Raúl", "los hombres de José", "men loyal to Raúl".
  'columna de', 'hombres de', 'gente de', 'faccion de', 'banda de', 'escolta de', 'lugarteniente de', 'lugartenientes de',
  'men of', 'faction of', 'loyal to', 'column of',
]);
const PLURAL_CUES: ReadonlySet<string> = new Set(['hermanos', 'brothers']);
// "los Quispe Palomino", "la familia Quispe Palomino", "the Fujimori family".
const FAMILY_BEFORE: ReadonlySet<string> = new Set(['los', 'familia', 'family', 'hermanos', 'brothers']);
const FAMILY_AFTER: ReadonlySet<string> = new Set(['brothers', 'hermanos', 'family']);
const CONJUNCTIONS: ReadonlySet<string> = new Set(['y', 'e', 'and']);

const OPEN_QUOTES = '«"“‘\'„‹';
const CLOSE_QUOTES = '»"”’\'›“';
const CUE_GAP = /^[\s«"“‘'„‹]*$/;
const ABBREVIATION_GAP = /^\.?[\s«"“‘'„‹]*$/;
// "(a) Raúl", "a) Raúl", "a. Raúl": the Spanish police shorthand for alias. The bare word
// "a" is the preposition ("a José"), so it needs the bracket or the full stop.
const ALIAS_A_GAP = /^[).][\s«"“‘'„‹]*$/;
// Police records and forms: "ALIAS: PACHO", "Apodo: el Toro".
const FORM_CUES: ReadonlySet<string> = new Set(['alias', 'apodo', 'aka']);
const FORM_GAP = /^\s*:[\s«"“‘'„‹]*$/;
const LIST_GAP = /^[\s,]*$/;
const UPPER_START = /^\p{Lu}/u;

const gap = (t: PageTokens, i: number): string => t.text.slice(t.ends[i - 1]!, t.starts[i]!);

/** Cues that introduce a name not yet known: narrower than CUE_WORDS, no "el", "Sr.". */
export const INTRODUCING_CUES: ReadonlySet<string> = new Set([
  'alias', 'apodado', 'apodada', 'llamado', 'llamada', 'camarada', 'comandante', 'cabecilla', 'commander',
  'comrade', 'aka', 'nicknamed', 'dubbed', 'cmdte', 'cdte',
]);
const INTRODUCING_PAIRS: ReadonlySet<string> = new Set(['conocido como', 'conocida como', 'known as', 'el llamado', 'la llamada']);

/**
 * Where the cue that introduces a name at word `from` begins: the pair's first word ("conocido
 * como", "known as", "el llamado"), else the word before. For what stands before the cue
 * ("Florindo Eleuterio Flores, alias …": suggest.ts).
 */
export function introducingCueStart(t: PageTokens, from: number): number {
  if (from >= 2 && /^\s+$/.test(gap(t, from - 1)) && INTRODUCING_PAIRS.has(`${t.words[from - 2]} ${t.words[from - 1]}`)) return from - 2;
  return from - 1;
}

/** A cue word or pair just before word `from`. `introducing` narrows it to cues for new names. */
export function cueBefore(t: PageTokens, from: number, introducing = false): boolean {
  if (from < 1) return false;
  const words = introducing ? INTRODUCING_CUES : CUE_WORDS;
  const pairs = introducing ? INTRODUCING_PAIRS : PAIR_CUES;
  const g = gap(t, from);
  const w = t.words[from - 1]!;
  if (w === 'a') return ALIAS_A_GAP.test(g);
  if (words.has(w) && (ABBREVIATED.has(w) ? ABBREVIATION_GAP : CUE_GAP).test(g)) return true;
  if (FORM_CUES.has(w) && FORM_GAP.test(g)) return true;
  if (from < 2 || !CUE_GAP.test(g) || !/^\s+$/.test(gap(t, from - 1))) return false;
  return pairs.has(`${t.words[from - 2]} ${w}`);
}

/** Quotes right around words [from, to): «Artemio», "Cirilo," and “Cirilo,” alike. */
export function quoted(t: PageTokens, from: number, to: number): boolean {
  const start = t.starts[from]!;
  const end = t.ends[to - 1]!;
  if (start === 0 || !OPEN_QUOTES.includes(t.text[start - 1]!)) return false;
  let k = end;
  if (k < t.text.length && ',.;:!?'.includes(t.text[k]!)) k++;
  return k < t.text.length && CLOSE_QUOTES.includes(t.text[k]!);
}

/**
 * "los hermanos Víctor y Jorge Quispe Palomino", "brothers Víctor and Jorge Quispe
 * Palomino", "the Quispe Palomino brothers", "los Quispe Palomino": a family name said
 * of several people. Returns the given names listed before it (folded, maybe none), or
 * undefined when there is no such cue.
 */
export function pluralCue(t: PageTokens, from: number, to: number): string[] | undefined {
  if (to < t.words.length && FAMILY_AFTER.has(t.words[to]!) && /^\s+$/.test(gap(t, to))) return [];
  if (from > 0 && FAMILY_BEFORE.has(t.words[from - 1]!) && /^\s+$/.test(gap(t, from))) return [];
  // Walk back over the given names and conjunctions listed before the family name.
  const given: string[] = [];
  for (let j = from - 1, steps = 0; j >= 0 && steps < 8; j--, steps++) {
    if (!LIST_GAP.test(gap(t, j + 1))) return undefined;
    const w = t.words[j]!;
    if (PLURAL_CUES.has(w)) return given;
    const capitalised = UPPER_START.test(t.text.slice(t.starts[j]!, t.starts[j]! + 1));
    if (capitalised) given.push(w);
    else if (!CONJUNCTIONS.has(w)) return undefined;
  }
  return undefined;
}

// The second words of PAIR_CUES ("como", "as", "hermanos"…): a pair cue ends in one of them.
const PAIR_SECOND: ReadonlySet<string> = new Set([...PAIR_CUES].map((p) => p.split(' ')[1]!));

/**
 * For every word of the page, whether a capitalised name of that one word could be accepted
 * there by a cue (what findMentions asks before it looks at any with-cue name: `anyCue`, and
 * a cued name must be capitalised as recorded): the word is capitalised, and a cue is before
 * it, quotes are around it or a plural family cue names it. A function of the text alone, so
 * a page's word filter can carry it (wordFilter.ts `contextKey`) and a with-cue name edit
 * re-scan only the pages where the word stands in such a place (renderer/mentions/
 * rescanPages.ts). Cheap tests first: most words are in lower case, and of the rest most have
 * no cue word or quote before them and no "hermanos" in the eight words before.
 */
export function cueContexts(t: PageTokens): Uint8Array {
  const n = t.words.length;
  const out = new Uint8Array(n);
  let lastPlural = -Infinity;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? t.words[i - 1]! : undefined;
    if (prev !== undefined && PLURAL_CUES.has(prev)) lastPlural = i - 1;
    const start = t.starts[i]!;
    if (!capitalisedAt(t.text, start)) continue;
    if (prev !== undefined && (prev === 'a' || CUE_WORDS.has(prev) || PAIR_SECOND.has(prev)) && cueBefore(t, i)) { out[i] = 1; continue; }
    if (start > 0 && OPEN_QUOTES.includes(t.text[start - 1]!) && quoted(t, i, i + 1)) { out[i] = 1; continue; }
    const plural = lastPlural >= i - 8 || (i + 1 < n && FAMILY_AFTER.has(t.words[i + 1]!)) || (prev !== undefined && FAMILY_BEFORE.has(prev));
    if (plural && pluralCue(t, i, i + 1) !== undefined) out[i] = 1;
  }
  return out;
}
