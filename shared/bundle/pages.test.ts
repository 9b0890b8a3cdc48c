import { describe, expect, it } from 'vitest';
import { readBundleBlob, writeBundleBlob } from './bundle';
import { utf8 } from './bytes';
import type { BundleErrorCode, RecordIssue } from './manifest';
import { PAGE_CAPS, exportablePage, pageEntrySchema } from './pages';
import type { PageEntry } from './pages';
import type { StoredPageOcr } from '../ocr/stored';
import { OCR_PAGE, SAMPLE_INFO, ocrSampleSnapshot } from './testing/sampleSnapshot';
import { tamper } from './testing/tamper';

/**
 * Format version 2's pages are strangers' data like everything else in a bundle: every new
 * field is checked strictly, with caps, and an oversized list is refused after counting.
 */

const SCAN = ocrSampleSnapshot().documents[1]!.id;
const ENTRY = `records/pages/${SCAN}.json`;

let good: Uint8Array | null = null;
const bundle = async () => (good ??= new Uint8Array(await (await writeBundleBlob(ocrSampleSnapshot(), SAMPLE_INFO)).arrayBuffer()));

/** The scan's page entry changed by `change` (the manifest rehashed, so only the change is wrong). */
async function readWith(change: (pages: Record<string, unknown>[]) => void): Promise<{ code: BundleErrorCode | 'ok'; issues: RecordIssue[] }> {
  const bytes = await tamper(await bundle(), (entries) => {
    const doc = JSON.parse(new TextDecoder().decode(entries.get(ENTRY))) as { pages: Record<string, unknown>[] };
    change(doc.pages);
    entries.set(ENTRY, utf8(JSON.stringify(doc)));
  }, { createdAt: SAMPLE_INFO.createdAt });
  const r = await readBundleBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  return r.ok ? { code: 'ok', issues: [] } : { code: r.error.code, issues: r.error.issues ?? [] };
}

const ocrOf = (pages: Record<string, unknown>[], i = 0) => pages[i]!.ocr as Extract<StoredPageOcr, { status: 'read' }>;

describe('a bundle\'s page states, annotations and OCR', () => {
  it('come back as written', async () => {
    const r = await readBundleBlob(new Blob([await bundle() as Uint8Array<ArrayBuffer>]));
    if (!r.ok) throw new Error(`${r.error.code} ${JSON.stringify(r.error.issues)}`);
    expect(r.snapshot.pages).toEqual(ocrSampleSnapshot().pages);
  });

  const refusals: [string, (pages: Record<string, unknown>[]) => void, string, string][] = [
    ['an unknown key on a word', (p) => { (ocrOf(p).words[0] as unknown as Record<string, unknown>).script = 'x'; }, 'pages.0.ocr.words.0', ''],
    ['an unknown key on a page', (p) => { p[0]!.html = '<b>'; }, 'pages.0', ''],
    ['a page state that does not exist', (p) => { p[1]!.state = 'scanned'; }, 'pages.1.state', ''],
    ['a word too long', (p) => { ocrOf(p).words[0]!.text = 'x'.repeat(PAGE_CAPS.wordText + 1); }, 'pages.0.ocr.words.0.text', ''],
    ['a confidence over 100', (p) => { ocrOf(p).words[1]!.confidence = 101; }, 'pages.0.ocr.words.1.confidence', ''],
    ['a negative box size', (p) => { ocrOf(p).words[2]!.box.width = -3; }, 'pages.0.ocr.words.2.box.width', ''],
    ['a word pointing past the lines', (p) => { ocrOf(p).words[5]!.line = 2; }, 'pages.0.ocr.words.5.line', 'bundle.ocrIndex'],
    ['a line pointing past the words', (p) => { ocrOf(p).lines[1]!.wordCount = 4; }, 'pages.0.ocr.lines.1', 'bundle.ocrIndex'],
    ['another engine', (p) => { (ocrOf(p).provenance as unknown as Record<string, unknown>).engine = 'abbyy'; }, 'pages.0.ocr.provenance.engine', ''],
    ['a language code that is not one', (p) => { ocrOf(p).provenance.languages = ['../eng']; }, 'pages.0.ocr.provenance.languages.0', ''],
    ['OCR words on a page of another state', (p) => { p[0]!.state = 'text'; }, 'pages.0.ocr', 'bundle.ocrState'],
    ['an OCR failure on a page that no longer waits for OCR', (p) => { p[1]!.state = 'blank'; }, 'pages.1.ocr', 'bundle.ocrState'],
    ['a failure reason that does not exist', (p) => { (p[1]!.ocr as Record<string, unknown>).reason = 'bored'; }, 'pages.1.ocr.reason', ''],
    ['an annotation of an unknown kind', (p) => { p[1]!.annotations = [{ kind: 'link', text: 'https://example.org' }]; }, 'pages.1.annotations.0.kind', ''],
  ];
  for (const [label, change, path, message] of refusals) {
    it(`refuses ${label}, naming the page and field`, async () => {
      const r = await readWith(change);
      expect(r.code).toBe('invalid-records');
      expect(r.issues[0]).toMatchObject({ kind: 'pages', id: SCAN, entry: ENTRY, path, ...(message ? { message } : {}) });
    });
  }

  it('refuses a page of more words than any page has after counting them, with one issue, not one per word', async () => {
    const started = performance.now();
    const r = await readWith((p) => { ocrOf(p).words = Array.from({ length: 300_000 }, () => ({}) as never); });
    expect(r.code).toBe('invalid-records');
    expect(r.issues).toEqual([expect.objectContaining({ path: 'pages.0.ocr.words', message: 'bundle.tooLarge' })]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses too many annotations on a page', async () => {
    const r = await readWith((p) => { p[1]!.annotations = Array.from({ length: PAGE_CAPS.annotations + 1 }, () => ({ kind: 'comment', text: 'x' })); });
    expect(r.issues).toEqual([expect.objectContaining({ path: 'pages.1.annotations', message: 'bundle.tooLarge' })]);
  });
});

describe('what the writer puts in a bundle is always readable', () => {
  const read = OCR_PAGE as Extract<StoredPageOcr, { status: 'read' }>;

  it('keeps a page that fits as it is', () => {
    const entry: PageEntry = { text: 'x', state: 'ocr', ocr: read, annotations: [{ kind: 'comment', text: 'y' }] };
    expect(exportablePage(entry)).toEqual({ entry, dropped: [] });
  });

  it('leaves out OCR the reader would refuse, keeping the OCR text and the annotations', () => {
    const huge = { ...read, words: Array.from({ length: PAGE_CAPS.words + 1 }, () => read.words[0]!) };
    const out = exportablePage({ text: 'Declaró', state: 'ocr', ocr: huge, annotations: [{ kind: 'comment', text: 'y' }] });
    expect(out).toEqual({ entry: { text: 'Declaró', state: 'ocr', annotations: [{ kind: 'comment', text: 'y' }] }, dropped: ['ocr'] });
    expect(pageEntrySchema.safeParse(out.entry).success).toBe(true);
    // A stale failure on a page that was read again as text.
    const stale = exportablePage({ text: 'now text', state: 'text', ocr: { status: 'failed', reason: 'no-text', message: '', provenance: null, at: 1 } });
    expect(stale).toEqual({ entry: { text: 'now text', state: 'text' }, dropped: ['ocr'] });
  });

  it('a page read by OCR may come without its words: its text is kept, nothing is refused', async () => {
    const r = await readWith((p) => { delete p[0]!.ocr; });
    expect(r.code).toBe('ok');
  });
});
