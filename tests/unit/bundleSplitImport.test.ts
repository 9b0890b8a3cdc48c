import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ImportError, applyImport } from '../../renderer/bundle/apply';
import { databaseDigest } from '../../renderer/bundle/digest';
import { readBundleBlob } from '../../renderer/bundle/io';
import type { CaseSnapshot } from '../../renderer/bundle/io';
import { CasefileDb } from '../../renderer/db/db';
import { IMPORT_FILES_PREFIX, importFilesKey, settleImportFiles } from '../../renderer/db/importFiles';
import { CASE_ID, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * An import writes its files in a transaction of their own, at the same time as its records
 * (renderer/bundle/apply.ts): whichever side fails, or if the app stops between the two
 * commits, the library is left as it was — or, once the records are in, as fully imported.
 */

async function bundleSnapshot(): Promise<CaseSnapshot> {
  const { db: source } = await seededProfile();
  const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
  const read = await readBundleBlob(blob);
  if (!read.ok) throw new Error(read.error.message);
  return read.snapshot;
}

/** A second connection whose writes to `table` fail with `error` (after `delayMs`, so the other side has moved on). */
async function failingOn(db: CasefileDb, table: string, error: () => Error, delayMs = 0): Promise<CasefileDb> {
  const mw: Middleware<DBCore> = {
    stack: 'dbcore', name: `fail-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return name !== table ? t : {
          ...t,
          mutate: async (req: DBCoreMutateRequest) => {
            // Keep the transaction busy while waiting, as a slow disk would.
            const until = Date.now() + delayMs;
            while (Date.now() < until) await t.count({ trans: req.trans, query: { index: t.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } } });
            throw error();
          },
        };
      },
    }),
  };
  const other = new CasefileDb(db.name, db.deps);
  other.use(mw);
  await other.open();
  return other;
}

const markers = (db: CasefileDb) => db.meta.where('key').startsWith(IMPORT_FILES_PREFIX).count();

describe('files and records in transactions of their own', () => {
  it('imports everything, files included, and leaves no marker behind', async () => {
    const snapshot = await bundleSnapshot();
    const target = await freshDb();
    const result = await applyImport(target, snapshot, {});
    expect(result.filesAdded).toBe(snapshot.files.length);
    expect((await target.documentFiles.toCollection().primaryKeys()).sort()).toEqual(snapshot.files.map((f) => f.sha256).sort());
    expect(await target.documents.count()).toBe(snapshot.documents.length);
    expect(await markers(target)).toBe(0);
  });

  it('a full disk while the files are written: nothing written, and said so', async () => {
    const snapshot = await bundleSnapshot();
    const target = await freshDb();
    const before = await databaseDigest(target);
    const full = await failingOn(target, 'documentFiles', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const error = await applyImport(full, snapshot, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/nothing was imported/) });
    expect(await databaseDigest(target)).toBe(before);
  });

  it('the records fail after the files have committed: the files are taken out again', async () => {
    const snapshot = await bundleSnapshot();
    const target = await freshDb();
    const before = await databaseDigest(target);
    // The page rows are written last of the records; held 150 ms, the files' commit is long done.
    const faulty = await failingOn(target, 'pages', () => new Error('simulated crash'), 150);
    const error = await applyImport(faulty, snapshot, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'write-failed', message: 'The import failed and nothing was written: simulated crash' });
    expect(await target.documentFiles.count()).toBe(0);
    expect(await markers(target)).toBe(0);
    expect(await databaseDigest(target)).toBe(before);
  });

  it('stopped between the two commits (files in, records not): the next start removes the files', async () => {
    const snapshot = await bundleSnapshot();
    const target = await freshDb();
    const before = await databaseDigest(target);
    // What the files' transaction leaves if the app dies before the records commit: its marker and the rows.
    await target.meta.put({ key: importFilesKey('crashed'), value: snapshot.files.map((f) => f.sha256) });
    await target.documentFiles.bulkAdd(snapshot.files.map((f) => ({ sha256: f.sha256, blob: f.blob, byteLength: f.byteLength })));
    expect(await settleImportFiles(target)).toBe(snapshot.files.length);
    expect(await databaseDigest(target)).toBe(before);
  });

  it('stopped after both commits, before the marker went: the next start keeps the import whole', async () => {
    const snapshot = await bundleSnapshot();
    const imported = await freshDb();
    await applyImport(imported, snapshot, {});
    const after = await databaseDigest(imported);
    await imported.meta.put({ key: importFilesKey('late'), value: snapshot.files.map((f) => f.sha256) });
    expect(await settleImportFiles(imported)).toBe(0);
    expect(await databaseDigest(imported)).toBe(after);
  });

  it('settling one import leaves alone the files another import in flight has listed', async () => {
    const snapshot = await bundleSnapshot();
    const target = await freshDb();
    const shas = snapshot.files.map((f) => f.sha256);
    await target.meta.bulkPut([{ key: importFilesKey('a'), value: shas }, { key: importFilesKey('b'), value: shas.slice(0, 1) }]);
    await target.documentFiles.bulkAdd(snapshot.files.map((f) => ({ sha256: f.sha256, blob: f.blob, byteLength: f.byteLength })));
    expect(await settleImportFiles(target, [importFilesKey('a')])).toBe(shas.length - 1);
    expect(await target.documentFiles.toCollection().primaryKeys()).toEqual(shas.slice(0, 1));
    expect(await markers(target)).toBe(1);
  });
});
