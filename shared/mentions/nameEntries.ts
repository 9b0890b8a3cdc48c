// The matcher's input from the case: every name of every actor, plus derived family
// names, each with the user's rule or else the proposed one.
import { deriveFamilyNamesWithGiven, type FamilyName, type FamilyNameSource } from './familyNames';
import { foldWord } from './tokens';
import { familyTooCommon, proposeFamilyRule, proposeRule, type WordFrequency } from './rules';
import type { MatchRule, NameEntry, NameSource } from './types';

export interface MentionActor extends FamilyNameSource {
  readonly id: string;
}

export interface NameEntryOptions {
  /** User choices, keyed by `ruleKey(actorId, name, source)`. */
  readonly rules?: ReadonlyMap<string, MatchRule>;
  /** User-corrected family names per actor id; an empty list means "none". */
  readonly familyNames?: ReadonlyMap<string, readonly string[]>;
  readonly frequency?: WordFrequency;
  /**
   * How many actors of the case have each family name (folded), from `familySharing`;
   * nameEntriesForActors computes it when absent.
   */
  readonly familySharing?: ReadonlyMap<string, number>;
}

export const ruleKey = (actorId: string, name: string, source: NameSource): string =>
  `${actorId}\u0000${source}\u0000${name}`;

export function nameEntriesForActor(actor: MentionActor, options: NameEntryOptions = {}): NameEntry[] {
  return entriesFor(actor, options, deriveFamilyNamesWithGiven(actor));
}

function entriesFor(actor: MentionActor, options: NameEntryOptions, derived: readonly FamilyName[]): NameEntry[] {
  const { rules, familyNames, frequency, familySharing: sharing } = options;
  const out: NameEntry[] = [];
  const seen = new Set<string>();
  const givenNames = [...new Set(derived.flatMap((f) => f.given.map(foldWord)))];
  const push = (name: string, source: NameSource, proposed: () => MatchRule): void => {
    const key = name.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    const rule = rules?.get(ruleKey(actor.id, name, source)) ?? proposed();
    if (source !== 'family') { out.push({ actorId: actor.id, name, source, rule }); return; }
    const common = familyTooCommon(name, frequency, sharing?.get(foldWord(name)) ?? 1);
    out.push({ actorId: actor.id, name, source, rule, givenNames, ...(common ? { common } : {}) });
  };
  for (const name of [actor.name, ...actor.names.map((n) => n.name)]) push(name, 'name', () => proposeRule(name, frequency).rule);
  const families = familyNames?.get(actor.id) ?? derived.map((f) => f.family);
  for (const family of families) {
    push(family, 'family', () => proposeFamilyRule(family, frequency, sharing?.get(foldWord(family)) ?? 1).rule);
  }
  return out;
}

/** Family name (folded) → number of actors bearing it, user corrections included. */
export function familySharing(
  actors: Iterable<MentionActor>,
  familyNames?: ReadonlyMap<string, readonly string[]>,
  derive: (actor: MentionActor) => readonly FamilyName[] = deriveFamilyNamesWithGiven,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const actor of actors) {
    const families = familyNames?.get(actor.id) ?? derive(actor).map((f) => f.family);
    for (const key of new Set(families.map((f) => foldWord(f)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function nameEntriesForActors(actors: Iterable<MentionActor>, options: NameEntryOptions = {}): NameEntry[] {
  const list = [...actors];
  const derived = list.map((a) => deriveFamilyNamesWithGiven(a));
  const byActor = new Map(list.map((a, i) => [a, derived[i]!]));
  const withSharing = options.familySharing ? options : { ...options, familySharing: familySharing(list, options.familyNames, (a) => byActor.get(a)!) };
  const out: NameEntry[] = [];
  list.forEach((actor, i) => out.push(...entriesFor(actor, withSharing, derived[i]!)));
  return out;
}
