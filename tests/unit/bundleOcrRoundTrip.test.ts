import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { OCR_PAGE } from '../../shared/bundle/testing/sampleSnapshot';
import type { CasefileDb } from '../../renderer/db/db';
import type { PageRow } from '../../renderer/db/derive';
import { CASE_ID, addPdf, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * A colleague's import keeps what the sender's Casefile learned about each page: OCR text with
 * its words, boxes, confidence and provenance (so the scan is not read again), page states,
 * and form-field and comment text.
 */

const pagesOf = (db: CasefileDb, documentId: string): Promise<PageRow[]> =>
  db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]).toArray();

describe('export → import of OCR\'d and annotated pages', () => {
  it('brings back page states, texts, annotations, OCR words and provenance as they were', async () => {
    const { db: source } = await seededProfile();
    const scan = await addPdf(source, 7, ['', '', '']);
    const rows: PageRow[] = [
      { documentId: scan.id, page: 1, text: 'Declaró Comandante Artemio\nante el juez', state: 'ocr', ocr: OCR_PAGE },
      {
        documentId: scan.id, page: 2, text: 'Hearing of 3 March 1993', state: 'text',
        annotations: [{ kind: 'form-field', label: 'Witness', text: 'Florindo Eleuterio Flores' }, { kind: 'comment', label: 'Analyst', text: 'Compare with the 1993 hearing.' }],
      },
      { documentId: scan.id, page: 3, text: '', state: 'image-only', ocr: { status: 'failed', reason: 'timed-out', message: 'Took too long.', provenance: null, at: 1_700_000_500_000 } },
    ];
    await source.pages.bulkPut(rows);

    const exported = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    const target = await freshDb();
    const client = inProcessClient(target);
    const inspected = await client.inspectBundle(exported.blob);
    if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
    expect(inspected.preview.bundle.formatVersion).toBe(4);
    await client.applyImport(inspected.preview.token, {});

    expect(await pagesOf(target, scan.id)).toEqual(rows);
    // The state index answers on the imported rows: only the failed page still waits for OCR.
    expect(await target.pages.where('state').anyOf('image-only', 'junk-text').primaryKeys()).toEqual([[scan.id, 3]]);
    // Text pages of the other documents keep their state too.
    const others = await target.pages.where('state').equals('text').count();
    expect(others).toBe(await source.pages.where('state').equals('text').count());
  });
});
