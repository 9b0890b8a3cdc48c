import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import { SearchIndexer } from '../search/indexer';
import { dexieSource } from '../search/storedLoad';
import { openCurrent, readSegmentRowRaw } from './earlyOpen';
import { serveRows } from './segmentRowsProtocol';
import type { RowsReply } from './segmentRowsProtocol';

/** A database holding a stored search index, and its segment ids. */
async function storedIndex() {
  const factory = new IDBFactory();
  const db = await openDatabase('casefile', { indexedDB: factory, IDBKeyRange });
  await saveActor(db, { ...blankActor('person', 1), name: 'Feliciano Quispe' }, 1);
  const indexer = new SearchIndexer(db);
  await indexer.load();
  await indexer.sync();
  return { factory, ids: await dexieSource(db).segmentIds() };
}

describe("the row reader's side of the start-up read", () => {
  it('posts each row it is asked for, then is done', async () => {
    const { factory, ids } = await storedIndex();
    const posted: RowsReply[] = [];
    await serveRows(await openCurrent(factory, 'casefile'), { ids, inFlight: 2 }, (message) => posted.push(message));
    expect(posted.map((m) => (m.type === 'row' ? m.row?.id : m.type)).sort()).toEqual([...ids].sort());
  });

  it('answers "unavailable" when there is no database at this version', async () => {
    const posted: RowsReply[] = [];
    await serveRows(await openCurrent(new IDBFactory(), 'casefile'), { ids: ['records:1'], inFlight: 2 }, (message) => posted.push(message));
    expect(posted).toEqual([{ type: 'unavailable' }]);
  });

  it('a row whose read cannot start (its connection closed) is answered as failed, not lost', async () => {
    const { factory, ids } = await storedIndex();
    const idb = (await openCurrent(factory, 'casefile'))!;
    idb.close();
    const posted: RowsReply[] = [];
    await serveRows(idb, { ids, inFlight: 2 }, (message) => posted.push(message));
    expect(posted).toEqual(ids.map((id) => expect.objectContaining({ type: 'failed', id })));
  });
});

describe('a stored segment row read on a closed connection', () => {
  it("rejects with the connection's error rather than throwing (so a reader reading on from callbacks loses no row)", async () => {
    const { factory, ids } = await storedIndex();
    const idb = (await openCurrent(factory, 'casefile'))!;
    idb.close();
    let read: Promise<unknown> | undefined;
    expect(() => { read = readSegmentRowRaw(idb, ids[0]!); }).not.toThrow();
    await expect(read).rejects.toMatchObject({ name: 'InvalidStateError' });
  });
});
