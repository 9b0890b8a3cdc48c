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
  stat(filePath: string): Promise<{ mode: number }>;
  chmod(filePath: string, mode: number): Promise<void>;
}

export const defaultFs: AtomicFs = {
  open: (p, flags) => nodeFs.open(p, flags),
  rename: nodeFs.rename,
  rm: nodeFs.rm,
  stat: nodeFs.stat,
  chmod: nodeFs.chmod,
};

/** A hidden temp name beside the target: the same directory, so the final rename is atomic. */
export function tempPathFor(targetPath: string): string {
  return path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for names tempPathFor makes, so a sweep after a crash can find them and nothing else. */
export function isTempName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * Gives the temp file the permission bits of the file it replaces: overwriting a 0600
 * file must not leave a 0644 one readable by everyone. A new file keeps the default
 * (0666 less the umask). Set-id and sticky bits are never carried over.
 */
export async function keepPermissions(fs: AtomicFs, tempPath: string, targetPath: string): Promise<void> {
  let mode: number;
  try {
    mode = (await fs.stat(targetPath)).mode;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return;
    throw error;
  }
  await fs.chmod(tempPath, mode & 0o777);
}

// Windows cannot open a folder as a file (EISDIR) or refuses to flush one (EPERM); some
// network and FUSE file systems answer EINVAL or ENOTSUP. None of them lose the rename.
const UNSYNCABLE_DIR = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP']);

/** Flushes the folder itself, so the rename is on disk too and not just the file's bytes. */
export async function syncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  let handle: Awaited<ReturnType<AtomicFs['open']>> | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!UNSYNCABLE_DIR.has(String((error as { code?: unknown } | null)?.code))) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The end of every atomic save: rename over the target, then flush the folder. */
export async function replaceWithTemp(fs: AtomicFs, tempPath: string, targetPath: string): Promise<void> {
  await fs.rename(tempPath, targetPath);
  await syncDirectory(fs, path.dirname(targetPath));
}

/**
 * Writes to a temp file in the target's directory, fsyncs, then renames over the
 * target and fsyncs the folder. Rename within one directory is atomic, so a crash or a
 * full disk leaves either the old file or the new one, never half of either; a crash
 * before the rename leaves a temp file that the next start sweeps (tempSweep.ts).
 */
export async function atomicWrite(targetPath: string, data: Uint8Array, fs: AtomicFs = defaultFs): Promise<void> {
  const tempPath = tempPathFor(targetPath);
  try {
    // 'wx': never follow or clobber something already at the temp name.
    const handle = await fs.open(tempPath, 'wx');
    try {
      await handle.write(data);
      await keepPermissions(fs, tempPath, targetPath);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await replaceWithTemp(fs, tempPath, targetPath);
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
