import { LIBRARY_MIN_PAGES, deriveFamilyNames, foldWord, nameEntriesForActor, proposeFamilyRule, proposeRule, ruleKey } from '../../shared/mentions';
import type { MatchRule, MentionActor, NameEntry, WordFrequency } from '../../shared/mentions';
import type { MentionNameInfo, NameRuleRow } from '../db/mentionTypes';

/**
 * The matcher's entries for every actor, kept up to date one actor at a time: an edit
 * recomputes that actor's entries, and those of the actors whose family name it shares
 * when the number of bearers changed (a family shared by more than 3 actors turns
 * `with-cue`: shared/mentions/rules.ts). Recomputing all 10,000 actors per edit cost
 * ~0.5 s, most of a name edit's budget.
 */
export class CaseNames {
  private readonly actors = new Map<string, MentionActor>();
  private readonly families = new Map<string, string[]>();
  private readonly bearers = new Map<string, Set<string>>();
  private rules = new Map<string, MatchRule>();
  private familyNames = new Map<string, string[]>();
  private settingsOf = new Map<string, string>();
  private readonly sharing = new Map<string, number>();
  /** What of each actor the entries depend on, to ignore saves that changed nothing of it (a citation added). */
  private readonly sigs = new Map<string, string>();

  private frequency: WordFrequency | undefined;
  private frequencyChanged = false;

  has(id: string): boolean { return this.actors.has(id); }

  /**
   * The library's word frequencies (libraryWords.ts). Every actor's entries are recomputed on
   * the next update, unless the library was and stays too small for them to count.
   */
  setFrequency(frequency: WordFrequency): void {
    const counts = (f: WordFrequency | undefined) => (f?.docCount ?? 0) >= LIBRARY_MIN_PAGES;
    if (counts(this.frequency) || counts(frequency)) this.frequencyChanged = true;
    this.frequency = frequency;
  }
  ids(): IterableIterator<string> { return this.actors.keys(); }

  /** Applies changed and deleted actors and the current settings; returns the actors whose entries may have changed. */
  update(saved: readonly MentionActor[], deleted: readonly string[], settings: readonly NameRuleRow[]): Set<string> {
    const changed = saved.filter((a) => {
      const sig = JSON.stringify([a.kind, a.name, a.names.map((n) => [n.name, n.type])]);
      if (this.sigs.get(a.id) === sig && this.actors.has(a.id)) return false;
      this.sigs.set(a.id, sig);
      return true;
    });
    for (const id of deleted) this.sigs.delete(id);
    const dirty = new Set<string>(changed.map((a) => a.id));
    if (this.frequencyChanged) {
      for (const id of this.actors.keys()) dirty.add(id);
      this.frequencyChanged = false;
    }
    this.rules = new Map();
    this.familyNames = new Map();
    const sigs = new Map<string, string[]>();
    for (const s of settings) {
      if (s.kind === 'rule') this.rules.set(ruleKey(s.actorId, s.name, s.source), s.rule);
      else this.familyNames.set(s.actorId, s.families);
      (sigs.get(s.actorId) ?? sigs.set(s.actorId, []).get(s.actorId)!).push(JSON.stringify(s));
    }
    const settingsOf = new Map([...sigs].map(([id, list]) => [id, list.sort().join('\n')]));
    for (const id of new Set([...settingsOf.keys(), ...this.settingsOf.keys()])) {
      if (settingsOf.get(id) !== this.settingsOf.get(id) && this.actors.has(id)) dirty.add(id);
    }
    this.settingsOf = settingsOf;

    const shifted = new Set<string>();
    const setFamilies = (id: string, keys: string[]) => {
      for (const k of this.families.get(id) ?? []) { this.bearers.get(k)?.delete(id); this.sharing.set(k, (this.sharing.get(k) ?? 1) - 1); shifted.add(k); }
      if (keys.length) this.families.set(id, keys); else this.families.delete(id);
      for (const k of keys) {
        (this.bearers.get(k) ?? this.bearers.set(k, new Set()).get(k)!).add(id);
        this.sharing.set(k, (this.sharing.get(k) ?? 0) + 1);
        shifted.add(k);
      }
    };
    for (const id of deleted) { this.actors.delete(id); setFamilies(id, []); }
    for (const a of changed) this.actors.set(a.id, { id: a.id, kind: a.kind, name: a.name, names: a.names.map((n) => ({ name: n.name, type: n.type })) });
    for (const id of dirty) {
      const actor = this.actors.get(id);
      if (!actor) continue;
      const families = this.familyNames.get(id) ?? deriveFamilyNames(actor);
      const keys = [...new Set(families.map((f) => foldWord(f)))];
      const before = this.families.get(id) ?? [];
      if (keys.join('\u0000') !== before.join('\u0000')) setFamilies(id, keys);
    }
    // Others bearing a family whose count moved may change rule (only their family entries).
    for (const k of shifted) for (const id of this.bearers.get(k) ?? []) dirty.add(id);
    for (const id of deleted) dirty.delete(id);
    return dirty;
  }

  entries(id: string): NameEntry[] {
    const actor = this.actors.get(id);
    return actor ? nameEntriesForActor(actor, { rules: this.rules, familyNames: this.familyNames, familySharing: this.sharing, frequency: this.frequency }) : [];
  }

  /** What the profile shows: each entry with its proposed rule and why. */
  info(id: string): MentionNameInfo[] {
    return this.entries(id).map((e) => {
      const proposal = e.source === 'name' ? proposeRule(e.name, this.frequency) : proposeFamilyRule(e.name, this.frequency, this.sharing.get(foldWord(e.name)) ?? 1);
      return { name: e.name, source: e.source, rule: e.rule, proposed: proposal.rule, reason: proposal.reason,
        ...(e.givenNames ? { givenNames: e.givenNames } : {}), ...(e.common ? { common: true } : {}) };
    });
  }
}

/** Identity of an entry for diffing: a change in any of these can change mentions. */
export const entryKey = (e: Pick<NameEntry, 'name' | 'source' | 'rule' | 'givenNames' | 'common'>): string =>
  `${e.source}\u0000${e.rule}\u0000${e.name}\u0000${(e.givenNames ?? []).join(' ')}\u0000${e.common === true ? 1 : 0}`;
