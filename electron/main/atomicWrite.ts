import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The few fs calls atomicWrite makes, injectable so tests can simulate a full disk. */
export interface AtomicFs {
  open(filePath: string, flags: string): Promise<{
    write(data: Uint8Array): Promise<unknown>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
}

export const defaultFs: AtomicFs = {
  open: (p, flags) => nodeFs.open(p, flags),
  rename: nodeFs.rename,
  rm: nodeFs.rm,
};

/** A hidden temp name beside the target: the same directory, so the final rename is atomic. */
export function tempPathFor(targetPath: string): string {
  return path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes to a temp file in the target's directory, fsyncs, then renames over the
 * target. Rename within one directory is atomic, so a crash or a full disk leaves
 * either the old file or the new one, never half of either.
 */
export async function atomicWrite(targetPath: string, data: Uint8Array, fs: AtomicFs = defaultFs): Promise<void> {
  const tempPath = tempPathFor(targetPath);
  try {
    // 'wx': never follow or clobber something already at the temp name.
    const handle = await fs.open(tempPath, 'wx');
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, targetPath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw new Error(describeWriteError(error, targetPath), { cause: error });
  }
}

export function describeWriteError(error: unknown, targetPath: string): string {
  const name = path.basename(targetPath);
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not save "${name}": the disk is full.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not save "${name}": permission denied.`;
    case 'EROFS':
      return `Could not save "${name}": the disk is read-only.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Could not save "${name}": the folder no longer exists.`;
    case 'EBUSY':
      return `Could not save "${name}": the file is in use by another program.`;
    default:
      return `Could not save "${name}": ${error instanceof Error ? error.message : String(error)}`;
  }
}
