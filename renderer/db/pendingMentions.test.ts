// The pending rows merged over the page rows: what every reader sees before, during and after a
// fold, and after a crash in between (renderer/db/pendingMentions.ts, readers in mentions.ts).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import type { CasefileDb } from './db';
import { coMentionPairs, mentionedIn, mentionsInDocument, mentionsOfActor, pagesMentioning } from './mentions';
import type { ActorOnPage, PageMentionsRow, PendingMentionsRow } from './mentionTypes';
import { PendingOverlay, compareKeys, foldWrites } from './pendingMentions';
import type { PageKey } from './pendingMentions';

const part = (actorId: string, ambiguous: 0 | 1 = 0): ActorOnPage => ({ actorId, count: 1, hits: [], snippet: { text: actorId, start: 0, end: 1 }, ambiguous });
const row = (documentId: string, page: number, ...actors: ActorOnPage[]): PageMentionsRow => ({ documentId, page, actorIds: actors.map((a) => a.actorId), actors });
const pending = (id: number, pages: [PageKey, PageMentionsRow | null][]): PendingMentionsRow => ({ id, keys: pages.map(([k]) => k), rows: pages.map(([, r]) => r) });
const keysOf = (rows: readonly PageMentionsRow[]) => rows.map((r) => [r.documentId, r.page]);

/** The page rows before an edit: A on d1:1 and d2:3, B on d1:1 and d1:2. */
const BASE = [row('d1', 1, part('A'), part('B')), row('d1', 2, part('B')), row('d2', 3, part('A'))];
/** An edit: A added to d1:2 and a new page d1:10, taken off d2:3 (no one left), B's d1:1 made ambiguous. */
const EDIT = pending(1, [
  [['d1', 2], row('d1', 2, part('B'), part('A'))],
  [['d1', 10], row('d1', 10, part('A'))],
  [['d2', 3], null],
  [['d1', 1], row('d1', 1, part('A'), part('B', 1))],
]);
const named = (id: string) => (r: PageMentionsRow) => r.actorIds.includes(id);

describe('PendingOverlay', () => {
  it('merges an edit adding, removing and changing the ambiguity of pages, in key order', () => {
    const overlay = PendingOverlay.of([EDIT]);
    expect(keysOf(overlay.mergeRows(BASE.filter(named('A')), named('A')))).toEqual([['d1', 1], ['d1', 2], ['d1', 10]]);
    expect(overlay.mergeActorKeys([['d1', 1], ['d2', 3]], 'A')).toEqual([['d1', 1], ['d1', 2], ['d1', 10]]);
    expect(overlay.mergeActorKeys([['d1', 1], ['d1', 2]], 'B')).toEqual([['d1', 1], ['d1', 2]]);
    expect(overlay.mergeRows(BASE.filter(named('B')), named('B')).find((r) => r.page === 1)?.actors[1]?.ambiguous).toBe(1);
    expect(keysOf(overlay.mergeRows(BASE, () => true))).toEqual([['d1', 1], ['d1', 2], ['d1', 10]]);
    expect(overlay.get('d2', 3)).toBeNull();
    expect(overlay.get('d9', 1)).toBeUndefined();
    expect(overlay.touchesDocument('d2')).toBe(true);
    expect(overlay.touchesDocument('d3')).toBe(false);
    expect(overlay.pages).toBe(4);
  });

  it('lets a newer pending row win over an older one on the same page', () => {
    // A second edit takes A off again everywhere it was added, and puts C on d2:3.
    const second = pending(2, [[['d1', 2], row('d1', 2, part('B'))], [['d1', 10], null], [['d2', 3], row('d2', 3, part('C'))]]);
    const overlay = PendingOverlay.of([second, EDIT]);
    expect(overlay.ids).toEqual([1, 2]);
    expect(overlay.mergeActorKeys([['d1', 1], ['d2', 3]], 'A')).toEqual([['d1', 1]]);
    expect(overlay.mergeActorKeys([], 'C')).toEqual([['d2', 3]]);
    expect(overlay.get('d1', 10)).toBeNull();
    expect(overlay.nextId).toBe(3);
    expect(() => overlay.add(pending(2, []))).toThrow(/not newer/);
  });

  it('folded oldest first: a page a newer row holds stays the newer row\'s', () => {
    const second = pending(2, [[['d1', 10], null]]);
    const overlay = PendingOverlay.of([EDIT, second]);
    overlay.folded(EDIT);
    expect(overlay.ids).toEqual([2]);
    expect(overlay.has('d1', 2)).toBe(false);
    expect(overlay.get('d1', 10)).toBeNull();
    expect(overlay.touchesDocument('d2')).toBe(false);
    overlay.folded(second);
    expect(overlay.empty).toBe(true);
    expect(overlay.touchesDocument('d1')).toBe(false);
  });

  it('folds to puts and deletions', () => {
    const { put, remove } = foldWrites(EDIT);
    expect(keysOf(put)).toEqual([['d1', 2], ['d1', 10], ['d1', 1]]);
    expect(remove).toEqual([['d2', 3]]);
  });

  it('orders keys as IndexedDB does', () => {
    const keys: PageKey[] = [['b', 2], ['a', 10], ['a', 9], ['B', 1]];
    expect([...keys].sort(compareKeys)).toEqual([['B', 1], ['a', 9], ['a', 10], ['b', 2]]);
  });
});

