// Watching the database's writes from outside a live query (the workers' and OCR's triggers).
import Dexie from 'dexie';
import type { CasefileDb } from './db';

/**
 * Calls `onChange` with the tables written (those of `tables` only) after every committed write
 * to any of them, made here or in another context of the origin (the window, a worker): Dexie
 * re-fires its `storagemutated` event for writes it receives over its BroadcastChannel. Returns
 * the call that stops watching.
 */
export function watchTables(db: CasefileDb, tables: readonly string[], onChange: (written: string[]) => void): () => void {
  const prefixes = tables.map((table) => [table, `idb://${db.name}/${table}/`] as const);
  const listener = (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts);
    const written = prefixes.filter(([, prefix]) => keys.some((key) => key.startsWith(prefix))).map(([table]) => table);
    if (written.length) onChange(written);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
