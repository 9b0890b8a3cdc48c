import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { isTempName } from './atomicWrite';

/** A save's temp file older than this was left by a crash: no save runs that long without a write. */
export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

export interface SweepFs {
  readdir(dir: string): Promise<string[]>;
  lstat(filePath: string): Promise<{ isFile(): boolean; mtimeMs: number }>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
}

const defaultSweepFs: SweepFs = { readdir: (dir) => nodeFs.readdir(dir), lstat: nodeFs.lstat, rm: nodeFs.rm };

export interface SweepOptions {
  now?: number;
  maxAgeMs?: number;
  fs?: SweepFs;
}

/**
 * Deletes the temp files an interrupted save left in `dir`: regular files named the way
 * tempPathFor names them and untouched for `maxAgeMs`. Nothing else is touched: not the
 * user's files, not symlinks, not a temp file a save may still be writing. A folder that
 * is gone or unreadable is skipped. Returns the paths removed.
 */
export async function sweepStaleTemps(dir: string, opts: SweepOptions = {}): Promise<string[]> {
  const { now = Date.now(), maxAgeMs = STALE_TEMP_AGE_MS, fs = defaultSweepFs } = opts;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter(isTempName)) {
    const filePath = path.join(dir, name);
    try {
      const info = await fs.lstat(filePath);
      if (!info.isFile() || now - info.mtimeMs < maxAgeMs) continue;
      await fs.rm(filePath, { force: true });
      removed.push(filePath);
    } catch {
      // Gone already, or not ours to delete: leave it.
    }
  }
  return removed;
}
