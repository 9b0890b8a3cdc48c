import { z } from 'zod';
import { idSchema } from '../model';
import type { StoredPageOcr } from '../ocr/stored';
import { legacyPageState } from '../pdf/pageState';
import { MAX_ANNOTATIONS_PER_PAGE, MAX_ANNOTATION_TEXT } from '../pdf/annotations';
import type { PageAnnotation, PageState } from '../pdf/types';

/**
 * What a bundle carries of each page (format version 2): its text, what the page is, the
 * form-field and comment text apart from it, and its OCR — words, boxes, confidence and
 * provenance — so an importer neither redoes OCR nor loses form and comment text. The shape
 * is the page row's (renderer/db PageRow) without its keys.
 *
 * Everything here comes from a stranger, so it is validated strictly (no unknown keys) and
 * with caps on every list and string. The counts are checked before the schema runs
 * (`pagesTooLarge`), so an entry of a million words is refused without parsing each one.
 */
export interface PageEntry {
  text: string;
  state: PageState;
  annotations?: PageAnnotation[];
  ocr?: StoredPageOcr;
}

/** One document's pages, page 1 first. */
export interface DocumentPages {
  documentId: string;
  pages: PageEntry[];
}

/**
 * Well above what Casefile itself writes (extraction keeps at most MAX_ANNOTATIONS_PER_PAGE
 * annotations of MAX_ANNOTATION_TEXT characters; a dense newspaper page OCRs to ~5,000 words),
 * so a genuine bundle is never refused; `exportablePage` guarantees it for the writer.
 */
export const PAGE_CAPS = {
  pages: 20_000,
  text: 2_000_000,
  annotations: 2 * MAX_ANNOTATIONS_PER_PAGE,
  annotationText: 10 * MAX_ANNOTATION_TEXT,
  label: MAX_ANNOTATION_TEXT,
  words: 20_000,
  lines: 10_000,
  wordText: 1_000,
  message: 2_000,
  languages: 10,
} as const;

const PAGE_STATES = ['text', 'junk-text', 'image-only', 'blank', 'drawing', 'unreadable', 'ocr'] as const satisfies readonly PageState[];
const FAILURE_REASONS = ['no-text', 'timed-out', 'render-failed', 'engine-failed'] as const;

const coordinate = z.number().finite().min(-1e6).max(1e6);
const extent = z.number().finite().min(0).max(1e6);
const boxSchema = z.strictObject({ x: coordinate, y: coordinate, width: extent, height: extent });
const index = z.number().int().min(0).max(PAGE_CAPS.words);
const percent = z.number().finite().min(0).max(100);
const time = z.number().int().min(0).max(8.64e15);

const provenanceSchema = z.strictObject({
  engine: z.literal('tesseract.js'),
  version: z.string().min(1).max(50),
  languages: z.array(z.string().regex(/^[a-z][a-z_]{1,15}$/)).min(1).max(PAGE_CAPS.languages),
  confidence: percent,
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  dpi: z.number().finite().min(1).max(2_400),
});

const wordSchema = z.strictObject({ text: z.string().max(PAGE_CAPS.wordText), box: boxSchema, confidence: percent, line: index });
const lineSchema = z.strictObject({ box: boxSchema, firstWord: index, wordCount: index, paragraph: index });

const readSchema = z.strictObject({
  status: z.literal('read'),
  words: z.array(wordSchema).max(PAGE_CAPS.words),
  lines: z.array(lineSchema).max(PAGE_CAPS.lines),
  provenance: provenanceSchema,
  width: extent,
  height: extent,
  at: time,
}).superRefine(({ words, lines }, ctx) => {
  // Indexes must stay inside the page's own lists: the viewer follows them.
  const badWord = words.findIndex((w) => w.line >= lines.length);
  if (badWord >= 0) ctx.addIssue({ code: 'custom', message: 'bundle.ocrIndex', path: ['words', badWord, 'line'] });
  const badLine = lines.findIndex((l) => l.firstWord + l.wordCount > words.length);
  if (badLine >= 0) ctx.addIssue({ code: 'custom', message: 'bundle.ocrIndex', path: ['lines', badLine] });
});

