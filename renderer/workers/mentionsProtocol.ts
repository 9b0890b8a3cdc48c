import type { NameSuggestion } from '../../shared/mentions';
import type { SyncTimings } from '../mentions/pageScan';

export interface MentionsStatus {
  /** True once the first sync since start has finished. */
  ready: boolean;
  /** Pages being (re)scanned, for a quiet progress line; null when idle. */
  scanning: { done: number; total: number } | null;
  /** Raised after every sync that changed something: the UI asks again (suggestions). */
  generation: number;
  error: string | null;
  /** The last sync that changed something: what it did and how long it took (for the bench and diagnostics). */
  last?: { ms: number; documentsScanned: number; documentsDropped: number; namesChanged: number; pagesRescanned: number; pagesLeft?: number; timings?: SyncTimings } | null;
}

/** Window → mentions worker. The worker reads everything else from IndexedDB itself. */
export type MentionsRequest =
  | { type: 'suggest'; id: number; documentId: string }
  /** A hint that the database changed (the worker also watches it itself). */
  | { type: 'changed' };

/** Mentions worker → window. */
export type MentionsResponse =
  | { type: 'suggestions'; id: number; suggestions: NameSuggestion[] }
  | { type: 'failed'; id: number; message: string }
  | { type: 'status'; status: MentionsStatus };
