import * as nodeFs from 'node:fs/promises';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, defaultFs, isTempName, tempPathFor, type AtomicFs } from './atomicWrite';
import { SaveSessions } from './saveSessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const modeOf = async (p: string): Promise<number> => (await stat(p)).mode & 0o777;

/** Both ways a save ends: atomicWrite in one go, SaveSessions in chunks. */
const savers: Array<[string, (target: string, data: Uint8Array, fs?: AtomicFs) => Promise<void>]> = [
  ['atomicWrite', (target, data, fs) => atomicWrite(target, data, fs)],
  ['SaveSessions', async (target, data, fs) => {
    const saves = new SaveSessions(fs);
    const token = await saves.begin(target, data.length);
    await saves.write(token, data);
    await saves.commit(token);
  }],
];

// Windows has no POSIX permission bits (chmod only toggles read-only).
describe.skipIf(process.platform === 'win32').each(savers)('%s keeps the permissions of the file it replaces', (_name, save) => {
  it.each([0o600, 0o640, 0o755, 0o444].map((mode) => ({ mode, octal: mode.toString(8) })))('a $octal file stays $octal', async ({ mode }) => {
    const target = path.join(dir, 'case.casefile');
    await writeFile(target, 'old');
    await chmod(target, mode);
    await save(target, bytes('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await modeOf(target)).toBe(mode);
  });

  it('never carries set-id bits over', async () => {
    const target = path.join(dir, 'tool');
    await writeFile(target, 'old');
    await chmod(target, 0o4755);
    await save(target, bytes('new'));
    expect((await stat(target)).mode & 0o7777).toBe(0o755);
  });

  it('a new file gets the ordinary default, like any file the user creates', async () => {
    const plain = path.join(dir, 'plain.txt');
    await writeFile(plain, 'x');
    const target = path.join(dir, 'new.casefile');
    await save(target, bytes('new'));
    expect(await modeOf(target)).toBe(await modeOf(plain));
  });
});

/** The real fs, recording each call so the order of the steps can be checked. */
function recordingFs(overrides: { openDir?: () => Promise<never>; syncDir?: () => Promise<void> } = {}) {
  const calls: string[] = [];
  const fs: AtomicFs = {
    ...defaultFs,
    open: async (p, flags) => {
      const isDir = flags === 'r' && p === dir;
      if (isDir && overrides.openDir) {
        calls.push('open-dir');
        return overrides.openDir();
      }
      const handle = await nodeFs.open(p, flags);
      calls.push(isDir ? 'open-dir' : 'open-temp');
      return {
        write: (data: Uint8Array) => handle.write(data),
        sync: async () => {
          calls.push(isDir ? 'sync-dir' : 'sync-temp');
          if (isDir && overrides.syncDir) return overrides.syncDir();
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
    rename: async (from, to) => {
      calls.push('rename');
      return nodeFs.rename(from, to);
    },
  };
  return { fs, calls };
}

const codeError = (code: string) => Object.assign(new Error(code), { code });

describe.each(savers)('%s flushes the folder after the rename', (_name, save) => {
  it('syncs the file, renames, then syncs the folder', async () => {
    const { fs, calls } = recordingFs();
    await save(path.join(dir, 'case.json'), bytes('{}'), fs);
    expect(calls).toEqual(['open-temp', 'sync-temp', 'rename', 'open-dir', 'sync-dir']);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])('a platform that answers %s to a folder sync still saves', async (code) => {
    const target = path.join(dir, 'case.json');
    const viaOpen = recordingFs({ openDir: async () => Promise.reject(codeError(code)) });
    await save(target, bytes('one'), viaOpen.fs);
    const viaSync = recordingFs({ syncDir: async () => Promise.reject(codeError(code)) });
    await save(target, bytes('two'), viaSync.fs);
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['case.json']);
  });

  it('a real I/O error on the folder is reported, not swallowed', async () => {
    const { fs } = recordingFs({ syncDir: async () => Promise.reject(codeError('EIO')) });
    await expect(save(path.join(dir, 'case.json'), bytes('x'), fs)).rejects.toThrow(/Could not save "case.json"/);
  });
});

describe('temp names', () => {
  it('isTempName recognises exactly the names tempPathFor makes', () => {
    for (const target of ['/a/case.casefile', '/a/.hidden', '/a/report.pdf.tmp', '/a/x']) {
      expect(isTempName(path.basename(tempPathFor(target))), target).toBe(true);
    }
    for (const name of ['case.casefile', '.case.tmp', '.case.casefile.tmp', '.case.12345.tmp', '.case.0123456789ab.tmp.pdf', '.case.0123456789AB.tmp', 'x.0123456789ab.tmp']) {
      expect(isTempName(name), name).toBe(false);
    }
  });
});