const failedSchema = z.strictObject({
  status: z.literal('failed'),
  reason: z.enum(FAILURE_REASONS),
  message: z.string().max(PAGE_CAPS.message),
  provenance: provenanceSchema.nullable(),
  at: time,
});

const annotationSchema = z.strictObject({
  kind: z.enum(['form-field', 'comment']),
  label: z.string().max(PAGE_CAPS.label).optional(),
  text: z.string().max(PAGE_CAPS.annotationText),
});

export const pageEntrySchema = z.strictObject({
  text: z.string().max(PAGE_CAPS.text),
  state: z.enum(PAGE_STATES),
  annotations: z.array(annotationSchema).max(PAGE_CAPS.annotations).optional(),
  ocr: z.discriminatedUnion('status', [readSchema, failedSchema]).optional(),
}).superRefine(({ state, ocr }, ctx) => {
  if (!ocrFitsState(state, ocr)) ctx.addIssue({ code: 'custom', message: 'bundle.ocrState', path: ['ocr'] });
});

/**
 * Words go with a page read by OCR (state 'ocr'); a failure with a page still waiting for OCR
 * ('image-only', 'junk-text'), as the OCR runner writes them. A page of state 'ocr' may come
 * without its words (its text is still the OCR text; only the viewer's layer is missing).
 */
export function ocrFitsState(state: PageState, ocr: { status: 'read' | 'failed' } | undefined): boolean {
  if (!ocr) return true;
  return ocr.status === 'read' ? state === 'ocr' : state === 'image-only' || state === 'junk-text';
}

export const documentPagesSchema = z.strictObject({
  documentId: idSchema,
  pages: z.array(pageEntrySchema).max(PAGE_CAPS.pages),
});

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const field = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined);

/**
 * The first list over its cap, as a field path, before any schema work: a hostile entry of
 * a million pages or words is refused after counting, not after validating each element.
 */
export function pagesTooLarge(input: unknown): string | null {
  const pages = field(input, 'pages');
  if (count(pages) > PAGE_CAPS.pages) return 'pages';
  if (!Array.isArray(pages)) return null;
  for (let i = 0; i < pages.length; i++) {
    const ocr = field(pages[i], 'ocr');
    if (count(field(pages[i], 'annotations')) > PAGE_CAPS.annotations) return `pages.${i}.annotations`;
    if (count(field(ocr, 'words')) > PAGE_CAPS.words) return `pages.${i}.ocr.words`;
    if (count(field(ocr, 'lines')) > PAGE_CAPS.lines) return `pages.${i}.ocr.lines`;
  }
  return null;
}

/** Pages of a version-1 bundle (text only), as version 2 has them: states from the document's extraction state. */
export function entriesFromTexts(texts: readonly string[], documentState: string): PageEntry[] {
  const state = legacyPageState(documentState);
  return texts.map((text) => ({ text, state }));
}

/**
 * A page as the writer puts it in a bundle: one the reader accepts, always. A row whose OCR
 * does not fit its state or the caps is carried without that OCR (then without annotations),
 * rather than making the whole export unreadable; `dropped` says what was left out.
 */
export function exportablePage(entry: PageEntry): { entry: PageEntry; dropped: ('ocr' | 'annotations' | 'text')[] } {
  if (pageEntrySchema.safeParse(entry).success) return { entry, dropped: [] };
  const { ocr: _o, ...withoutOcr } = entry;
  if (entry.ocr && pageEntrySchema.safeParse(withoutOcr).success) return { entry: withoutOcr, dropped: ['ocr'] };
  const { annotations: _a, ...bare } = withoutOcr;
  const dropped: ('ocr' | 'annotations' | 'text')[] = [...(entry.ocr ? ['ocr' as const] : []), ...(entry.annotations ? ['annotations' as const] : [])];
  if (pageEntrySchema.safeParse(bare).success) return { entry: bare, dropped };
  return { entry: { text: entry.text.slice(0, PAGE_CAPS.text), state: PAGE_STATES.includes(entry.state) ? entry.state : 'text' }, dropped: [...dropped, 'text'] };
}
