// A probe for `npm run bench:bundle -- --probe-staged`: issue #13's "records written before their
// derived index rows". The import runs as the app's (the same host, apply.ts's one transaction),
// but into a database whose `actors` and `events`, as the import sees them, are stores with no
// secondary index (stagedActors, stagedEvents: what a staging store would be); then the staged
// rows are placed into the app's indexed tables in small transactions, each chunk put and its
// staging rows deleted together, as a background placer would. Not the app: a bench database
// only (its version 12 here is the probe's, not a schema of the app's).
import { CasefileDb } from '../../renderer/db/db';

/** A target database name with this ending is opened as the staging probe's (bundleBench.worker.ts). */
export const STAGED_SUFFIX = '-staged';

class StagedProbeDb extends CasefileDb {
  constructor(name: string) {
    super(name);
    this.version(12).stores({ stagedActors: 'id', stagedEvents: 'id' });
  }
}

/** The database as the import sees it: its actors and events are the index-free staging stores. */
export async function openStaged(name: string): Promise<CasefileDb> {
  const db = new StagedProbeDb(name);
  await db.open();
  return new Proxy(db, {
    get(target, key) {
      if (key === 'actors') return target.table('stagedActors');
      if (key === 'events') return target.table('stagedEvents');
      return Reflect.get(target, key, target) as unknown;
    },
  });
}

export interface Placed { ms: number; chunks: number; worstChunkMs: number; placed: number; actors: number; events: number; left: number }

/**
 * Every staged row moved into its indexed table, `chunk` rows a transaction (the row put and its
 * staging row deleted in the same one, so a stop between chunks loses or doubles nothing), a
 * macrotask between chunks (where a placer would give way).
 */
export async function placeStaged(name: string, chunk = 500): Promise<Placed> {
  const db = new StagedProbeDb(name);
  await db.open();
  try {
    const t0 = performance.now();
    let chunks = 0;
    let worst = 0;
    let placed = 0;
    for (const [from, to] of [['stagedActors', 'actors'], ['stagedEvents', 'events']] as const) {
      for (;;) {
        const c0 = performance.now();
        const n = await db.transaction('rw', [db.table(from), db.table(to)], async () => {
          const rows = await db.table<{ id: string }, string>(from).limit(chunk).toArray();
          if (rows.length) {
            await db.table(to).bulkPut(rows);
            await db.table(from).bulkDelete(rows.map((r) => r.id));
          }
          return rows.length;
        });
        if (!n) break;
        chunks++;
        placed += n;
        worst = Math.max(worst, performance.now() - c0);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    const ms = Math.round(performance.now() - t0);
    const left = (await db.table('stagedActors').count()) + (await db.table('stagedEvents').count());
    return { ms, chunks, worstChunkMs: Math.round(worst), placed, actors: await db.actors.count(), events: await db.events.count(), left };
  } finally {
    db.close();
  }
}
