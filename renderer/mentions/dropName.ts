// Taking a recorded name E off actor A without reading the pages' text. On a page whose word
// filter proves that none of A's other names (recorded or family) is spelled there, and none of
// the names left in the trie that hold a word of E (another actor's "Comandante Huamalíes" for
// E "Huamalíes"; no name may be spelled exactly as E), E's raw matches overlapped no other: what
// E did on the page was to name A there and, with A's other names, to support them (splice.ts
// says what a match looks at). So every mention of A on it came from E alone, and nothing else
// on it leaned on E. So its new row is the stored row without A's
// part, and a stored row without A stays as it is. Pages where the filter cannot prove it
// (a Bloom filter says "may hold") are re-scanned from their text as before (splice.ts).
// dropName.test.ts checks the rows against a full match on the labelled pages.
import { WORD_FILTER_BYTES, mayHold, tokenize, wordProbe } from '../../shared/mentions';
import type { NameEntry, NameTrie, WordProbe } from '../../shared/mentions';
import type { MentionDocRow, PageMentionsRow } from '../db/mentionTypes';
import { withoutActor } from '../db/pageMentions';

/** A removed name that can be taken off pages from their stored rows and word filters. */
export interface DropPlan {
  readonly actorId: string;
  /** Each of A's other names (recorded and family) as word probes: one spelled whole on a page means its text is needed. */
  readonly others: readonly (readonly WordProbe[])[];
}

/**
 * The drop plan for `entry` just removed from `trie` (the trie after the edit), with
 * `actorEntries` the actor's entries after the edit; null when a name left in the trie holds
 * one of its words, so that pages must be read.
 */
export function dropPlan(trie: NameTrie, entry: NameEntry, actorEntries: readonly NameEntry[]): DropPlan | null {
  const words = tokenize(entry.name).words;
  // Another name spelled exactly as E (another actor's, or one of A's family names): E's
  // mentions there were shared with it, and a page's new row needs its text.
  if (!words.length || trie.entriesOf(words).length) return null;
  const names = actorEntries.map((e) => tokenize(e.name).words).filter((w) => w.length > 0);
  // Names left in the trie holding a word of E ("Comandante Huamalíes" for "Huamalíes"): on a
  // page that surely lacks one of their words they overlapped none of E's matches, so they join
  // the names that must be proved absent. A word in many names gives the text back.
  for (const w of new Set(words)) {
    const using = trie.namesUsing(w, MAX_BLOCKERS);
    if (!using) return null;
    names.push(...using);
  }
  return { actorId: entry.actorId, others: names.map((w) => w.map(wordProbe)) };
}

/** More names than this holding a word of the removed name: its pages are read (each must be proved absent from a page). */
const MAX_BLOCKERS = 64;

/** Where page `page` of the document sits in its word filters (its pages are in ascending order), or -1. */
export function filterOffset(doc: MentionDocRow, page: number): number {
  const pages = doc.pages;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = pages[mid]!;
    if (p === page) return mid * WORD_FILTER_BYTES;
    if (p < page) lo = mid + 1; else hi = mid - 1;
  }
  const i = pages.indexOf(page);
  return i < 0 ? -1 : i * WORD_FILTER_BYTES;
}

/** Whether the filter at `offset` proves that none of the names (each as its words' probes) is spelled whole on the page. */
export function namesAbsent(names: readonly (readonly WordProbe[])[], filters: Uint8Array, offset: number): boolean {
  return names.every((name) => name.some((probe) => !mayHold(filters, offset, probe)));
}

/** Whether the filter proves that none of the actor's other names is spelled whole on the page. */
export function othersAbsent(plan: DropPlan, filters: Uint8Array, offset: number): boolean {
  return namesAbsent(plan.others, filters, offset);
}

/** The page's row once the name is off (null: no one named), given that othersAbsent holds for it. */
export function droppedRow(plan: DropPlan, stored: PageMentionsRow | undefined): PageMentionsRow | null {
  if (!stored) return null;
  return stored.actorIds.includes(plan.actorId) ? withoutActor(stored, plan.actorId) : stored;
}
