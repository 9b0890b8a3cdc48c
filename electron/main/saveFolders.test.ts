import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor } from './atomicWrite';
import { MAX_SAVE_FOLDERS, parseSaveFolders, SAVE_FOLDERS_FILE, SaveFolderLog, withSaveFolder } from './saveFolders';

let root: string;
let userData: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'casefile-folders-'));
  userData = path.join(root, 'userData');
  await mkdir(userData);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const logFile = (): string => path.join(userData, SAVE_FOLDERS_FILE);

/** A temp file as an interrupted save leaves it, last touched `hours` ago. */
async function leftover(folder: string, hours: number): Promise<string> {
  const temp = tempPathFor(path.join(folder, 'case.casefile'));
  await writeFile(temp, 'half a bundle');
  const when = new Date(Date.now() - hours * 3_600_000);
  await utimes(temp, when, when);
  return temp;
}

describe('the list of save folders', () => {
  it('keeps the most recent first, each once, at most MAX_SAVE_FOLDERS', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_SAVE_FOLDERS + 5; i++) list = withSaveFolder(list, `/home/u/f${i}`);
    list = withSaveFolder(list, '/home/u/f10/');
    expect(list).toHaveLength(MAX_SAVE_FOLDERS);
    expect(list[0]).toBe(path.normalize('/home/u/f10/'));
    expect(new Set(list).size).toBe(list.length);
  });

  it('reads a damaged or foreign file as no folders, and drops entries that are not absolute paths', () => {
    expect(parseSaveFolders('')).toEqual([]);
    expect(parseSaveFolders('{"folders": "nope"}')).toEqual([]);
    expect(parseSaveFolders('[1,2]')).toEqual([]);
    expect(parseSaveFolders('null')).toEqual([]);
    const abs = path.resolve('/data/cases');
    expect(parseSaveFolders(JSON.stringify({ version: 1, folders: [abs, 'relative/dir', 42, '', 'x\0y', abs] }))).toEqual([abs]);
  });
});

describe('SaveFolderLog', () => {
  it('records folders atomically in userData and reads them back', async () => {
    const log = new SaveFolderLog(logFile());
    expect(await log.folders()).toEqual([]);
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    await log.record(a);
    await log.record(b);
    await log.record(a);
    expect(await log.folders()).toEqual([a, b]);
    expect(JSON.parse(await readFile(logFile(), 'utf8'))).toEqual({ version: 1, folders: [a, b] });
    expect(await readdir(userData)).toEqual([SAVE_FOLDERS_FILE]);
  });

  it('loses no folder when saves record at the same time', async () => {
    const log = new SaveFolderLog(logFile());
    const dirs = ['1', '2', '3', '4', '5'].map((n) => path.join(root, n));
    await Promise.all(dirs.map((d) => log.record(d)));
    expect((await log.folders()).sort()).toEqual(dirs.sort());
  });

  it('ignores a relative folder', async () => {
    const log = new SaveFolderLog(logFile());
    await log.record('relative');
    expect(await log.folders()).toEqual([]);
  });

  it('at start, sweeps stale temp files in the recorded folders and in userData only', async () => {
    const saved = path.join(root, 'Documents');
    const other = path.join(root, 'Elsewhere');
    await mkdir(saved);
    await mkdir(other);
    const log = new SaveFolderLog(logFile());
    await log.record(saved);
    await log.record(path.join(root, 'deleted-since'));

    const stale = await leftover(saved, 3);
    const fresh = await leftover(saved, 0);
    const staleInUserData = await leftover(userData, 3);
    const notOurs = await leftover(other, 3);
    await writeFile(path.join(saved, 'case.casefile'), 'the real file');

    expect((await log.sweep()).sort()).toEqual([stale, staleInUserData].sort());
    expect((await readdir(saved)).sort()).toEqual(['case.casefile', path.basename(fresh)].sort());
    expect(await readdir(other)).toEqual([path.basename(notOurs)]);
    expect(await readdir(userData)).toEqual([SAVE_FOLDERS_FILE]);
  });
});
