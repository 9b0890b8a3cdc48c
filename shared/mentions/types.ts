/**
 * How a name may be matched: `anywhere` it occurs as whole words; `with-cue` only when the
 * text marks it as a name (a cue word such as "alias" or "comandante" before it, quotes
 * around it, or another name of the same actor nearby); `never` not at all.
 */
export type MatchRule = 'anywhere' | 'with-cue' | 'never';
export const MATCH_RULES: readonly MatchRule[] = ['anywhere', 'with-cue', 'never'];

/** A name the case records (`name`) or a family name derived from one (`family`). */
export type NameSource = 'name' | 'family';

/** One name of one actor, with the rule it is matched by. The matcher's input. */
export interface NameEntry {
  readonly actorId: string;
  readonly name: string;
  readonly source: NameSource;
  readonly rule: MatchRule;
  /**
   * For family names: the person's folded given names ("victor"). A family name right
   * after another capitalised word is someone else's ("Keiko Fujimori"), unless that
   * word is one of these ("Víctor Quispe").
   */
  readonly givenNames?: readonly string[];
  /**
   * For family names: every surname of it is a common one (in the lists or on many of the
   * library's pages), or more than MAX_SHARED_FAMILY actors of the case bear it. A title
   * before it ("la señora Quispe") then says someone of that name, not which one.
   */
  readonly common?: boolean;
}

/**
 * Why a match was accepted. `capitals`: a name made of ordinary words written with a capital
 * inside a sentence ("the leader, Tigre, said"). `nearby`: another name of the same actor
 * within a few words. `page`: a family name after the person's full name earlier on the page.
 * `brothers`: a family name after "los hermanos X y Y".
 */
export type MatchReason = 'anywhere' | 'cue' | 'quotes' | 'capitals' | 'nearby' | 'page' | 'brothers';

export interface MentionCandidate {
  readonly actorId: string;
  /** The name as the case records it, e.g. "Comandante Artemio". */
  readonly name: string;
  readonly source: NameSource;
  readonly rule: MatchRule;
  readonly reason: MatchReason;
}

/** A place in a text where one or more actors are named. */
export interface Mention {
  /** Offsets in the original text (end exclusive), ready to highlight. */
  readonly start: number;
  readonly end: number;
  /** The original characters, e.g. "Quispe Pa-\nlomino". */
  readonly text: string;
  /** The folded words matched, e.g. "quispe palomino". */
  readonly nameKey: string;
  /** Every actor this may be; more than one actor means the mention is ambiguous. */
  readonly candidates: readonly MentionCandidate[];
  readonly actorIds: readonly string[];
  readonly ambiguous: boolean;
}
