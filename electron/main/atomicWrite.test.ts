import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, defaultFs, describeWriteError, type AtomicFs } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const realFs: AtomicFs = defaultFs;

/** A real fs whose write fails like a full disk after the temp file exists. */
function fullDiskFs(): AtomicFs {
  return {
    ...realFs,
    open: async (p, flags) => {
      const handle = await nodeFs.open(p, flags);
      return {
        write: async () => {
          await handle.write(new Uint8Array([1, 2]));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('atomicWrite', () => {
  it('writes the bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'case.json');
    await atomicWrite(target, new TextEncoder().encode('{"ok":true}'));
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}');
    expect(await readdir(dir)).toEqual(['case.json']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'case.json');
    await writeFile(target, 'old');
    await atomicWrite(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('keeps the old file intact and cleans up when the disk is full', async () => {
    const target = path.join(dir, 'case.json');
    await writeFile(target, 'old contents');
    await expect(atomicWrite(target, new Uint8Array(10), fullDiskFs())).rejects.toThrow('Could not save "case.json": the disk is full.');
    expect(await readFile(target, 'utf8')).toBe('old contents');
    expect(await readdir(dir)).toEqual(['case.json']);
  });

  it('never creates the target when the write fails', async () => {
    const target = path.join(dir, 'new.json');
    await expect(atomicWrite(target, new Uint8Array(10), fullDiskFs())).rejects.toThrow(/disk is full/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up when the rename fails', async () => {
    const failingRename: AtomicFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    await expect(atomicWrite(path.join(dir, 'x.csv'), new Uint8Array(1), failingRename)).rejects.toThrow(/permission denied/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a missing folder clearly and keeps the cause', async () => {
    const error = await atomicWrite(path.join(dir, 'gone', 'x.csv'), new Uint8Array(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Could not save "x.csv": the folder no longer exists.');
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
  });
});

describe('describeWriteError', () => {
  it.each([
    ['EDQUOT', /disk is full/],
    ['EPERM', /permission denied/],
    ['EROFS', /read-only/],
    ['EBUSY', /in use/],
  ])('%s', (code, message) => {
    expect(describeWriteError({ code }, '/a/b.pdf')).toMatch(message);
  });
  it('falls back to the error message', () => {
    expect(describeWriteError(new Error('boom'), '/a/b.pdf')).toBe('Could not save "b.pdf": boom');
    expect(describeWriteError('weird', '/a/b.pdf')).toBe('Could not save "b.pdf": weird');
  });
});
