import { utf8 } from './bytes';
import { deflateRaw } from './deflate';
import type { DocumentPages } from './pages';

/**
 * Entries serialised and deflated while the export is still collecting (the bundle worker's
 * collect hands over each list as soon as it is final): layOutZip (bundle.ts) takes them for the
 * very arrays or page lists they were made from, and makes the others itself.
 */

/** JSON entries being deflated at once (deflate.ts): each stream holds zlib's working memory (~0.3 MB) until it ends. */
export const DEFLATE_IN_FLIGHT = 4;

/** An entry's JSON bytes, their deflate under way. */
export interface PreparedBytes {
  readonly data: Uint8Array;
  readonly deflated: Promise<Uint8Array>;
}

/** A record list's JSON entry (records sorted by id), its deflate under way. */
export interface PreparedEntry extends PreparedBytes {
  readonly records: readonly { id: string }[];
}

export const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Serialises a record list as the bundle's entry for it (sorted by id) and starts deflating it:
 * an export calls this as soon as the actors, events and documents are final, so their largest
 * entries are deflated while the page rows are still being read (writeBundleParts' `prepared`).
 */
export function recordsEntry(records: readonly { id: string }[]): PreparedEntry {
  const data = utf8(JSON.stringify([...records].sort(byId)));
  const deflated = deflateRaw(data);
  deflated.catch(() => undefined); // awaited by the writer, or dropped with the export
  return { records, data, deflated };
}

/** A document's page-list entry, as the bundle holds it (docs/bundle-format.md). */
export function pagesJson(p: DocumentPages): Uint8Array {
  return utf8(JSON.stringify({ documentId: p.documentId, pages: p.pages }));
}

/**
 * Each document's page-list entry serialised now and deflated DEFLATE_IN_FLIGHT at a time, in
 * this order: an export hands over the pages of the documents it knows first (a case's own) as
 * soon as their rows are read, and their ~1,000 small deflates run while the records are still
 * being read (writeBundleParts' `preparedPages`).
 */
export function pagesEntries(pages: readonly DocumentPages[]): Map<DocumentPages, PreparedBytes> {
  const out = new Map<DocumentPages, PreparedBytes>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running >= DEFLATE_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const free = (): void => {
    running--;
    waiting.shift()?.();
  };
  for (const p of pages) {
    const data = pagesJson(p);
    const deflated = (async () => {
      await slot();
      try {
        return await deflateRaw(data);
      } finally {
        free();
      }
    })();
    deflated.catch(() => undefined); // awaited by the writer, or dropped with the export
    out.set(p, { data, deflated });
  }
  return out;
}
