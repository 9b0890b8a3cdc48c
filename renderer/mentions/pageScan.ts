// The engine's page work, apart from its bookkeeping: matching a batch of page rows, and the
// difference between a page's stored mention rows and its new ones, so a re-scan writes only
// what changed (engine.ts). Also where a sync's time goes (reads, matching, writes, pauses).
import { WORD_FILTER_BYTES, addWords, tokenize } from '../../shared/mentions';
import type { NameTrie } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { PageRow } from '../db/derive';
import type { MentionRow } from '../db/mentionTypes';
import { pageRows } from './pageRows';

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
}

export const noTimings = (): SyncTimings => ({ readMs: 0, matchMs: 0, writeMs: 0, pausedMs: 0, namesMs: 0, queuedMs: 0, rowsWritten: 0, rowsDeleted: 0 });

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
  rows: MentionRow[];
  /** WORD_FILTER_BYTES per page in the order given, when asked for. */
  filters: Uint8Array;
}

/** The mention rows of the pages (and their word filters when `withFilters`). */
export function matchPages(trie: NameTrie, pages: readonly PageRow[], withFilters: boolean): MatchedPages {
  const filters = new Uint8Array(withFilters ? pages.length * WORD_FILTER_BYTES : 0);
  const rows: MentionRow[] = [];
  pages.forEach((page, i) => {
    const text = pageSearchText(page.text, page.annotations);
    // One tokenizing for both: the filter holds the matcher's own words (pageWordFilter).
    const tokens = tokenize(text);
    if (withFilters) addWords(filters, i * WORD_FILTER_BYTES, new Set(tokens.words));
    for (const row of pageRows(trie, page.documentId, page.page, text, tokens)) rows.push(row);
  });
  return { rows, filters };
}

export type MentionKey = [string, number, string];
const keyOf = (r: Pick<MentionRow, 'documentId' | 'page' | 'actorId'>): string => `${r.documentId}\u0000${r.page}\u0000${r.actorId}`;

/**
 * What to write so the stored rows of some pages become `next`: the rows that are new or
 * differ (compared as JSON: stored rows come back from IndexedDB with their properties in
 * the order they were built) and the keys of rows no longer there. A name edit usually
 * changes one row of a page that has seven; writing only that one is most of what makes a
 * re-scan fast.
 */
export function diffRows(stored: readonly MentionRow[], next: readonly MentionRow[]): { put: MentionRow[]; remove: MentionKey[] } {
  const before = new Map(stored.map((r) => [keyOf(r), r]));
  const put: MentionRow[] = [];
  for (const row of next) {
    const key = keyOf(row);
    const old = before.get(key);
    before.delete(key);
    if (!old || JSON.stringify(old) !== JSON.stringify(row)) put.push(row);
  }
  const remove = [...before.values()].map((r): MentionKey => [r.documentId, r.page, r.actorId]);
  return { put, remove };
}
