import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Actor, ActorStatus } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import { bulkInsertForBenchmark } from './bulk';
import type { CasefileDb } from './db';
import { openDatabase } from './db';

/** The actor-list tests' library (readAhead.test.ts, rowsAhead.test.ts): a fresh database each time. */
export const freshDb = (): Promise<CasefileDb> => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });

const day = (iso: string) => ({ label: iso, edtf: iso, earliest: iso, latest: iso, precision: 'day' as const });

/** A person with one status, written at `updatedAt`. */
export function statusActor(name: string, status: ActorStatus, updatedAt = 1_000): Actor {
  const a = blankActor('person', updatedAt);
  a.name = name;
  a.updatedAt = updatedAt;
  a.statusHistory = [{ id: newId(), status, date: day('2000-01-01'), place: '', note: '', citations: [] }];
  return a;
}

/**
 * 300 actors, three in four named Quispe and the rest Mamani, the statuses captured / at large /
 * killed in turn; `updatedAt(i)` dates the i-th (all at one instant unless given).
 */
export async function actorLibrary(updatedAt: (i: number) => number = () => 1_000): Promise<CasefileDb> {
  const db = await freshDb();
  const statuses: ActorStatus[] = ['captured', 'at_large', 'killed'];
  const actors = Array.from({ length: 300 }, (_, i) =>
    statusActor(`${i % 4 ? 'Quispe' : 'Mamani'} ${String(i * 37 % 300).padStart(3, '0')}`, statuses[i % 3]!, updatedAt(i)));
  await bulkInsertForBenchmark(db, actors, [], 100);
  return db;
}
