import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ImportError, applyImport } from '../../renderer/bundle/apply';
import { databaseDigest } from '../../renderer/bundle/digest';
import { readBundleBlob } from '../../renderer/bundle/io';
import type { CaseSnapshot } from '../../renderer/bundle/io';
import type { BundleProgress } from '../../renderer/bundle/types';
import { CasefileDb } from '../../renderer/db/db';
import { ARTEMIO, CASE_ID, editActor, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * The import is one transaction: whatever fails in the middle (a bug, a full disk, a cancel),
 * the database is exactly as before, and the message says so in plain words.
 */

/** Fails the `n`th write request (counting every put/add/delete of the import) with `error`. */
function failNthWrite(n: number, error: () => Error): Middleware<DBCore> {
  let count = 0;
  return {
    stack: 'dbcore',
    name: `fail-write-${n}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => (++count === n ? Promise.reject(error()) : table.mutate(req)),
        };
      },
    }),
  };
}

/** A second connection to the same profile, with `middleware` in its stack (Dexie applies middleware at open). */
async function connectWith(db: CasefileDb, middleware: Middleware<DBCore>): Promise<CasefileDb> {
  const other = new CasefileDb(db.name, db.deps);
  other.use(middleware);
  await other.open();
  return other;
}

async function snapshotOf(db: CasefileDb): Promise<CaseSnapshot> {
  const { blob } = await inProcessClient(db).exportBundle({ kind: 'case', caseId: CASE_ID });
  const read = await readBundleBlob(blob);
  if (!read.ok) throw new Error(read.error.message);
  return read.snapshot;
}

/** A profile holding an older copy of the case (one conflict, so 'theirs' writes the trash too), and the bundle. */
async function setup() {
  const { db: source } = await seededProfile();
  const target = await freshDb();
  const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
  const c = inProcessClient(target);
  const first = await c.inspectBundle(blob);
  if (!first.ok) throw new Error(first.error.message);
  await c.applyImport(first.preview.token, {});
  await target.documents.clear(); // the documents (and their files' use) are new again
  await target.documentFiles.clear();
  await target.pages.clear();
  await editActor(source, ARTEMIO, (a) => { a.description = 'changed at the source'; });
  return { target, snapshot: await snapshotOf(source) };
}

const choices = { [`actor:${ARTEMIO}`]: 'theirs' as const };

/** Counts the write requests an import makes, in a dry run whose transaction is rolled back. */
async function countWrites(db: CasefileDb, snapshot: CaseSnapshot): Promise<number> {
  let writes = 0;
  const counting = await connectWith(db, {
    stack: 'dbcore', name: 'count',
    create: (down) => ({ ...down, table: (name) => { const t = down.table(name); return { ...t, mutate: (r) => { writes++; return t.mutate(r); } }; } }),
  });
  const before = await databaseDigest(db);
  await counting.transaction('rw', [counting.cases, counting.actors, counting.events, counting.documents, counting.documentFiles, counting.pages, counting.trash, counting.ocrJobs, counting.nameRules, counting.charts], async () => {
    await applyImport(counting, snapshot, choices, { now: 5 });
    throw new Error('roll back');
  }).catch(() => undefined);
  counting.close();
  expect(await databaseDigest(db)).toBe(before);
  return writes;
}

describe('the import is all or nothing', () => {
  it('an error after half the writes leaves the database unchanged', async () => {
    const { target, snapshot } = await setup();
    const total = await countWrites(target, snapshot);
    // Bulk requests per table (trash, actors, documents, files, pages…): the failure must land with
    // writes both before and after it, so the rollback is of real, committed-looking work.
    expect(total).toBeGreaterThanOrEqual(4);
    const before = await databaseDigest(target);
    const faulty = await connectWith(target, failNthWrite(Math.ceil(total / 2), () => new Error('simulated crash')));
    const error = await applyImport(faulty, snapshot, choices).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'write-failed', message: 'The import failed and nothing was written: simulated crash' });
    expect(await databaseDigest(target)).toBe(before);
  });

  it('a full disk on the last write leaves the database unchanged and says so', async () => {
    const { target, snapshot } = await setup();
    const total = await countWrites(target, snapshot);
    const before = await databaseDigest(target);
    const full = await connectWith(target, failNthWrite(total, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    const error = await applyImport(full, snapshot, choices).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/disk is full.*nothing was imported/) });
    expect(await databaseDigest(target)).toBe(before);
  });

  it('the same through the worker: the client rejects with the code and message', async () => {
    const { target } = await setup();
    const { db: source } = await seededProfile();
    await editActor(source, ARTEMIO, (a) => { a.description = 'changed again'; });
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    const full = await connectWith(target, failNthWrite(3, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    const client = inProcessClient(full);
    const inspected = await client.inspectBundle(blob);
    if (!inspected.ok) throw new Error(inspected.error.message);
    const before = await databaseDigest(target);
    await expect(client.applyImport(inspected.preview.token, choices)).rejects.toMatchObject({ name: 'BundleTaskError', code: 'disk-full' });
    expect(await databaseDigest(target)).toBe(before);
  });

  it('a cancel before the commit leaves nothing written; progress reaches the window meanwhile', async () => {
    const { target, snapshot } = await setup();
    const before = await databaseDigest(target);
    const controller = new AbortController();
    const seen: BundleProgress[] = [];
    const error = await applyImport(target, snapshot, choices, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done > 0 && p.done < p.total) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(seen.some((p) => p.phase === 'importing' && p.done > 0)).toBe(true);
    expect(await databaseDigest(target)).toBe(before);
  });

  it('cancelling through the client: rejects with an AbortError and writes nothing', async () => {
    const { target } = await setup();
    const { db: source } = await seededProfile();
    await editActor(source, ARTEMIO, (a) => { a.description = 'edited once more'; });
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    // The import's first write waits, keeping its transaction alive with reads, until the
    // worker has received the cancel: the cancel then lands before the commit, every time.
    let cancelled = false;
    const holding = await connectWith(target, {
      stack: 'dbcore', name: 'hold-first-write',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return {
            ...t,
            mutate: async (req: DBCoreMutateRequest) => {
              while (!cancelled) await t.count({ trans: req.trans, query: { index: t.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } } });
              return t.mutate(req);
            },
          };
        },
      }),
    });
    const client = inProcessClient(holding, {});
    const inspected = await client.inspectBundle(blob);
    if (!inspected.ok) throw new Error(inspected.error.message);
    const before = await databaseDigest(target);
    const controller = new AbortController();
    const progress: BundleProgress[] = [];
    const job = client.applyImport(inspected.preview.token, {}, {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase !== 'importing' || controller.signal.aborted) return;
        controller.abort();
        // The client posts the cancel at once; the host handles it on its next turn.
        setTimeout(() => { cancelled = true; }, 20);
      },
    });
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.map((p) => p.phase)).toContain('importing');
    expect(client.sent.some((m) => m.type === 'cancel')).toBe(true);
    expect(await databaseDigest(target)).toBe(before);
  });
});
