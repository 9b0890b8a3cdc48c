// Default match rules: how sure can we be that a bare occurrence of this name is the
// actor? The user overrides any of them; these only decide where to start.
import { COMMON_FIRST_NAMES } from './firstNames';
import { COMMON_SURNAMES_SET, COMMON_WORDS } from './commonWords';
import { tokenize } from './tokens';
import type { MatchRule } from './types';

/**
 * Optional library statistics: on how many pages each folded word occurs (`docFreq`), out of
 * `docCount` pages looked at. The mentions worker counts them on an even sample of the
 * library's pages (renderer/mentions/libraryWords.ts) and keeps them current as it grows.
 */
export interface WordFrequency {
  readonly docFreq: ReadonlyMap<string, number>;
  readonly docCount: number;
  /**
   * On how many of those pages the word is written in lower case at least once ("puerto",
   * "through", "cholo"): a word the library mostly writes that way is an ordinary word there.
   */
  readonly lowerFreq?: ReadonlyMap<string, number>;
}

export interface RuleProposal {
  readonly rule: MatchRule;
  /** A short reason to show beside the rule, e.g. "common first name". */
  readonly reason: string;
}

/** Titles that make the name they start self-cued: "Comandante Artemio", "Presidente Gonzalo". */
export const TITLES: ReadonlySet<string> = new Set([
  'comandante', 'camarada', 'presidente', 'cabecilla', 'jefe', 'mando', 'tio', 'companero', 'companera', 'doctor',
  'dr', 'ingeniero', 'profesor', 'capitan', 'mayor', 'coronel', 'general', 'teniente', 'sargento', 'don', 'dona',
  'senor', 'senora', 'sr', 'sra', 'commander', 'comrade', 'president', 'captain', 'colonel', 'major', 'mr', 'mrs',
]);
export const ARTICLES: ReadonlySet<string> = new Set(['el', 'la', 'los', 'las', 'the']);
/** Words inside names that carry no identity of their own: "de la Cruz", "van der Berg". */
export const PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'do', 'dos', 'van', 'von', 'der', 'di']);

// Above this share of pages a word is common in this library whatever the lists say. For a
// recorded name it is high on purpose: the researcher chose the word as a name, and a library
// about one commander has his nom de guerre on many pages. A family name is derived, not
// chosen: a surname on one page in ten is one many people in these sources share.
export const LIBRARY_COMMON_SHARE = 0.25;
export const LIBRARY_COMMON_FAMILY_SHARE = 0.1;
/** Fewer pages than this say nothing about frequency. */
export const LIBRARY_MIN_PAGES = 200;
/**
 * A word written in lower case on at least this share of the sampled pages holding it (and
 * on LIBRARY_ORDINARY_MIN_PAGES of them at least) is an ordinary word in this library, not a
 * name: a name is capitalised wherever it stands, an ordinary word only at a sentence's start.
 */
export const LIBRARY_ORDINARY_SHARE = 0.5;
export const LIBRARY_ORDINARY_MIN_PAGES = 3;

/** A family name of more actors than this needs a cue by default. */
export const MAX_SHARED_FAMILY = 3;

const isCommon = (w: string): boolean => COMMON_FIRST_NAMES.has(w) || COMMON_WORDS.has(w) || COMMON_SURNAMES_SET.has(w);

function commonInLibrary(w: string, freq: WordFrequency | undefined, share = LIBRARY_COMMON_SHARE): boolean {
  if (!freq || freq.docCount < LIBRARY_MIN_PAGES) return false;
  return (freq.docFreq.get(w) ?? 0) / freq.docCount >= share;
}
const knowsLibrary = (freq: WordFrequency | undefined): boolean => freq !== undefined && freq.docCount >= LIBRARY_MIN_PAGES;

/** Whether the library mostly writes the word in lower case (LIBRARY_ORDINARY_SHARE). */
export function ordinaryInLibrary(w: string, freq: WordFrequency | undefined): boolean {
  if (!freq?.lowerFreq || !knowsLibrary(freq)) return false;
  const lower = freq.lowerFreq.get(w) ?? 0;
  return lower >= LIBRARY_ORDINARY_MIN_PAGES && lower >= LIBRARY_ORDINARY_SHARE * (freq.docFreq.get(w) ?? 0);
}

