import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { blankActor } from '../../shared/model';
import { saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import { SearchIndexer } from '../search/indexer';
import { dexieSource } from '../search/storedLoad';
import { openCurrent } from './earlyOpen';
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
  it('reads the rows of each ask as it comes, and is done once the last ask is answered', async () => {
    const { factory, ids } = await storedIndex();
    const posted: RowsReply[] = [];
    const server = serveRows(openCurrent(factory, 'casefile'), (message) => posted.push(message));
    server.ask({ ids: [ids[0]!], last: false });
    server.ask({ ids: [], last: true });
    await server.done;
    expect(posted.map((m) => (m.type === 'row' ? m.row?.id : m.type))).toEqual([ids[0]]);
  });

  it('answers "unavailable" once when there is no database at this version, however many asks come', async () => {
    const posted: RowsReply[] = [];
    const server = serveRows(openCurrent(new IDBFactory(), 'casefile'), (message) => posted.push(message));
    server.ask({ ids: ['records:1'], last: false });
    server.ask({ ids: ['merged:2'], last: true });
    await server.done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toEqual([{ type: 'unavailable' }]);
  });

  it('a row whose read cannot start (its connection closed) is answered as failed, not lost', async () => {
    const { factory, ids } = await storedIndex();
    const idb = (await openCurrent(factory, 'casefile'))!;
    idb.close();
    const posted: RowsReply[] = [];
    const server = serveRows(Promise.resolve(idb), (message) => posted.push(message));
    server.ask({ ids: [ids[0]!], last: true });
    await server.done;
    expect(posted).toEqual([expect.objectContaining({ type: 'failed', id: ids[0] })]);
  });
});
