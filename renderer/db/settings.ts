import type { CasefileDb } from './db';

/** User settings kept in `meta`. Add a key here to add a setting. */
export interface Settings {
  /** UI language code, e.g. 'es'. */
  language: string;
  /** When the last backup bundle was written, ms since the epoch. */
  lastBackupAt: number;
}

// Settings live beside internal rows such as `schemaVersion`; the prefix keeps a
// setting from ever overwriting one of those.
const key = (name: keyof Settings): string => `setting:${name}`;

export async function getSetting<K extends keyof Settings>(db: CasefileDb, name: K): Promise<Settings[K] | undefined> {
  const row = await db.meta.get(key(name));
  return row?.value as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(db: CasefileDb, name: K, value: Settings[K]): Promise<void> {
  await db.meta.put({ key: key(name), value });
}
