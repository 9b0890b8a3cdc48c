import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from './atomicWrite';
import { sweepStaleTemps, type SweepOptions } from './tempSweep';

/** In app userData: the folders Casefile has saved to lately, swept for crash leftovers at start. */
export const SAVE_FOLDERS_FILE = 'save-folders.json';
export const MAX_SAVE_FOLDERS = 20;
const MAX_PATH_LENGTH = 4096;

function isUsableFolder(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PATH_LENGTH && !value.includes('\0') && path.isAbsolute(value);
}

/** The list from the file's text; anything damaged or foreign reads as no folders rather than failing the start. */
export function parseSaveFolders(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const folders = (data as { folders?: unknown } | null)?.folders;
  if (!Array.isArray(folders)) return [];
  return [...new Set(folders.filter(isUsableFolder).map((f) => path.normalize(f)))].slice(0, MAX_SAVE_FOLDERS);
}

/** Most recent first, each folder once, at most MAX_SAVE_FOLDERS. */
export function withSaveFolder(folders: readonly string[], dir: string): string[] {
  const normalised = path.normalize(dir);
  return [normalised, ...folders.filter((f) => f !== normalised)].slice(0, MAX_SAVE_FOLDERS);
}

export class SaveFolderLog {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async folders(): Promise<string[]> {
    try {
      return parseSaveFolders(await readFile(this.file, 'utf8'));
    } catch {
      return [];
    }
  }

  /** Remembers a folder a save is about to write to; records run one at a time so none is lost. */
  record(dir: string): Promise<void> {
    if (!isUsableFolder(dir)) return Promise.resolve();
    const step = this.queue.then(async () => {
      const folders = withSaveFolder(await this.folders(), dir);
      await atomicWrite(this.file, new TextEncoder().encode(`${JSON.stringify({ version: 1, folders }, null, 2)}\n`));
    });
    this.queue = step.catch(() => undefined);
    return step;
  }

  /** At start: stale temp files in every remembered folder, and in userData (this list's own saves). */
  async sweep(opts: SweepOptions = {}): Promise<string[]> {
    const dirs = [path.dirname(this.file), ...(await this.folders())];
    const removed = await Promise.all([...new Set(dirs)].map((dir) => sweepStaleTemps(dir, opts)));
    return removed.flat();
  }
}