/** Everything the window's readers give, for comparing one state with another. */
async function readers(db: CasefileDb) {
  const view = async (id: string) => { const v = await mentionedIn(db, id, 20); return { sources: v.sources, total: v.total, rows: [...v.rows] }; };
  return JSON.stringify({
    A: await mentionsOfActor(db, 'A'), B: await mentionsOfActor(db, 'B'), C: await mentionsOfActor(db, 'C'),
    inA: await view('A'), inB: await view('B'),
    d1: await mentionsInDocument(db, 'd1'), d2: await mentionsInDocument(db, 'd2'),
    pagesA: [...await pagesMentioning(db, 'A')], pagesB: [...await pagesMentioning(db, 'B')],
    pairs: await coMentionPairs(db), pairsD1: await coMentionPairs(db, { documentId: 'd1' }),
  });
}

/** A fold of the oldest pending row, as the worker folds it (pendingPages.ts): its pages and its deletion in one transaction. */
async function foldOldest(db: CasefileDb, crash = false): Promise<void> {
  const oldest = (await db.pendingMentions.orderBy('id').first())!;
  const { put, remove } = foldWrites(oldest);
  await db.transaction('rw', db.pageMentions, db.pendingMentions, async () => {
    await db.pageMentions.bulkDelete(remove);
    await db.pageMentions.bulkPut(put);
    if (crash) throw new Error('crash');
    await db.pendingMentions.delete(oldest.id);
  });
}

describe('readers over pending rows', () => {
  const fresh = async (pendingRows: PendingMentionsRow[]) => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.pageMentions.bulkPut(BASE);
    await db.pendingMentions.bulkPut(pendingRows);
    return db;
  };
  /** The page rows the edits give when written directly, one page at a time. */
  const direct = async (pendingRows: PendingMentionsRow[]) => {
    const db = await fresh([]);
    for (const p of pendingRows) { const { put, remove } = foldWrites(p); await db.pageMentions.bulkDelete(remove); await db.pageMentions.bulkPut(put); }
    return readers(db);
  };
  const SECOND = pending(2, [[['d1', 2], row('d1', 2, part('B'))], [['d1', 10], null], [['d2', 3], row('d2', 3, part('C'), part('A'))]]);

  it('give what the edits written page by page give, before, during and after the fold', async () => {
    const expected = await direct([EDIT, SECOND]);
    const db = await fresh([EDIT, SECOND]);
    expect(await readers(db)).toEqual(expected);
    await foldOldest(db);
    expect(await db.pendingMentions.count()).toBe(1);
    expect(await readers(db)).toEqual(expected);
    await foldOldest(db);
    expect(await db.pendingMentions.count()).toBe(0);
    expect(await readers(db)).toEqual(expected);
    // …and the page rows alone are now what the edits give.
    expect(await db.pageMentions.toArray()).toEqual(await (async () => { const d = await fresh([]); for (const p of [EDIT, SECOND]) { const w = foldWrites(p); await d.pageMentions.bulkDelete(w.remove); await d.pageMentions.bulkPut(w.put); } return d.pageMentions.toArray(); })());
  });

  it('lose nothing and double nothing when a fold is cut short: the pending row stays, the page rows are untouched', async () => {
    const expected = await direct([EDIT]);
    const db = await fresh([EDIT]);
    const before = await db.pageMentions.toArray();
    await expect(foldOldest(db, true)).rejects.toThrow('crash');
    expect(await db.pageMentions.toArray()).toEqual(before);
    expect(await db.pendingMentions.count()).toBe(1);
    expect(await readers(db)).toEqual(expected);
    await foldOldest(db);
    expect(await readers(db)).toEqual(expected);
  });

  it('list every source of an actor while a pending row changes pages beyond the first keys read', async () => {
    const db = await fresh([]);
    const many = Array.from({ length: 300 }, (_, i) => row(`doc${String(i).padStart(3, '0')}`, 1, part('A')));
    await db.pageMentions.bulkPut(many);
    // With BASE's d1 and d2: 302 sources after the edit (doc000 out, 0first in), counted from the merged keys, not the stored count.
    await db.mentionNames.put({ actorId: 'A', entries: [], sources: 999 });
    // The first source loses A, a new one comes first in key order.
    await db.pendingMentions.put(pending(1, [[['doc000', 1], null], [['0first', 4], row('0first', 4, part('A'))]]));
    const view = await mentionedIn(db, 'A', 20);
    expect(view.sources[0]).toEqual({ documentId: '0first', pages: [4] });
    expect(view.sources.some((s) => s.documentId === 'doc000')).toBe(false);
    expect(view.total).toBe(302);
    expect(view.sources.length).toBe(302);
    expect(view.rows.get('0first')?.[0]?.page).toBe(4);
  });
});