function singleWordRule(w: string, freq: WordFrequency | undefined): RuleProposal {
  if (w.length < 2) return { rule: 'never', reason: 'a single letter' };
  if (w.length === 2) return { rule: 'with-cue', reason: 'two letters' };
  if (COMMON_FIRST_NAMES.has(w)) return { rule: 'with-cue', reason: 'common first name' };
  if (COMMON_SURNAMES_SET.has(w)) return { rule: 'with-cue', reason: 'common surname' };
  if (COMMON_WORDS.has(w)) return { rule: 'with-cue', reason: 'common word' };
  if (commonInLibrary(w, freq)) return { rule: 'with-cue', reason: 'frequent in the library' };
  if (ordinaryInLibrary(w, freq)) return { rule: 'with-cue', reason: 'an ordinary word in the library' };
  return { rule: 'anywhere', reason: knowsLibrary(freq) ? 'rare in the library' : 'rare word' };
}

/** The rule a recorded name starts with. */
export function proposeRule(name: string, freq?: WordFrequency): RuleProposal {
  const words = tokenize(name).words;
  if (words.length === 0) return { rule: 'never', reason: 'no letters' };
  let lead = 0;
  while (lead < words.length - 1 && (TITLES.has(words[lead]!) || ARTICLES.has(words[lead]!))) lead++;
  const content = words.slice(lead).filter((w) => !PARTICLES.has(w));
  if (content.length === 0) return { rule: 'never', reason: 'only particles' };
  if (words.slice(0, lead).some((w) => TITLES.has(w))) return { rule: 'anywhere', reason: 'title and name' };
  // "El Viejo", "La Gringa": the article does not make a common word a name.
  if (content.length === 1) return singleWordRule(content[0]!, freq);
  // "José Luis", "Negro Chico": no surname among them. A given name and a surname, even
  // common ones ("Raúl Reyes", "Juan Quispe"), make a full name and match anywhere.
  const weak = (w: string): boolean => COMMON_FIRST_NAMES.has(w) || COMMON_WORDS.has(w) || commonInLibrary(w, freq) || ordinaryInLibrary(w, freq);
  if (content.every(weak)) return { rule: 'with-cue', reason: 'every word is common' };
  return { rule: 'anywhere', reason: 'several words' };
}

/**
 * Whether a family name is too common for a title to tell who is meant ("la señora Quispe"):
 * every surname of it common (in the lists or on LIBRARY_COMMON_FAMILY_SHARE of the
 * library's pages), or borne by more than MAX_SHARED_FAMILY actors of the case. Two
 * surnames of which one is distinctive ("Quispe Palomino") say which family.
 */
export function familyTooCommon(family: string, freq?: WordFrequency, sharedBy = 1): boolean {
  if (sharedBy > MAX_SHARED_FAMILY) return true;
  const words = tokenize(family).words.filter((w) => !PARTICLES.has(w));
  return words.length > 0 && words.every((w) => COMMON_SURNAMES_SET.has(w) || commonInLibrary(w, freq, LIBRARY_COMMON_FAMILY_SHARE));
}

/**
 * A family name is matched on its own only with a cue ("Sr. Quispe", "los hermanos
 * Quispe Palomino") unless it is distinctive: none of its words a common surname, given
 * name or word, nor frequent in the library ("Iparraguirre", "Guzmán Reynoso"), nor the
 * family name of more than MAX_SHARED_FAMILY actors of the case (`sharedBy`). Even
 * then it is not taken right after another capitalised word: "Keiko Fujimori" is
 * someone else (findMentions.ts).
 */
export function proposeFamilyRule(family: string, freq?: WordFrequency, sharedBy = 1): RuleProposal {
  const words = tokenize(family).words.filter((w) => !PARTICLES.has(w));
  if (words.length === 0) return { rule: 'never', reason: 'no letters' };
  // Siblings share a family name (the three Quispe Palomino brothers); beyond that the
  // name is common in this case, whatever the lists say, and alone it says little.
  if (sharedBy > MAX_SHARED_FAMILY) return { rule: 'with-cue', reason: `shared by ${sharedBy} actors` };
  if (words.some((w) => w.length < 3)) return { rule: 'with-cue', reason: 'a short word' };
  if (words.some((w) => isCommon(w))) return { rule: 'with-cue', reason: 'a common surname' };
  if (words.some((w) => commonInLibrary(w, freq, LIBRARY_COMMON_FAMILY_SHARE))) return { rule: 'with-cue', reason: 'frequent in the library' };
  if (words.every((w) => ordinaryInLibrary(w, freq))) return { rule: 'with-cue', reason: 'an ordinary word in the library' };
  return { rule: 'anywhere', reason: knowsLibrary(freq) ? 'rare in the library' : words.length > 1 ? 'distinctive surnames' : 'distinctive surname' };
}
