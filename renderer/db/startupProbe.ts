import { SCHEMA_VERSION } from './schemaVersion';
import type { FirstRead, InstalledProbe } from './versionGuard';
import { probeInstalled } from './versionGuard';

/** The database the window opens. */
export const DB_NAME = 'casefile';

/**
 * The opening actor list's first screen as one raw read: the first rows of the `sortName`
 * index, as `firstActors(db, {}, 'name', FIRST_SCREEN)` reads them (features/actors/firstScreen.ts
 * keeps the rows; its test checks the two agree).
 */
export const FIRST_SCREEN_READ: FirstRead = { store: 'actors', index: 'sortName', limit: 40 };

let started: InstalledProbe | undefined;

/**
 * The window's one start-up probe of the database (versionGuard.ts `probeInstalled`, with the
 * actor list's first screen read beside the guard's meta row: the window always opens on the
 * actor list), started by whichever of the early entry (renderer/startupOpen.ts) and main.tsx
 * runs first: the same probe for both.
 */
export function startupProbe(): InstalledProbe {
  if (started) return started;
  // Marks for the benchmark's start-up breakdown (performance.getEntriesByType('mark')).
  performance.mark('casefile:probe-start');
  started = probeInstalled(indexedDB, DB_NAME, SCHEMA_VERSION, FIRST_SCREEN_READ);
  void started.installed.then(() => performance.mark('casefile:guard'), () => {});
  void started.rows.then(() => performance.mark('casefile:raw-rows'));
  return started;
}
