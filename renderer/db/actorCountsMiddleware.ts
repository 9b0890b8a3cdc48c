// Keeps the actor counts row (./actorCounts.ts) in the transaction of every write of an actor,
// whoever writes it: a save, the trash, the sample case, a bundle import in its worker (which
// opens its own CasefileDb, and so this too), an upgrade. A Dexie DBCore middleware, as
// Dexie.Observable keeps its changes table: every read-write transaction on `actors` also
// takes in `meta`, and each write of actors reads the rows it replaces or deletes first, in the
// same transaction, to count them out.
import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ActorCounts } from './actorCounts';
import { ACTOR_COUNTS_KEY, emptyCounts, tally, validCounts } from './actorCounts';

type Row = { id?: unknown; status?: unknown; kind?: unknown };

/** One transaction's counts, read once, and the turn of its writes of actors. */
interface Kept {
  counts: Promise<ActorCounts | undefined>;
  /** Settles once the last write of actors asked for has been issued (its old rows read). */
  turn: Promise<void>;
  /**
   * Every actor there is, by id, while the table held none when this transaction first wrote
   * to it (or it was cleared since): what a write replaces is then known without a read (an
   * import into an empty library, the sample case in a new one, a clear and refill).
   */
  known?: Map<unknown, Row>;
}

const kept = new WeakMap<DBCoreTransaction, Kept>();

// DBCore's range type for "every key" (DBCoreRangeType.Any, a const enum in Dexie's types).
const ANY_RANGE = 3;

export const actorCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ActorCounts',
  // Above Dexie's own (observability at 0): the counts row's writes are observed like any other.
  level: 10,
  create(down) {
    return {
      transaction(stores, mode, options) {
        const scope = mode === 'readwrite' && stores.includes('actors') && !stores.includes('meta') ? [...stores, 'meta'] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'actors') return { ...table, mutate: (req) => keepCounts(down, table, req) };
        if (name === 'meta') {
          // The row written by other means (the upgrade, a recount): read again by the next write of actors.
          return { ...table, mutate: (req) => { if (touchesCounts(req)) kept.delete(req.trans); return table.mutate(req); } };
        }
        return table;
      },
    };
  },
};

function touchesCounts(req: DBCoreMutateRequest): boolean {
  if (req.type === 'deleteRange') return true;
  if (req.type === 'delete') return req.keys.includes(ACTOR_COUNTS_KEY);
  return (req.keys ?? req.values.map((v: { key?: unknown }) => v.key)).includes(ACTOR_COUNTS_KEY);
}

function keptFor(core: DBCore, trans: DBCoreTransaction): Kept {
  let k = kept.get(trans);
  if (!k) {
    const fresh: Kept = { counts: Dexie.Promise.resolve(undefined), turn: Dexie.Promise.resolve() };
    fresh.counts = Dexie.Promise.resolve(core.table('meta').get({ trans, key: ACTOR_COUNTS_KEY })).then((row: { value?: unknown } | undefined) => {
      const counts = validCounts(row?.value);
      if (counts?.total === 0) fresh.known = new Map();
      return counts;
    });
    kept.set(trans, (k = fresh));
  }
  return k;
}

/**
 * One write of actors, with the counts kept. The writes of one transaction take turns: each
 * reads the rows it replaces after the previous one's write was issued (IndexedDB answers a
 * transaction's requests in order, so the read sees it), and the bundle import's chunks, all
 * issued at once, are counted right. Without a trustworthy row nothing is counted: the readers
 * count by walking and write the row again (./actorCountsRead.ts).
 */
function keepCounts(core: DBCore, actors: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const k = keptFor(core, req.trans);
  let issued!: () => void;
  const previous = k.turn;
  k.turn = new Dexie.Promise<void>((resolve) => { issued = resolve; });
  const run = Dexie.Promise.resolve(previous).then(() => k.counts).then((counts) => {
    if (!counts) {
      issued();
      return actors.mutate(req);
    }
    return before(actors, req, k).then((old) => {
      const written = actors.mutate(req);
      remember(k, req);
      issued();
      return written.then((res) => {
        if (!count(counts, req, old, res)) {
          // Not known what was removed: no row, so that the readers count again.
          k.counts = Dexie.Promise.resolve(undefined);
          return core.table('meta').mutate({ trans: req.trans, type: 'delete', keys: [ACTOR_COUNTS_KEY] }).then(() => res);
        }
        return core.table('meta').mutate({ trans: req.trans, type: 'put', values: [{ key: ACTOR_COUNTS_KEY, value: counts }] }).then(() => res);
      });
    });
  });
  // Whatever fails, the next write's turn comes (the transaction aborts on a failed request anyway).
  run.catch(() => issued());
  return run;
}

/** What a write replaces: each put's or delete's old row (undefined where none), or a range's rows. */
type Before = { rows: Array<Row | undefined> } | { range: Row[] } | 'all';

function before(actors: DBCoreTable, req: DBCoreMutateRequest, k: Kept): Promise<Before> {
  const { trans } = req;
  if (req.type === 'add') return Dexie.Promise.resolve({ rows: [] });
  if (req.type === 'deleteRange') {
    if (req.range.type === ANY_RANGE) return Dexie.Promise.resolve('all');
    return actors.query({ trans, query: { index: actors.schema.primaryKey, range: req.range }, values: true }).then((r) => ({ range: r.result as Row[] }));
  }
  const keys = keysOf(req);
  const { known } = k;
  if (known) return Dexie.Promise.resolve({ rows: keys.map((key) => known.get(key)) });
  return actors.getMany({ trans, keys }).then((rows) => ({ rows: rows as Array<Row | undefined> }));
}

const keysOf = (req: DBCoreMutateRequest & { type: 'add' | 'put' | 'delete' }): unknown[] =>
  (req.type === 'delete' ? req.keys : req.values.map((v: Row, i) => req.keys?.[i] ?? v.id));

/**
 * Keeps `known` as the write just issued leaves the table (the next write's old rows are read
 * from it before this one has answered). An add of a key already there fails, as IndexedDB's.
 */
function remember(k: Kept, req: DBCoreMutateRequest): void {
  if (req.type === 'deleteRange') {
    k.known = req.range.type === ANY_RANGE ? new Map() : undefined;
    return;
  }
  const { known } = k;
  if (!known) return;
  keysOf(req).forEach((key, i) => {
    if (req.type === 'delete') known.delete(key);
    else if (req.type === 'put' || !known.has(key)) known.set(key, req.values[i] as Row);
  });
}

/** Counts a finished write in; false where what it removed is not known (a range partly deleted). */
function count(counts: ActorCounts, req: DBCoreMutateRequest, old: Before, res: DBCoreMutateResponse): boolean {
  if (req.type === 'deleteRange') {
    if (res.numFailures) return false;
    if (old === 'all') Object.assign(counts, emptyCounts());
    else if ('range' in old) for (const row of old.range) tally(counts, row, -1);
    return true;
  }
  if (old === 'all' || 'range' in old) return false;
  // A key written twice in one request: the second replaces the first, not the stored row.
  const now = new Map<unknown, Row | undefined>();
  keysOf(req).forEach((key, i) => {
    if (res.failures[i]) return;
    const was = now.has(key) ? now.get(key) : old.rows[i];
    if (was) tally(counts, was, -1);
    const value = req.type === 'delete' ? undefined : (req.values[i] as Row);
    if (value) tally(counts, value, 1);
    now.set(key, value);
  });
  return true;
}
