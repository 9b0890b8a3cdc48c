import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../shared/bundle/diffText';
import { OCR_PAGE, fakePdf } from '../../shared/bundle/testing/sampleSnapshot';
import { sha256Hex } from '../../shared/bundle/bytes';
import type { PageState } from '../../shared/pdf/types';
import type { ImportChoices } from '../../renderer/bundle/types';
import type { CasefileDb } from '../../renderer/db/db';
import type { PageRow } from '../../renderer/db/derive';
import { addDocument } from '../../renderer/db/documents';
import { SearchIndexer } from '../../renderer/search/indexer';
import { freshDb, inProcessClient } from './bundleFixtures';

/**
 * OCR from a colleague's bundle for a source the library already holds (the same file): pages
 * that are still scans here take the bundle's OCR text, words and provenance, and are indexed;
 * a page both sides have text for is the user's decision, the local text kept by default.
 * The bundle is the stored version-2 fixture: its second source (a 2-page scan) has page 1 read
 * by OCR ("Declaró Comandante Artemio / ante el juez") and page 2 failed.
 */

const FIXTURE = new URL('../../shared/bundle/testing/fixtures/v2-ocr.casefile', import.meta.url);
const bundle = () => new Blob([readFileSync(FIXTURE)]);
/** The fixture's scan: the same bytes as ocrSampleSnapshot's second document. */
const SCAN_BYTES = fakePdf(2, 3_000);
const SCAN_ID_IN_BUNDLE = '00000000-0000-4000-8000-000000000002';

const pagesOf = (db: CasefileDb, documentId: string): Promise<PageRow[]> =>
  db.pages.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]).toArray();

/** The scan added here by hand, under its own id and title, with both pages waiting for OCR. */
async function libraryWithTheScan(states: PageState[] = ['image-only', 'image-only'], texts = ['', '']) {
  const db = await freshDb();
  const r = await addDocument(db, {
    file: new Blob([SCAN_BYTES as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), sha256: sha256Hex(SCAN_BYTES), fileName: 'scan.pdf',
    extraction: { state: 'needs-ocr', pageCount: 2, pages: texts, pageStates: states, info: null, message: '', durationMs: 1 },
    metadata: { title: 'My scan' },
  }, 1_700_000_000_000);
  if (r.status !== 'added') throw new Error(r.status);
  return { db, scan: r.document };
}

async function importWith(db: CasefileDb, choices: (preview: Awaited<ReturnType<typeof inspect>>) => ImportChoices = () => ({})) {
  const client = inProcessClient(db);
  const inspected = await client.inspectBundle(bundle());
  if (!inspected.ok) throw new Error(inspected.error.message);
  const preview = inspected.preview;
  return { preview, result: await client.applyImport(preview.token, choices(preview)) };
}
const inspect = async (db: CasefileDb) => {
  const r = await inProcessClient(db).inspectBundle(bundle());
  if (!r.ok) throw new Error(r.error.message);
  return r.preview;
};

describe('OCR from a bundle for a source already here', () => {
  it('fills the pages not read here yet, keeps the document\'s own id and details, and gets the text indexed', async () => {
    const { db, scan } = await libraryWithTheScan();
    const indexer = new SearchIndexer(db);
    await indexer.load();
    await indexer.sync();
    const pagesFor = async (query: string) => (await indexer.search(query)).groups.page.hits.map((h) => [h.documentId, h.page]);
    expect(await pagesFor('juez')).toEqual([]);

    const { preview, result } = await importWith(db);
    expect(preview.ocr).toEqual({ pages: 1, documents: 1 });
    expect(preview.records.some((r) => r.aspect === 'ocr')).toBe(false);
    expect(result.ocrPages).toBe(1);

    const [one, two] = await pagesOf(db, scan.id);
    expect(one).toEqual({ documentId: scan.id, page: 1, text: 'Declaró Comandante Artemio\nante el juez', state: 'ocr', ocr: OCR_PAGE });
    // The bundle's failure notice is not a reading: page 2 still waits for OCR here.
    expect(two).toMatchObject({ page: 2, state: 'image-only', text: '' });
    const doc = (await db.documents.get(scan.id))!;
    expect(doc.title).toBe('My scan');
    expect(doc.extraction).toMatchObject({ state: 'needs-ocr', textLayer: 'partly-scanned', ocrPages: 1, characters: one!.text.length });
    expect(doc.extraction.extractedAt).toBeGreaterThan(scan.extraction.extractedAt!);
    expect(await db.documents.get(SCAN_ID_IN_BUNDLE)).toBeUndefined();
    // The OCR job waiting for both pages now waits only for page 2.
    expect((await db.ocrJobs.get(scan.id))).toMatchObject({ pages: [1, 2], done: [1] });

    await indexer.sync();
    expect(await pagesFor('juez')).toEqual([[scan.id, 1]]);

    // Importing again changes nothing: the page is read now.
    const again = await importWith(db);
    expect(again.preview.ocr).toEqual({ pages: 0, documents: 0 });
    expect(again.result.ocrPages).toBe(0);
  });

  it('a page both sides read differently: the local text stays unless the user takes theirs; form text stays either way', async () => {
    const { db, scan } = await libraryWithTheScan(['ocr', 'image-only'], ['Declaro Comandante Artemo ante el jues', '']);
    await db.pages.update([scan.id, 1], { annotations: [{ kind: 'comment', label: 'Me', text: 'Check the name.' }] });
    const mine = (await pagesOf(db, scan.id))[0]!;

    const preview = await inspect(db);
    expect(preview.ocr).toEqual({ pages: 0, documents: 0 });
    const decision = preview.records.find((r) => r.aspect === 'ocr')!;
    expect(decision).toMatchObject({ key: `ocr:${SCAN_ID_IN_BUNDLE}`, kind: 'document', status: 'conflict', choices: ['mine', 'theirs'], label: 'source-2' });
    expect(decision.diffs.map((d) => d.path)).toEqual(['pages.0']);
    expect(decision.diffs[0]!.mine[0]).toEqual({ label: 'pageState', value: 'ocr' });
    expect(plainText(decision.diffs[0]!.theirs)).toBe('ocr · 87% · “Declaró Comandante Artemio ante el juez”');
    // The document's own details are a separate decision, counted as such; the OCR one is not a record.
    expect(preview.summary.document.conflict).toBe(1);

    const kept = await importWith(db);
    expect(kept.result.ocrPages).toBe(0);
    expect((await pagesOf(db, scan.id))[0]).toEqual(mine);

    const taken = await importWith(db, (p) => ({ [p.records.find((r) => r.aspect === 'ocr')!.key]: 'theirs' }));
    expect(taken.result.ocrPages).toBe(1);
    expect((await pagesOf(db, scan.id))[0]).toEqual({ ...mine, text: 'Declaró Comandante Artemio\nante el juez', ocr: OCR_PAGE });
    expect((await db.documents.get(scan.id))!.title).toBe('My scan');
  });

  it('a page with a text layer here is never overwritten without a choice', async () => {
    const { db, scan } = await libraryWithTheScan(['text', 'image-only'], ['Declared Commander Artemio before the judge', '']);
    const preview = await inspect(db);
    const decision = preview.records.find((r) => r.aspect === 'ocr')!;
    expect(decision.diffs[0]!.mine[0]).toEqual({ label: 'pageState', value: 'text' });
    await importWith(db);
    expect((await pagesOf(db, scan.id))[0]).toMatchObject({ state: 'text', text: 'Declared Commander Artemio before the judge' });
  });
});
