import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultFs, type AtomicFs } from './atomicWrite';
import { SaveSessions } from './saveSessions';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const realFs: AtomicFs = defaultFs;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A real fs whose writes fail like a full disk once `limit` bytes are on disk. */
function diskOf(limit: number): AtomicFs {
  return {
    ...realFs,
    open: async (p, flags) => {
      const handle = await nodeFs.open(p, flags);
      let used = 0;
      return {
        write: async (data: Uint8Array) => {
          if (used + data.length > limit) {
            await handle.write(data.subarray(0, limit - used));
            used = limit;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          used += data.length;
          return handle.write(data);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('SaveSessions', () => {
  it('writes the chunks in order and renames into place only on commit', async () => {
    const saves = new SaveSessions(realFs);
    const target = path.join(dir, 'case.casefile');
    const token = await saves.begin(target, 11);
    await Promise.all([saves.write(token, text('hello ')), saves.write(token, text('world'))]);
    expect(await readdir(dir)).toHaveLength(1);
    expect((await readdir(dir))[0]).toMatch(/^\.case\.casefile\.[0-9a-f]{12}\.tmp$/);
    expect(await saves.commit(token)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('hello world');
    expect(await readdir(dir)).toEqual(['case.casefile']);
    expect(saves.open).toBe(0);
  });

  it('replaces an existing file only when the new one is complete', async () => {
    const saves = new SaveSessions(realFs);
    const target = path.join(dir, 'case.casefile');
    await writeFile(target, 'old bundle');
    const token = await saves.begin(target, 3);
    await saves.write(token, text('new'));
    expect(await readFile(target, 'utf8')).toBe('old bundle');
    await saves.commit(token);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('deletes the temp file on abort and leaves the old file alone', async () => {
    const saves = new SaveSessions(realFs);
    const target = path.join(dir, 'case.casefile');
    await writeFile(target, 'old bundle');
    const token = await saves.begin(target, 100);
    await saves.write(token, text('partial'));
    await saves.abort(token);
    expect(await readdir(dir)).toEqual(['case.casefile']);
    expect(await readFile(target, 'utf8')).toBe('old bundle');
    await expect(saves.write(token, text('x'))).rejects.toThrow('This save is no longer in progress.');
    await saves.abort(token); // twice is harmless
  });

  it('reports a full disk in plain words and leaves nothing behind', async () => {
    const saves = new SaveSessions(diskOf(10));
    const target = path.join(dir, 'big.casefile');
    const token = await saves.begin(target, 20);
    await saves.write(token, text('0123456789'.slice(0, 8)));
    await expect(saves.write(token, text('0123456789ab'))).rejects.toThrow('Could not save "big.casefile": the disk is full.');
    expect(await readdir(dir)).toEqual([]);
    await expect(saves.commit(token)).rejects.toThrow(/no longer in progress/);
    expect(saves.open).toBe(0);
  });

  it('refuses to commit a file shorter than announced, and deletes it', async () => {
    const saves = new SaveSessions(realFs);
    const target = path.join(dir, 'short.casefile');
    const token = await saves.begin(target, 10);
    await saves.write(token, text('12345'));
    await expect(saves.commit(token)).rejects.toThrow('Could not save "short.casefile": only 5 of 10 bytes arrived');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses more bytes than announced', async () => {
    const saves = new SaveSessions(realFs);
    const token = await saves.begin(path.join(dir, 'x.casefile'), 2);
    await expect(saves.write(token, text('abc'))).rejects.toThrow(/more bytes arrived than the 2 announced/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up when the rename fails', async () => {
    const saves = new SaveSessions({ ...realFs, rename: async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } });
    const token = await saves.begin(path.join(dir, 'x.casefile'), 1);
    await saves.write(token, text('a'));
    await expect(saves.commit(token)).rejects.toThrow('Could not save "x.casefile": permission denied.');
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder that is gone when the save begins', async () => {
    const saves = new SaveSessions(realFs);
    await expect(saves.begin(path.join(dir, 'gone', 'x.casefile'), 1)).rejects.toThrow('Could not save "x.casefile": the folder no longer exists.');
  });

  it('aborts every open save at once (window closed or reloaded) and caps how many are open', async () => {
    const saves = new SaveSessions(realFs);
    const tokens = await Promise.all([1, 2, 3, 4].map((i) => saves.begin(path.join(dir, `${i}.casefile`), 5)));
    expect(new Set(tokens).size).toBe(4);
    await expect(saves.begin(path.join(dir, '5.casefile'), 5)).rejects.toThrow(/Too many saves/);
    await saves.write(tokens[0]!, text('abc'));
    await saves.abortAll();
    expect(await readdir(dir)).toEqual([]);
    expect(saves.open).toBe(0);
  });

  it('takes the length at commit when begin could not give it (a bundle whose records are still collected)', async () => {
    const saves = new SaveSessions(realFs);
    const target = path.join(dir, 'open.casefile');
    const token = await saves.begin(target, undefined);
    await saves.write(token, text('hello '));
    await saves.write(token, text('world'));
    expect(await saves.commit(token, { byteLength: 11 })).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('hello world');
  });

  it('holds a save whose length comes at commit to the most any save may hold, and deletes what it wrote', async () => {
    const saves = new SaveSessions(realFs, undefined, 8);
    const token = await saves.begin(path.join(dir, 'big.casefile'), undefined);
    await saves.write(token, text('12345'));
    await expect(saves.write(token, text('6789'))).rejects.toThrow('Could not save "big.casefile": the file would be larger than 8 bytes.');
    await expect(saves.commit(token, { byteLength: 9 })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a commit whose length is missing, wrong, or disagrees with begin, and deletes the temp file', async () => {
    const saves = new SaveSessions(realFs);
    await writeFile(path.join(dir, 'a.casefile'), 'old bundle');
    const never = await saves.begin(path.join(dir, 'a.casefile'), undefined);
    await saves.write(never, text('abc'));
    await expect(saves.commit(never)).rejects.toThrow('Could not save "a.casefile": its length was never announced');
    const wrong = await saves.begin(path.join(dir, 'a.casefile'), undefined);
    await saves.write(wrong, text('abc'));
    await expect(saves.commit(wrong, { byteLength: 4 })).rejects.toThrow('only 3 of 4 bytes arrived');
    const twice = await saves.begin(path.join(dir, 'a.casefile'), 3);
    await saves.write(twice, text('abc'));
    await expect(saves.commit(twice, { byteLength: 4 })).rejects.toThrow('it was announced as 3 bytes, then as 4');
    expect(await readdir(dir)).toEqual(['a.casefile']);
    expect(await readFile(path.join(dir, 'a.casefile'), 'utf8')).toBe('old bundle');
    expect(saves.open).toBe(0);
  });

});
