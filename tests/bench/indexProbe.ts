// A probe for `npm run bench:bundle -- --probe-indexes`: the bench's actor and event rows put
// into databases whose actors/events stores carry different index sets, each in one raw
// IndexedDB transaction (durability 'strict', as the app writes user data), rounds alternating
// the order. It says what each index costs an import's write, apart from the noise of one run.
import Dexie from 'dexie';

const PROBE_DB = 'bench-bundle-index-probe';

export const APP_ACTORS = 'id, sortName, updatedAt, [status+sortName], [status+updatedAt], [kind+sortName], [kind+updatedAt], *groupIds, *caseIds, *tags, *nameWords, *citedDocumentIds';
export const APP_EVENTS = 'id, updatedAt, type, [undated+dateFrom+dateTo], dateTo, *actorIds, *caseIds, *tags, *titleWords, *citedDocumentIds';

const without = (spec: string, ...drop: string[]) => spec.split(', ').filter((s) => !drop.includes(s)).join(', ');

export const VARIANTS: Record<string, { actors: string; events: string }> = {
  app: { actors: APP_ACTORS, events: APP_EVENTS },
  'no [x+updatedAt]': { actors: without(APP_ACTORS, '[status+updatedAt]', '[kind+updatedAt]'), events: APP_EVENTS },
  'no words': { actors: without(APP_ACTORS, '*nameWords'), events: without(APP_EVENTS, '*titleWords') },
  'no compounds': { actors: without(APP_ACTORS, '[status+sortName]', '[status+updatedAt]', '[kind+sortName]', '[kind+updatedAt]'), events: without(APP_EVENTS, '[undated+dateFrom+dateTo]') },
  'no events dateTo, type': { actors: APP_ACTORS, events: without(APP_EVENTS, 'dateTo', 'type') },
  'keys only': { actors: 'id', events: 'id' },
};

async function putOnce(name: string, spec: { actors: string; events: string }, actors: readonly unknown[], events: readonly unknown[]): Promise<number> {
  const db = new Dexie(name);
  db.version(1).stores(spec);
  await db.open();
  try {
    const idb = db.backendDB();
    const t0 = performance.now();
    const tx = idb.transaction(['actors', 'events'], 'readwrite', { durability: 'strict' });
    const a = tx.objectStore('actors');
    for (const row of actors) a.put(row);
    const e = tx.objectStore('events');
    for (const row of events) e.put(row);
    await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/**
 * Each variant's write time (ms) per round; odd rounds in the listed order, even rounds
 * reversed. Every put goes to a database of its own, all deleted at the end: deleting one
 * between puts made the next ones slower and slower (Chromium cleans a deleted database up in
 * the background, in the same store as the others), which no schema caused.
 */
export async function probeIndexes(actors: readonly unknown[], events: readonly unknown[], rounds = 3): Promise<Record<string, number[]>> {
  const names = Object.keys(VARIANTS);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const made: string[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [i, name] of (r % 2 ? [...names].reverse() : names).entries()) {
        const dbName = `${PROBE_DB}-${r}-${i}`;
        made.push(dbName);
        out[name]!.push(Math.round(await putOnce(dbName, VARIANTS[name]!, actors, events)));
      }
    }
  } finally {
    for (const name of made) await Dexie.delete(name);
  }
  return out;
}
