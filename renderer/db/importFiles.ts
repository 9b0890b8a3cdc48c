import type { SourceDocument } from '../../shared/model';
import type { CasefileDb, MetaRow } from './db';

/**
 * An import writes its files' Blobs in a transaction of their own, beside the one that writes
 * the records (renderer/bundle/apply.ts), so the browser copies the bytes while the records are
 * written. Before either starts, a `meta` row `importFiles:<id>` lists the bundle's file hashes;
 * once both have ended — committed or not — `settleImportFiles` deletes every listed file row
 * that no document and no trashed document refers to (nor another import still in flight), then
 * the row. A crash between the two commits leaves the row behind, and the next opening of the
 * database settles it (openDatabase): the library is then as before the import, or as after it.
 */
export const IMPORT_FILES_PREFIX = 'importFiles:';

export const importFilesKey = (id: string): string => `${IMPORT_FILES_PREFIX}${id}`;

const listed = (row: MetaRow | undefined): string[] => (Array.isArray(row?.value) ? (row.value as unknown[]).filter((s): s is string => typeof s === 'string') : []);

/** Settles the given markers (every one left in the database when `keys` is omitted); returns the file rows deleted. */
export async function settleImportFiles(db: CasefileDb, keys?: readonly string[]): Promise<number> {
  return db.transaction('rw', [db.meta, db.documents, db.documentFiles, db.trash], async () => {
    const all = await db.meta.where('key').startsWith(IMPORT_FILES_PREFIX).toArray();
    if (all.length === 0) return 0;
    const settling = keys ? all.filter((r) => keys.includes(r.key)) : all;
    if (settling.length === 0) return 0;
    // Hashes another import (still running) has listed stay: its records may be about to refer to them.
    const others = new Set(all.filter((r) => !settling.includes(r)).flatMap(listed));
    const candidates = [...new Set(settling.flatMap(listed))].filter((sha) => !others.has(sha));
    let removed = 0;
    if (candidates.length) {
      const [present, used, trashed] = await Promise.all([
        db.documentFiles.where('sha256').anyOf(candidates).primaryKeys(),
        db.documents.where('sha256').anyOf(candidates).keys(),
        db.trash.where('table').equals('documents').toArray(),
      ]);
      const inUse = new Set<string>([...(used as string[]), ...trashed.map((t) => (t.record as SourceDocument).sha256)]);
      const orphans = (present as string[]).filter((sha) => !inUse.has(sha));
      if (orphans.length) await db.documentFiles.bulkDelete(orphans);
      removed = orphans.length;
    }
    await db.meta.bulkDelete(settling.map((r) => r.key));
    return removed;
  });
}
