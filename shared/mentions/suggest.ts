// "Names not yet in the case": words a text marks as a name ("alias Cirilo", "conocido
// como Pepe"), a person's full name even said once ("Pedro Yaranga, a security expert",
// "then-President Alberto Fujimori"), a name an alias is given to ("Florindo Eleuterio
// Flores, alias Artemio"), a name defined with its acronym ("… Crime (UNODC)") and
// capitalised runs the text repeats ("InSight Crime" twice), minus names the case already has.
// Suggestions only: the user decides what becomes an actor.
import { acronymDefinitions, type AcronymDefinition } from './acronyms';
import { COMMON_WORDS } from './commonWords';
import { cueBefore, introducingCueStart } from './cues';
import { COMMON_FIRST_NAMES } from './firstNames';
import type { NameTrie } from './matcher';
import { PARTICLES } from './rules';
import { AMBIGUOUS_GIVEN_NAMES, INSTITUTION_WORDS, SENTENCE_OPENERS, SUGGESTION_STOP_WORDS, TITLES } from './suggestStopWords';
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
  /**
   * Names the texts give to the same person by a cue right after this one ("Florindo Eleuterio
   * Flores, alias Artemio" suggests the first with "Artemio" here), none of them in the case.
   */
  readonly aliases: readonly string[];
  /**
   * For a name a cue gives to someone the case already has ("Florindo Eleuterio Flores, alias
   * Raúl" when Florindo Eleuterio Flores is an actor): that name as written and whose it is.
   */
  readonly aliasOf?: { readonly name: string; readonly actorIds: readonly string[] };
  /** A group: the text defines the name with its acronym ("United Nations Office on Drugs and Crime (UNODC)"). */
  readonly group?: true;
}

export interface SuggestOptions {
  /** A capitalised run needs this many occurrences; a cued or given name needs one. Default 2. */
  readonly minRepeats?: number;
}

const UPPER_START = /^\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;
// Spaces only: unlike matching known names, a run stops at a line break, or every heading
// ("InSight Crime Analysis" over "An overwhelming…") would run into the next line. A
// repeated name is rarely broken across lines every time it occurs.
const SOFT_GAP = /^[ \t]+$/;
// Between a name and the cue giving it an alias: "Flores, alias", "Flores (alias", "Flores alias".
const ALIAS_LINK_GAP = /^[ \t]*[,(]?[ \t]*$/;
const MAX_WORDS = 4;

interface Tally {
  forms: Map<string, number>;
  count: number;
  cued: number;
  /** Occurrences that begin with a common given name: a person's name, once is enough. */
  given: number;
  /** Keys of the names a cue right after this one gives (its aliases), with their forms. */
  aliases: Map<string, string>;
  /** Defined with its acronym: an organisation. */
  group: boolean;
}

const capitalised = (t: PageTokens, i: number): boolean => {
  const raw = t.text.slice(t.starts[i]!, t.ends[i]!);
  return UPPER_START.test(raw) && !ALL_CAPS.test(raw);
};
const SENTENCE_END = /([.!?:…]|\n[ \t]*\r?\n)[\s"«“'‘(]*$/;
const sentenceStart = (t: PageTokens, i: number): boolean =>
  i === 0 || SENTENCE_END.test(t.text.slice(t.ends[i - 1]!, t.starts[i]!));
// A line may break after a given name: "then-President Alberto⏎Fujimori" is one name.
const LINE_GAP = /^[ \t]*\r?\n[ \t]*$/;
const softBefore = (t: PageTokens, i: number): boolean => {
  const gap = t.text.slice(t.ends[i - 1]!, t.starts[i]!);
  return SOFT_GAP.test(gap) || (LINE_GAP.test(gap) && COMMON_FIRST_NAMES.has(t.words[i - 1]!) && capitalised(t, i));
};
const ordinary = (w: string): boolean => COMMON_WORDS.has(w) || PARTICLES.has(w);

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

/** A name of [from, to): titles before a given name dropped ("President Alberto Fujimori"). */
function trimTitles(t: PageTokens, from: number, to: number): number {
  let j = from;
  while (j < to - 1 && TITLES.has(t.words[j]!)) j++;
  return j > from && COMMON_FIRST_NAMES.has(t.words[j]!) ? j : from;
}

interface Phrase { from: number; to: number; key: string; form: string }

function phrase(t: PageTokens, from: number, to: number): Phrase {
  return { from, to, key: t.words.slice(from, to).join(' '), form: t.text.slice(t.starts[from]!, t.ends[to - 1]!).replace(/\s+/g, ' ') };
}

function tallyOf(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = { forms: new Map(), count: 0, cued: 0, given: 0, aliases: new Map(), group: false }));
  return tally;
}

