import {
  familySharing, foldWord, nameEntriesForActors, proposeFamilyRule, proposeRule, ruleKey,
} from '../../shared/mentions';
import type { MatchRule, MentionActor, NameEntry } from '../../shared/mentions';
import type { MentionNameInfo, NameRuleRow } from '../db/mentionTypes';

export interface CaseNames {
  /** Every actor's entries as the matcher takes them. */
  byActor: Map<string, NameEntry[]>;
  /** What the profile shows: each entry with its proposed rule and why. */
  info(actorId: string): MentionNameInfo[];
}

/** The matcher's entries for every actor, with the user's rules and family-name corrections. */
export function caseNames(actors: readonly MentionActor[], settings: readonly NameRuleRow[]): CaseNames {
  const rules = new Map<string, MatchRule>();
  const familyNames = new Map<string, string[]>();
  for (const s of settings) {
    if (s.kind === 'rule') rules.set(ruleKey(s.actorId, s.name, s.source), s.rule);
    else familyNames.set(s.actorId, s.families);
  }
  const sharing = familySharing(actors, familyNames);
  const byActor = new Map<string, NameEntry[]>(actors.map((a) => [a.id, []]));
  for (const entry of nameEntriesForActors(actors, { rules, familyNames, familySharing: sharing })) byActor.get(entry.actorId)!.push(entry);
  return {
    byActor,
    info: (actorId) => (byActor.get(actorId) ?? []).map((e) => {
      const proposal = e.source === 'name' ? proposeRule(e.name) : proposeFamilyRule(e.name, undefined, sharing.get(foldWord(e.name)) ?? 1);
      return { name: e.name, source: e.source, rule: e.rule, proposed: proposal.rule, reason: proposal.reason, ...(e.givenNames ? { givenNames: e.givenNames } : {}) };
    }),
  };
}

/** Identity of an entry for diffing: a change in any of these can change mentions. */
export const entryKey = (e: Pick<NameEntry, 'name' | 'source' | 'rule' | 'givenNames'>): string =>
  `${e.source}\u0000${e.rule}\u0000${e.name}\u0000${(e.givenNames ?? []).join(' ')}`;
