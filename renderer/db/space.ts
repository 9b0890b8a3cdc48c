/**
 * Will a big write fit? Checked before adding PDFs, importing a bundle or restoring a
 * backup, so the user hears "not enough space" before the job starts, not a full disk
 * half-way through it. Pure: the caller reads the estimate (renderer/db/storage.ts).
 */

/** The jobs that write a lot, each with its own growth factor. */
export type SpaceJob = 'pdfs' | 'bundle';

const MB = 1024 * 1024;

/**
 * Bytes written per byte of input, on top of the input itself being stored.
 * - pdfs: the file is kept whole (1×); its page text (usually 2–20 % of a PDF, more for
 *   text-only files), the search index segments built from it (about the text's size
 *   again) and IndexedDB's own bookkeeping add up to about half the file: 1.5×.
 * - bundle: a bundle is a zip. The PDFs in it are already compressed (about 1×), but
 *   records and page texts inflate 3–5×, and the search index is rebuilt from them
 *   afterwards: 2× covers a typical case file of mostly PDFs with room for the text.
 */
export const SPACE_FACTOR: Readonly<Record<SpaceJob, number>> = { pdfs: 1.5, bundle: 2 };

/**
 * Kept free beyond the job's own estimate: IndexedDB writes a transaction's data to its
 * log before it is compacted, and the browser's quota counts both for a while. 50 MB is
 * small beside a quota of gigabytes and large beside one write's bookkeeping.
 */
export const SPACE_MARGIN = 50 * MB;

/** What navigator.storage.estimate() says, as numbers. */
export interface StorageEstimateBytes {
  usage: number;
  quota: number;
}

export type SpaceCheck =
  /** Enough room, or no way to tell (no estimate): the job goes ahead without asking. */
  | { status: 'enough' | 'unknown'; needed: number; free: number | null }
  /** The user should be asked before the job starts. */
  | { status: 'short'; needed: number; free: number };

/** Bytes a job writing `inputBytes` needs free: input × factor + margin, rounded up. */
export function spaceNeeded(job: SpaceJob, inputBytes: number): number {
  return Math.ceil(Math.max(0, inputBytes) * SPACE_FACTOR[job] + SPACE_MARGIN);
}

/** Free bytes for the library: quota − usage, never below zero; null if unknown. */
export function freeSpace(estimate: StorageEstimateBytes | null): number | null {
  if (!estimate || !Number.isFinite(estimate.quota) || estimate.quota <= 0) return null;
  return Math.max(0, estimate.quota - Math.max(0, estimate.usage));
}

/** Compares what the job needs with what is free. */
export function checkSpace(job: SpaceJob, inputBytes: number, estimate: StorageEstimateBytes | null): SpaceCheck {
  const needed = spaceNeeded(job, inputBytes);
  const free = freeSpace(estimate);
  if (free === null) return { status: 'unknown', needed, free };
  return free >= needed ? { status: 'enough', needed, free } : { status: 'short', needed, free };
}