function add(tallies: Map<string, Tally>, p: Phrase, cued: boolean, given: boolean): Tally {
  const tally = tallyOf(tallies, p.key);
  tally.count++;
  if (cued) tally.cued++;
  if (given) tally.given++;
  tally.forms.set(p.form, (tally.forms.get(p.form) ?? 0) + 1);
  return tally;
}

/**
 * A person's name even if said once: a common given name, not also an ordinary word ("Rosa",
 * "Segundo"), then surnames, none of them ordinary words ("Pedro Yaranga", not "Víctor Hugo
 * Avenue"… which still needs repeating).
 */
const givenName = (words: readonly string[]): boolean =>
  COMMON_FIRST_NAMES.has(words[0]!) && !AMBIGUOUS_GIVEN_NAMES.has(words[0]!) &&
  words.slice(1).every((w) => !CONJUNCTIONS.has(w) && (PARTICLES.has(w) || !COMMON_WORDS.has(w)));
// "Víctor y Jorge" are two people.
const CONJUNCTIONS: ReadonlySet<string> = new Set(['y', 'e', 'and']);

const contentWords = (words: readonly string[]): number => words.filter((w) => !PARTICLES.has(w)).length;

/**
 * The person a cue at word `cueAt` gives an alias to: a run of 2–4 capitalised words ending
 * right before it ("Florindo Eleuterio Flores, alias …"), or undefined. An institution there
 * is the source of the news, not the alias's bearer ("según la Policía Nacional, alias Cirilo
 * murió").
 */
function namedBefore(t: PageTokens, cueAt: number): Phrase | undefined {
  const last = cueAt - 1;
  if (last < 0 || !capitalised(t, last) || !ALIAS_LINK_GAP.test(t.text.slice(t.ends[last]!, t.starts[cueAt]!))) return undefined;
  let from = last;
  while (from > 0 && softBefore(t, from) && (capitalised(t, from - 1) || PARTICLES.has(t.words[from - 1]!))) from--;
  while (from < last && ordinary(t.words[from]!)) from++;
  from = trimTitles(t, from, last + 1);
  const words = t.words.slice(from, last + 1);
  const content = contentWords(words);
  if (content < 2 || content > MAX_WORDS || ordinary(t.words[from]!) || words.some((w) => SUGGESTION_STOP_WORDS.has(w) || INSTITUTION_WORDS.has(w))) return undefined;
  return phrase(t, from, last + 1);
}

/** The words a text writes in lower case somewhere: ordinary words there, whatever the list says. */
function lowerCaseWords(t: PageTokens): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < t.words.length; i++) if (LOWER_START.test(t.text[t.starts[i]!]!)) out.add(t.words[i]!);
  return out;
}

function collect(t: PageTokens, tallies: Map<string, Tally>): void {
  const n = t.words.length;
  let lower: Set<string> | undefined;
  for (let i = 0; i < n; i++) {
    if (!capitalised(t, i)) continue;
    const continuing = i > 0 && softBefore(t, i) && capitalised(t, i - 1);
    const cued = cueBefore(t, i, true);
    if (continuing && !cued) continue;
    const i0 = i;
    let from = i;
    const end = runEnd(t, i);
    // Sentence-initial "Según", "Luego" are capitalised for the sentence, not as names;
    // a known given name there ("Pedro Yaranga dijo") stays. Articles and titles never count.
    // A word dropped so that is not known as an ordinary one ("Florindo Eleuterio Flores" at a
    // sentence's start) may be the name's own first word: what is left is then no proof of a
    // person, though still counted as a repeated run.
    let doubtful = false;
    if (!cued && sentenceStart(t, from) && !COMMON_FIRST_NAMES.has(t.words[from]!) && !TITLES.has(t.words[from]!)) {
      doubtful = !ordinary(t.words[from]!) && !SENTENCE_OPENERS.has(t.words[from]!) && !(lower ??= lowerCaseWords(t)).has(t.words[from]!);
      from++;
    }
    while (from < end && ordinary(t.words[from]!) && !(TITLES.has(t.words[from]!) && trimTitles(t, from, end) > from)) from++;
    from = trimTitles(t, from, end);
    let to = end;
    while (to > from && ordinary(t.words[to - 1]!)) to--;
    if (from >= to) continue;
    const words = t.words.slice(from, to);
    i = end - 1;
    if (words.some((w) => SUGGESTION_STOP_WORDS.has(w))) continue;
    const content = contentWords(words);
    const p = phrase(t, from, to);
    if (cued && content <= MAX_WORDS - 1) {
      add(tallies, p, true, false);
      const person = namedBefore(t, introducingCueStart(t, i0));
      if (person) {
        const tally = tallyOf(tallies, person.key);
        // Counted here only when the run before was not read as this phrase ("Según Florindo…").
        if (tally.count === 0) add(tallies, person, false, false);
        tally.aliases.set(p.key, p.form);
      }
    } else if (!cued && content >= 2 && content <= MAX_WORDS) {
      add(tallies, p, false, !doubtful && givenName(words));
    }
  }
  for (const d of acronymDefinitions(t)) collectDefinition(t, d, tallies);
}

