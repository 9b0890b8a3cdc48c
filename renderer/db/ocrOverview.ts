import { OCR_PAGE_STATES } from '../../shared/pdf/pageState';
import type { OcrFailureReason } from '../../shared/ocr';
import type { CasefileDb } from './db';

/** A page OCR can read (or has read), as the document's OCR section lists it. */
export interface OcrPageOverview {
  page: number;
  state: 'image-only' | 'junk-text' | 'ocr';
  /** Why OCR could not read it, when it tried and failed. */
  failed: OcrFailureReason | null;
}

export interface DocumentOcrPages {
  pages: OcrPageOverview[];
  /** The languages its OCR'd pages were read in (from the first such page), if any was. */
  languages: string[] | null;
}

/** Page numbers of a document's pages in `state`, from the `state` index: keys only, no page is read. */
export async function pagesInState(db: CasefileDb, documentId: string, state: string): Promise<number[]> {
  const keys = await db.pages.where('state').equals(state).primaryKeys();
  const pages: number[] = [];
  for (const [doc, page] of keys) if (doc === documentId) pages.push(page);
  return pages;
}

/**
 * A document's pages that OCR can read, without reading the pages it has read: their rows hold
 * every word with its box (~450 on a dense page), and a live query that read them all ran again
 * on the main thread for every page OCR stored (200 read pages: a 190–580 ms task in Chromium).
 * Page numbers come from the `state` index; only the rows of pages still waiting (small: no
 * words) and of the first read page (its languages) are read.
 */
export async function documentOcrPages(db: CasefileDb, documentId: string): Promise<DocumentOcrPages> {
  const [waiting, read] = await Promise.all([
    Promise.all(OCR_PAGE_STATES.map((state) => pagesInState(db, documentId, state))).then((lists) => lists.flat()),
    pagesInState(db, documentId, 'ocr'),
  ]);
  const [rows, first] = await Promise.all([
    db.pages.bulkGet(waiting.map((page) => [documentId, page] as [string, number])),
    read.length ? db.pages.get([documentId, Math.min(...read)]) : Promise.resolve(undefined),
  ]);
  const pages: OcrPageOverview[] = [
    ...rows.flatMap((row) => (row ? [{ page: row.page, state: row.state as 'image-only' | 'junk-text', failed: row.ocr?.status === 'failed' ? row.ocr.reason : null }] : [])),
    ...read.map((page) => ({ page, state: 'ocr' as const, failed: null })),
  ].sort((a, b) => a.page - b.page);
  return { pages, languages: first?.ocr?.status === 'read' ? first.ocr.provenance.languages : null };
}
