// "Names not yet in the case": words a text marks as a name ("alias Cirilo", "conocido
// como Pepe") and capitalised runs it repeats ("Pedro Yaranga" twice), minus names the
// case already has. Suggestions only: the user decides what becomes an actor.
import { COMMON_WORDS } from './commonWords';
import { cueBefore } from './cues';
import { COMMON_FIRST_NAMES } from './firstNames';
import type { NameTrie } from './matcher';
import { PARTICLES } from './rules';
import { SUGGESTION_STOP_WORDS } from './suggestStopWords';
import { tokenize, type PageTokens } from './tokens';

export interface NameSuggestion {
  /** The phrase as the texts write it most often, e.g. "Pedro Yaranga". */
  readonly name: string;
  /** Folded words, the key suggestions are grouped by. */
  readonly key: string;
  /** Occurrences over all texts. */
  readonly count: number;
  /** How many of them a cue introduced ("alias …"). */
  readonly cued: number;
}

export interface SuggestOptions {
  /** A capitalised run needs this many occurrences; a cued phrase needs one. Default 2. */
  readonly minRepeats?: number;
}

const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;
// Spaces only: unlike matching known names, a run stops at a line break, or every heading
// ("InSight Crime Analysis" over "An overwhelming…") would run into the next line. A
// repeated name is rarely broken across lines every time it occurs.
const SOFT_GAP = /^[ \t]+$/;
const MAX_WORDS = 4;

interface Tally { forms: Map<string, number>; count: number; cued: number }

const capitalised = (t: PageTokens, i: number): boolean => {
  const raw = t.text.slice(t.starts[i]!, t.ends[i]!);
  return UPPER_START.test(raw) && !ALL_CAPS.test(raw);
};
const SENTENCE_END = /([.!?:…]|\n[ \t]*\r?\n)[\s"«“'‘(]*$/;
const sentenceStart = (t: PageTokens, i: number): boolean =>
  i === 0 || SENTENCE_END.test(t.text.slice(t.ends[i - 1]!, t.starts[i]!));
const softBefore = (t: PageTokens, i: number): boolean => SOFT_GAP.test(t.text.slice(t.ends[i - 1]!, t.starts[i]!));

/** Word index past a run of capitalised words starting at `from`, particles allowed inside. */
function runEnd(t: PageTokens, from: number): number {
  let end = from + 1;
  let k = from + 1;
  while (k < t.words.length && softBefore(t, k)) {
    if (capitalised(t, k)) end = k + 1;
    else if (!PARTICLES.has(t.words[k]!)) break;
    k++;
  }
  return end;
}

function add(tallies: Map<string, Tally>, t: PageTokens, from: number, to: number, cued: boolean): void {
  const key = t.words.slice(from, to).join(' ');
  const form = t.text.slice(t.starts[from]!, t.ends[to - 1]!).replace(/\s+/g, ' ');
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { forms: new Map(), count: 0, cued: 0 }));
  tally.count++;
  if (cued) tally.cued++;
  tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
}

function collect(t: PageTokens, tallies: Map<string, Tally>): void {
  const n = t.words.length;
  for (let i = 0; i < n; i++) {
    if (!capitalised(t, i)) continue;
    const continuing = i > 0 && softBefore(t, i) && capitalised(t, i - 1);
    const cued = cueBefore(t, i, true);
    if (continuing && !cued) continue;
    let from = i;
    const end = runEnd(t, i);
    // Sentence-initial "Según", "Luego" are capitalised for the sentence, not as names;
    // a known given name there ("Pedro Yaranga dijo") stays. Articles and titles never count.
    if (!cued && sentenceStart(t, from) && !COMMON_FIRST_NAMES.has(t.words[from]!)) from++;
    while (from < end && (COMMON_WORDS.has(t.words[from]!) || PARTICLES.has(t.words[from]!))) from++;
    let to = end;
    while (to > from && (COMMON_WORDS.has(t.words[to - 1]!) || PARTICLES.has(t.words[to - 1]!))) to--;
    if (from >= to) continue;
    const words = t.words.slice(from, to);
    if (words.some((w) => SUGGESTION_STOP_WORDS.has(w))) continue;
    const content = words.filter((w) => !PARTICLES.has(w)).length;
    if (cued && content <= MAX_WORDS - 1) add(tallies, t, from, to, true);
    else if (!cued && content >= 2 && content <= MAX_WORDS) add(tallies, t, from, to, false);
    i = end - 1;
  }
}

// Known if a recorded name lies inside the phrase, or a family name is the whole phrase:
// "Jorge Quispe Palomino" is known, "Pedro Quispe" (another Quispe) is not.
function known(trie: NameTrie, key: string): boolean {
  const t = tokenize(key);
  return trie.scan(t).some((m) => m.entries.some((c) => c.entry.source === 'name' || (m.from === 0 && m.to === t.words.length)));
}

export function suggestNames(texts: Iterable<string>, trie: NameTrie, options: SuggestOptions = {}): NameSuggestion[] {
  const minRepeats = options.minRepeats ?? 2;
  const tallies = new Map<string, Tally>();
  for (const text of texts) collect(tokenize(text), tallies);
  const out: NameSuggestion[] = [];
  for (const [key, tally] of tallies) {
    if (tally.cued === 0 && tally.count < minRepeats) continue;
    if (known(trie, key)) continue;
    const name = [...tally.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    out.push({ name, key, count: tally.count, cued: tally.cued });
  }
  return out.sort((a, b) => b.count - a.count || b.cued - a.cued || a.key.localeCompare(b.key));
}
