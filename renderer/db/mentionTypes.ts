import type { MatchRule, NameSource } from '../../shared/mentions';

/** One place on the page where the actor is named (offsets into the page's search text). */
export interface MentionHit {
  start: number;
  end: number;
  /** The words as the page writes them, e.g. "Comandante Artemio". */
  text: string;
  /** The recorded (or family) name it matched. */
  name: string;
  /**
   * Other actors the same words may name: the first OTHERS_KEPT on a row's first hit, none on
   * later hits (their number is in `moreOthers`); empty when the mention is certain.
   */
  others: string[];
  /** How many more there are beyond `others` (a common surname can name dozens). */
  moreOthers?: number;
  /** The words name all of them at once ("los hermanos Víctor y Jorge Quispe Palomino"), not one of them. */
  together?: boolean;
}

/**
 * The mentions of one actor on one page (derived; the mentions worker writes these). Only the
 * first few hits are kept: enough for a snippet, a highlight and a citation.
 */
export interface MentionRow {
  documentId: string;
  page: number;
  actorId: string;
  count: number;
  hits: MentionHit[];
  /** Words around the first hit, whitespace collapsed, and where the hit sits in them. */
  snippet: { text: string; start: number; end: number };
  /** 1 when every mention on the page may also name someone else. */
  ambiguous: 0 | 1;
}

/** One actor's mentions on a page, as stored inside its page's row. */
export type ActorOnPage = Omit<MentionRow, 'documentId' | 'page'>;

/**
 * What is stored since version 10: one row per page that names anyone, holding every actor's
 * mentions on it, and `actorIds` (a multi-entry index) so "pages naming actor X" is still one
 * index range. Four rows a page with two indexes each made writing most of a full build
 * (docs/mentions.md, "Fewer, fatter rows"). Pages naming no one have no row.
 */
export interface PageMentionsRow {
  documentId: string;
  page: number;
  actorIds: string[];
  actors: ActorOnPage[];
}

/** What a document's mentions were computed from, plus one word filter per page (see wordFilter.ts). */
export interface MentionDocRow {
  documentId: string;
  /** The document's `extraction.extractedAt` when scanned. */
  version: number;
  pages: number[];
  /** WORD_FILTER_BYTES per page, in `pages` order. */
  filters: Uint8Array;
  /**
   * Which keys the filters hold beyond the words (wordFilter.ts `FILTER_CONTEXT_VERSION`):
   * 1 cue contexts and mid-sentence capitals, 2 also standalone capitals and uncased pages.
   * A row without it, or with an older one, is scanned again (in the background, as a build).
   */
  context?: number;
}

export interface MentionNameInfo {
  name: string;
  source: NameSource;
  rule: MatchRule;
  proposed: MatchRule;
  /** Why the proposal, e.g. "common first name". */
  reason: string;
  givenNames?: readonly string[];
  /** A family name too common for a title to say who (NameEntry.common). */
  common?: boolean;
}

/** An actor's names as the worker matches them (derived), and how many sources name the actor. */
export interface MentionNamesRow {
  actorId: string;
  entries: MentionNameInfo[];
  sources: number;
}

/**
 * The user's choices about matching, apart from the actor record: a rule for one name
 * (`rule:<actorId>:<source>:<name>`) or an actor's corrected family names (`family:<actorId>`).
 */
export type NameRuleRow =
  | { id: string; actorId: string; kind: 'rule'; name: string; source: NameSource; rule: MatchRule }
  | { id: string; actorId: string; kind: 'family'; families: string[] };

/**
 * Since version 13: a name edit's changed page rows, written as one row per few hundred pages
 * instead of one request per page (renderer/db/pendingMentions.ts). `rows[i]` is the page
 * `keys[i]`'s new row, null when the page names no one any more. Readers merge these over
 * `pageMentions`, a higher `id` over a lower, until the worker folds them into the page rows.
 */
export interface PendingMentionsRow {
  id: number;
  keys: [string, number][];
  rows: (PageMentionsRow | null)[];
}
