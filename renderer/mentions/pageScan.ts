// The engine's page work, apart from its bookkeeping: matching a batch of page rows, and the
// difference between a page's stored mention row and its new one, so a re-scan writes only
// what changed (engine.ts). Also where a sync's time goes (reads, matching, writes, pauses).
import { WORD_FILTER_BYTES, addWords, pageFilterKeys, tokenize } from '../../shared/mentions';
import type { NameTrie, PageTokens } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { PageRow } from '../db/derive';
import type { PageMentionsRow } from '../db/mentionTypes';
import { pageRowOf } from '../db/pageMentions';
import { pageRows } from './pageRows';
import { seekWindow, splicedRow } from './splice';
import type { PageFilter, SplicePlan } from './splice';

/** Where a sync spent its time, in ms (what `npm run bench:mentions` prints). */
export interface SyncTimings {
  /** Reading page text and stored mention rows. */
  readMs: number;
  /** Tokenizing, matching, building rows and word filters. */
  matchMs: number;
  /** Writing mention rows, their deletions and the documents' word filters. */
  writeMs: number;
  /** Waiting between chunks so the window gets IndexedDB and the CPU (pacedYield). */
  pausedMs: number;
  /** Reading actors and rules, recomputing names and storing them (mentionNames). */
  namesMs: number;
  /** Waiting for the work before this sync to finish (a batch of source counts). */
  queuedMs: number;
  /** Mention rows put and deleted. */
  rowsWritten: number;
  rowsDeleted: number;
  /** Re-scanned pages whose row was spliced rather than matched in full (splice.ts). */
  pagesSpliced: number;
}

export const noTimings = (): SyncTimings => ({ readMs: 0, matchMs: 0, writeMs: 0, pausedMs: 0, namesMs: 0, queuedMs: 0, rowsWritten: 0, rowsDeleted: 0, pagesSpliced: 0 });

/** Runs `task` and adds its duration to `timings[field]`. */
export async function timed<T>(timings: SyncTimings, field: 'readMs' | 'matchMs' | 'writeMs' | 'pausedMs' | 'namesMs', task: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  try {
    return await task();
  } finally {
    timings[field] += performance.now() - t0;
  }
}

export interface MatchedPages {
  /** One row per page naming anyone (pages naming no one have none), in the order given. */
  rows: PageMentionsRow[];
  /** WORD_FILTER_BYTES per page in the order given. */
  filters: Uint8Array;
}

/** The page's row from matching all of it with `trie` (null: no one named). */
const fullRow = (trie: NameTrie, page: PageRow, text: string, tokens: PageTokens): PageMentionsRow | null =>
  pageRowOf(page.documentId, page.page, pageRows(trie, page.documentId, page.page, text, tokens));

/** The mention rows of the pages, and their word filters. */
export function matchPages(trie: NameTrie, pages: readonly PageRow[]): MatchedPages {
  const filters = new Uint8Array(pages.length * WORD_FILTER_BYTES);
  const byPage = pages.map((page, i) => {
    const text = pageSearchText(page.text, page.annotations);
    // One tokenizing for both: the filter holds the matcher's own words (pageWordFilter).
    const tokens = tokenize(text);
    addWords(filters, i * WORD_FILTER_BYTES, pageFilterKeys(tokens));
    return fullRow(trie, page, text, tokens);
  });
  return { rows: byPage.filter((r): r is PageMentionsRow => r !== null), filters };
}

/**
 * The new rows of re-scanned pages (null: page gone, or no one named), in the order given.
 * With a plan (one recorded name added or removed), each page is tokenized once and its row
 * spliced where that is exact (splice.ts), else matched in full with the same tokens.
 * `filterOf` gives a page's word filter, with which a one-word name is found without
 * tokenizing the page (splice.ts seekWindow).
 */
export function rematchPages(trie: NameTrie, pages: readonly (PageRow | undefined)[], stored: readonly (PageMentionsRow | undefined)[],
  plan: SplicePlan | undefined, t: SyncTimings, filterOf: (documentId: string, page: number) => PageFilter | null = () => null): (PageMentionsRow | null)[] {
  return pages.map((page, i) => {
    if (!page) return null;
    const text = pageSearchText(page.text, page.annotations);
    // A window of the page where one will do (seekWindow, spliceWindow); else the page tokenized whole.
    const window = plan ? seekWindow(plan, text, filterOf(page.documentId, page.page)) : null;
    if (plan && window) {
      const row = splicedRow(trie, plan, page.documentId, page.page, text, window.tokens, stored[i], window.cased);
      if (row !== undefined) {
        t.pagesSpliced++;
        return row;
      }
      return fullRow(trie, page, text, tokenize(text));
    }
    const tokens = tokenize(text);
    if (plan) {
      const row = splicedRow(trie, plan, page.documentId, page.page, text, tokens, stored[i]);
      if (row !== undefined) {
        t.pagesSpliced++;
        return row;
      }
    }
    return fullRow(trie, page, text, tokens);
  });
}

export type PageKey = [string, number];

/**
 * What to write so the stored rows of some pages become the new ones: the page rows that are
 * new or differ (compared as JSON: stored rows come back from IndexedDB with their properties
 * in the order they were built), the keys of pages now naming no one, and the actors whose
 * own mentions changed on any of them. A name edit usually changes nothing on most of the
 * pages it re-scans; writing only the pages that changed is most of what makes a re-scan fast.
 */
export function diffPages(keys: readonly PageKey[], stored: readonly (PageMentionsRow | undefined)[], next: readonly (PageMentionsRow | null)[]):
  { put: PageMentionsRow[]; remove: PageKey[]; actors: Set<string> } {
  const put: PageMentionsRow[] = [];
  const remove: PageKey[] = [];
  const actors = new Set<string>();
  keys.forEach((key, i) => {
    const old = stored[i];
    const now = next[i] ?? null;
    if (!old && !now) return;
    if (old && now && JSON.stringify(old) === JSON.stringify(now)) return;
    if (now) put.push(now); else remove.push(key);
    if (!old || !now) {
      for (const a of (old ?? now)!.actors) actors.add(a.actorId);
      return;
    }
    const before = new Map(old.actors.map((a) => [a.actorId, JSON.stringify(a)]));
    for (const a of now.actors) {
      if (before.get(a.actorId) !== JSON.stringify(a)) actors.add(a.actorId);
      before.delete(a.actorId);
    }
    for (const id of before.keys()) actors.add(id);
  });
  return { put, remove, actors };
}
