import type { Actor } from '../../../shared/model';
import type { CasefileDb } from '../../db/db';
import type { ActorFilter, ActorSort } from '../../db/actorList';
import { firstActors } from '../../db/actorList';
import type { ActorRow } from '../../db/derive';
import { toActor } from '../../db/derive';
import { FIRST_SCREEN_READ } from '../../db/startupProbe';

export { FIRST_SCREEN_READ } from '../../db/startupProbe';

/** Rows enough to fill the first screen of the list, and a little more (the start-up probe reads as many). */
export const FIRST_SCREEN = FIRST_SCREEN_READ.limit;

/** The list's row height, and the rows it renders beyond its view (ActorList's virtualiser). */
export const ROW_HEIGHT = 48;
export const OVERSCAN = 8;

/**
 * The rows the list renders before it is scrolled: the window's height in rows and the
 * overscan, at most a first screen. A filter whose rows are read one by one reads only these
 * for its first frame (the list reads any others it comes to show).
 */
export function rowsShownFirst(): number {
  if (typeof window === 'undefined') return FIRST_SCREEN;
  return Math.min(FIRST_SCREEN, Math.ceil(window.innerHeight / ROW_HEIGHT) + OVERSCAN);
}

/**
 * The actor list's first screen, read as soon as the database can be (renderer/main.tsx),
 * before React renders anything: the window's first render then shows named rows instead of
 * rendering an empty list, waiting for its effects and a timer to start the same read, and
 * rendering again. Only for the list as it opens (no filter, by name), and only until the
 * list's own live query answers (it keeps the rows current from then on): a list mounted
 * later never starts from rows read at start-up.
 */
let primed: { db: CasefileDb; rows: Actor[] } | null = null;

/** Reads the opening list's first screen; never throws (the list then reads it itself). */
export async function primeFirstScreen(db: CasefileDb): Promise<void> {
  try {
    const rows = await firstActors(db, {}, 'name', FIRST_SCREEN);
    primed = rows ? { db, rows } : null;
  } catch {
    primed = null;
  }
}

/**
 * Keeps the rows the start-up probe read (FIRST_SCREEN_READ) as the opening list's first
 * screen of `db`; without them (no probe read: an upgrade was pending), reads them through `db`.
 */
export async function primeFirstScreenFrom(db: CasefileDb, rows: Promise<unknown[] | undefined>): Promise<void> {
  const read = await rows;
  if (!read) return primeFirstScreen(db);
  primed = { db, rows: (read as ActorRow[]).map(toActor) };
}

/** The rows read at start-up, if they are the first screen of this list. */
export function primedFirstScreen(db: CasefileDb, filter: ActorFilter, sort: ActorSort): Actor[] | undefined {
  return primed?.db === db && sort === 'name' && Object.keys(filter).length === 0 ? primed.rows : undefined;
}

/** The list's own read has answered: the start-up rows are not used again. */
export function dropPrimedFirstScreen(): void {
  primed = null;
}
