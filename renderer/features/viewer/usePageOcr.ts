import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ocrFitsState } from '../../../shared/bundle/pages';
import type { StoredPageOcr } from '../../../shared/ocr';
import { useDb } from '../../db/dbContext';
import { getPage } from '../../db/documents';

/** What the viewer shows of a page's OCR: its words (state 'ocr'), or why OCR failed. */
export type PageOcr = Extract<StoredPageOcr, { status: 'read' }> | Extract<StoredPageOcr, { status: 'failed' }>;

/**
 * The page row's OCR, for the viewer: `undefined` while the row is being read (the page waits
 * for it, so a scan is not drawn once with pdf.js's empty text layer and again with the OCR
 * one), `null` when OCR has nothing to say for the page. Words count only while the page's
 * state is 'ocr', a failure only while the page still waits for OCR (ocrFitsState, the rule
 * bundles hold pages to). The value keeps its
 * identity until the row's OCR changes (the live query fires on any write to the pages table).
 */
export function usePageOcr(documentId: string, page: number): PageOcr | null | undefined {
  const db = useDb();
  const row = useLiveQuery(async () => (await getPage(db, documentId, page)) ?? null, [db, documentId, page]);
  const ocr = row === undefined ? undefined : row === null ? null : row.ocr && ocrFitsState(row.state, row.ocr) ? row.ocr : null;
  const key = ocr === undefined ? 'loading' : ocr === null ? 'none' : `${row?.documentId}\u0001${row?.page}\u0001${ocr.status}\u0001${ocr.at}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what identifies the OCR, not the row object
  return useMemo(() => ocr, [key]);
}
