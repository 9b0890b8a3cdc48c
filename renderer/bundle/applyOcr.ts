import type { IncomingRecords, LocalRecords } from '../../shared/bundle/merge';
import { localDocumentOf } from '../../shared/bundle/merge';
import type { LocalPages, OcrPageWrite } from '../../shared/bundle/mergeOcr';
import { ocrPageKeys, pageKey } from '../../shared/bundle/mergeOcr';
import type { PageEntry } from '../../shared/bundle/pages';
import { summarisePages } from '../../shared/pdf/pageState';
import type { CasefileDb } from '../db/db';
import type { PageRow } from '../db/derive';
import { documentRow, toDocument } from '../db/derive';
import { pagesOfDocument } from '../db/ocrJobs';

/**
 * The import's part for OCR a bundle brings to documents the library holds by their file
 * (shared/bundle/mergeOcr.ts): which local pages the plan must see, and the writes, inside the
 * import's one transaction.
 */

/** The local page rows the OCR plan compares (call inside the import's transaction). */
export async function readOcrPages(db: CasefileDb, incoming: IncomingRecords, local: Pick<LocalRecords, 'documents' | 'documentIdBySha'>): Promise<LocalPages> {
  const keys = ocrPageKeys(incoming.documents, incoming.pages, (d) => localDocumentOf(local, d));
  const out = new Map<string, PageEntry>();
  if (keys.length === 0) return out;
  const rows = await db.pages.bulkGet(keys);
  for (const row of rows) {
    if (!row) continue;
    const { documentId, page, ...entry } = row;
    out.set(pageKey(documentId, page), entry);
  }
  return out;
}

/**
 * Writes the pages, then sums each document up again from all its pages (text layer, pages
 * that need OCR, characters) with a new `extractedAt` — what the search index and the mentions
 * scan watch, so the new text is indexed and scanned for names like OCR read here. The pages
 * leave any OCR job still waiting to read them: they are read.
 */
export async function writeOcrPages(db: CasefileDb, writes: readonly OcrPageWrite[], now: number): Promise<void> {
  if (writes.length === 0) return;
  await db.pages.bulkPut(writes.map(({ documentId, page, entry }): PageRow => ({ documentId, page, ...entry })));
  const byDocument = new Map<string, number[]>();
  for (const w of writes) byDocument.set(w.documentId, [...(byDocument.get(w.documentId) ?? []), w.page]);
  for (const [documentId, pages] of byDocument) {
    const row = await db.documents.get(documentId);
    if (!row) continue;
    const doc = toDocument(row);
    const rows = await pagesOfDocument(db, documentId).toArray();
    const summary = summarisePages(rows.map((r) => r.state));
    await db.documents.put(documentRow({
      ...doc,
      extraction: {
        ...doc.extraction,
        state: summary.ocrPages > 0 ? 'needs-ocr' : 'extracted',
        textLayer: summary.layer,
        ocrPages: summary.ocrPages,
        characters: rows.reduce((n, r) => n + r.text.length, 0),
        // A new time, never an equal one: the search index compares it with what it indexed.
        extractedAt: Math.max(now, (doc.extraction.extractedAt ?? 0) + 1),
      },
      updatedAt: Math.max(now, doc.updatedAt),
    }));
    const job = await db.ocrJobs.get(documentId);
    if (job && job.finishedAt === null) {
      const done = [...new Set([...job.done, ...pages.filter((p) => job.pages.includes(p))])];
      const finished = done.length >= job.pages.length;
      await db.ocrJobs.put({ ...job, done, updatedAt: now, ...(finished ? { status: 'done', finishedAt: now } : {}) });
    }
  }
}
