import { lutimes, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor } from './atomicWrite';
import { STALE_TEMP_AGE_MS, sweepStaleTemps } from './tempSweep';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-sweep-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'casefile-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const hoursAgo = (h: number): Date => new Date(Date.now() - h * 60 * 60 * 1000);

async function fileAged(name: string, hours: number): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, 'x');
  await utimes(p, hoursAgo(hours), hoursAgo(hours));
  return name;
}

describe('sweepStaleTemps', () => {
  it('removes old temp files of interrupted saves and nothing else', async () => {
    const staleA = await fileAged(path.basename(tempPathFor(path.join(dir, 'case.casefile'))), 2);
    const staleB = await fileAged(path.basename(tempPathFor(path.join(dir, 'report.pdf'))), 48);
    const fresh = await fileAged(path.basename(tempPathFor(path.join(dir, 'case.casefile'))), 0.1);
    const kept = [
      fresh,
      await fileAged('case.casefile', 72),
      await fileAged('.bashrc', 72),
      await fileAged('.notes.txt.tmp', 72),
      await fileAged('.case.casefile.123.tmp', 72),
      await fileAged('draft.0123456789ab.tmp', 72),
    ];
    const removed = await sweepStaleTemps(dir);
    expect(removed.sort()).toEqual([staleA, staleB].map((n) => path.join(dir, n)).sort());
    expect((await readdir(dir)).sort()).toEqual(kept.sort());
  });

  // Symlinks need extra privileges on Windows.
  it.skipIf(process.platform === 'win32')('leaves a folder or a symlink with a temp-like name alone, and what the link points to', async () => {
    const dirName = path.basename(tempPathFor(path.join(dir, 'a')));
    await mkdir(path.join(dir, dirName));
    await utimes(path.join(dir, dirName), hoursAgo(5), hoursAgo(5));
    const precious = path.join(outside, 'precious.txt');
    await writeFile(precious, 'keep me');
    await utimes(precious, hoursAgo(5), hoursAgo(5));
    const linkName = path.basename(tempPathFor(path.join(dir, 'b')));
    await symlink(precious, path.join(dir, linkName));
    await lutimes(path.join(dir, linkName), hoursAgo(5), hoursAgo(5));
    expect(await sweepStaleTemps(dir)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([dirName, linkName].sort());
    expect(await readdir(outside)).toEqual(['precious.txt']);
  });

  it('uses the age given, an hour by default', async () => {
    const name = await fileAged(path.basename(tempPathFor(path.join(dir, 'x'))), 0.5);
    expect(STALE_TEMP_AGE_MS).toBe(60 * 60 * 1000);
    expect(await sweepStaleTemps(dir)).toEqual([]);
    expect(await sweepStaleTemps(dir, { maxAgeMs: 10 * 60 * 1000 })).toEqual([path.join(dir, name)]);
  });

  it('a folder that no longer exists is simply skipped', async () => {
    expect(await sweepStaleTemps(path.join(dir, 'gone'))).toEqual([]);
  });
});