/**
 * "United Nations Office on Drugs and Crime (UNODC)": the long name, from one occurrence, with
 * the acronym (and a translation beside it) as its aliases. A definition of a place ("Valle de
 * los Ríos Apurímac, Ene y Mantaro - VRAEM") is left out by its first word.
 */
function collectDefinition(t: PageTokens, d: AcronymDefinition, tallies: Map<string, Tally>): void {
  if (SUGGESTION_STOP_WORDS.has(t.words[d.name.from]!)) return;
  const name = phrase(t, d.name.from, d.name.to);
  const tally = tallyOf(tallies, name.key);
  if (tally.count === 0) add(tallies, name, false, false);
  tally.group = true;
  for (const span of [{ from: d.acronym, to: d.acronym + 1 }, ...(d.other ? [d.other] : [])]) {
    const alias = phrase(t, span.from, span.to);
    if (alias.key === name.key) continue;
    add(tallies, alias, true, false);
    tally.aliases.set(alias.key, alias.form);
  }
}

/** The actors holding a recorded name inside the phrase, or a family name that is the whole phrase. */
function knownAs(trie: NameTrie, key: string): string[] {
  const t = tokenize(key);
  const ids = new Set<string>();
  for (const m of trie.scan(t)) {
    for (const c of m.entries) if (c.entry.source === 'name' || (m.from === 0 && m.to === t.words.length)) ids.add(c.entry.actorId);
  }
  return [...ids];
}

const commonest = (forms: Map<string, number>): string => [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

export function suggestNames(texts: Iterable<string>, trie: NameTrie, options: SuggestOptions = {}): NameSuggestion[] {
  const minRepeats = options.minRepeats ?? 2;
  const tallies = new Map<string, Tally>();
  for (const text of texts) collect(tokenize(text), tallies);
  const known = new Map<string, string[]>();
  const actorsOf = (key: string): string[] => {
    let ids = known.get(key);
    if (!ids) known.set(key, (ids = knownAs(trie, key)));
    return ids;
  };
  // A name and the alias a cue gives it: both new, the alias is listed with the name, not on
  // its own; one of them known, the other is listed as a name of that actor.
  const listedUnder = new Set<string>();
  const aliasOf = new Map<string, { name: string; actorIds: string[] }>();
  for (const [key, tally] of tallies) {
    if (tally.aliases.size === 0) continue;
    const ids = actorsOf(key);
    for (const [alias, form] of tally.aliases) {
      const aliasIds = actorsOf(alias);
      if (ids.length > 0 && aliasIds.length === 0) aliasOf.set(alias, { name: commonest(tally.forms), actorIds: ids });
      else if (ids.length === 0 && aliasIds.length > 0) aliasOf.set(key, { name: form, actorIds: aliasIds });
      else if (ids.length === 0) listedUnder.add(alias);
    }
  }
  const out: NameSuggestion[] = [];
  for (const [key, tally] of tallies) {
    if (tally.cued === 0 && tally.given === 0 && tally.aliases.size === 0 && tally.count < minRepeats) continue;
    if (listedUnder.has(key) || actorsOf(key).length > 0) continue;
    const aliases = [...tally.aliases].filter(([k]) => actorsOf(k).length === 0).map(([, form]) => form);
    const of = aliasOf.get(key);
    out.push({ name: commonest(tally.forms), key, count: tally.count, cued: tally.cued, aliases, ...(of ? { aliasOf: of } : {}), ...(tally.group ? { group: true as const } : {}) });
  }
  return out.sort((a, b) => b.count - a.count || b.cued - a.cued || a.key.localeCompare(b.key));
}
