import { z } from 'zod';
import type { ExtractionResult, ExtractionState, PdfInfo, TextLayer, TextLayerSummary } from '../pdf/types';
import {
  V, approxDateSchema, caseIdsSchema, longText, newId, recordBaseSchema, requiredText, shortText, tagsSchema,
} from './common';

/**
 * Source reliability, after the HURIDOCS Events Standard Formats' reliability scale.
 * A grade of the source as a whole, not of any one claim in it.
 */
export const RELIABILITY_GRADES = [
  'highly_reliable', 'reliable', 'fairly_reliable', 'unreliable', 'highly_unreliable', 'unknown',
] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

/** Every state text extraction can end in (shared/pdf/types.ts); a stored document is always in one. */
export const EXTRACTION_STATES = [
  'extracted', 'needs-ocr', 'password-required', 'password-wrong', 'damaged', 'timed-out',
] as const satisfies readonly ExtractionState[];
// Compile-time check the other way round: a state added to ExtractionState must be listed here.
const _everyState: Exclude<ExtractionState, (typeof EXTRACTION_STATES)[number]> extends never ? true : never = true;
void _everyState;

/** A document's pages summed up (shared/pdf summarisePages). */
export const TEXT_LAYERS = ['text', 'partly-scanned', 'scanned', 'no-text'] as const satisfies readonly TextLayer[];
const _everyLayer: Exclude<TextLayer, (typeof TEXT_LAYERS)[number]> extends never ? true : never = true;
void _everyLayer;

export const PDF_MIME_TYPE = 'application/pdf';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A public host name (IDN TLDs arrive punycoded as xn--…) or an IPv4 address. */
const WEB_HOST = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})|\d{1,3}(?:\.\d{1,3}){3})$/i;
const webUrl = z.url({ protocol: /^https?$/, hostname: WEB_HOST });

const count = z.number({ error: V.invalidNumber }).int({ error: V.invalidNumber }).min(0, { error: V.negative });

/** Where the file came from on the web: empty, or an http(s) address with a real host. */
export const documentUrlSchema = z
  .string({ error: V.invalidUrl })
  .trim()
  .max(2_000, { error: V.tooLong })
  .refine((url) => url === '' || webUrl.safeParse(url).success, { error: V.invalidUrl });

/** What text extraction made of the file, without the text itself (that lives per page, apart). */
export const documentExtractionSchema = z.object({
  state: z.enum(EXTRACTION_STATES, { error: V.invalidChoice }),
  pageCount: count,
  /** Plain-words reason for the states other than 'extracted' (pdf.js's own message when 'damaged'). */
  message: longText(2_000),
  /** When the stored page texts were extracted; null when none are stored (locked, damaged, timed out). */
  extractedAt: count.nullable(),
  /** Characters of text over all pages, so lists can show "n pages, m characters" without reading pages. */
  characters: count,
  /**
   * The pages summed up, for documents that opened. Absent in documents and bundles
   * written before pages were classified: textLayerOf() reads those from `state`.
   */
  textLayer: z.enum(TEXT_LAYERS, { error: V.invalidChoice }).optional(),
  /** Pages that need OCR (image-only or junk text), alongside `textLayer`. */
  ocrPages: count.optional(),
  /** Characters of form-field and comment text over all pages (stored per page, apart from the page text). */
  annotationChars: count.optional(),
});
export type DocumentExtraction = z.infer<typeof documentExtractionSchema>;

/**
 * A source PDF's metadata. The bytes and the per-page text are stored apart from it,
 * keyed by `sha256` and by (id, page), so listing documents never reads either.
 */
export const documentSchema = recordBaseSchema.extend({
  /** SHA-256 of the file's bytes, lowercase hex: the file's identity in the library. */
  sha256: z.string({ error: V.invalidId }).regex(SHA256_HEX, { error: V.invalidId }),
  fileName: requiredText(500),
  byteLength: count,
  mimeType: z.literal(PDF_MIME_TYPE, { error: V.invalidChoice }),
  title: requiredText(500),
  author: shortText(300),
  publisher: shortText(300),
  publishedOn: approxDateSchema.nullable(),
  url: documentUrlSchema,
  /** As the source gives it or the user types it ("es", "Spanish"); not a closed list. */
  language: shortText(50),
  reliability: z.enum(RELIABILITY_GRADES, { error: V.invalidChoice }),
  notes: longText(),
  tags: tagsSchema,
  caseIds: caseIdsSchema,
  extraction: documentExtractionSchema,
});
export type SourceDocument = z.infer<typeof documentSchema>;

/** The fields a user edits; the rest belong to the file and its extraction. */
export const DOCUMENT_EDITABLE_FIELDS = [
  'title', 'author', 'publisher', 'publishedOn', 'url', 'language', 'reliability', 'notes', 'tags', 'caseIds',
] as const satisfies readonly (keyof SourceDocument)[];
export type DocumentMetadata = Pick<SourceDocument, (typeof DOCUMENT_EDITABLE_FIELDS)[number]>;

export interface DocumentFile {
  sha256: string;
  fileName: string;
  byteLength: number;
}

/** The file name without its extension, as a title of last resort ("informe-2003.pdf" → "informe-2003"). */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  const stem = base.replace(/\.[a-z0-9]{1,5}$/i, '').trim();
  return (stem || base || 'untitled').slice(0, 500);
}

// Titles that producers write for everything ("Microsoft Word - draft.doc", "Untitled", "Document1").
const FILE_LIKE = /\.(?:docx?|pdf|rtf|odt|pages|txt|xlsx?|pptx?|indd|tex|html?)$/i;
const PLACEHOLDER = /^(?:untitled(?:\s*document)?|sin\s+t[ií]tulo|new\s+document|document\s*\d*|documento\s*\d*|title|t[ií]tulo|none|null|unknown|\(anonymous\))$/i;

/** The PDF's own title when it says something, else null. */
export function meaningfulPdfTitle(title: string | null | undefined): string | null {
  const raw = (title ?? '').replace(/\s+/g, ' ').trim();
  const stripped = raw.replace(/^microsoft (?:word|powerpoint|excel)\s*-\s*/i, '').trim();
  if (stripped.length < 3 || !/\p{L}/u.test(stripped)) return null;
  if (PLACEHOLDER.test(stripped) || FILE_LIKE.test(stripped)) return null;
  return stripped.slice(0, 500);
}

/** Title for a newly added file: the PDF info's title if meaningful, else the file name without extension. */
export function defaultDocumentTitle(info: Pick<PdfInfo, 'title'> | null, fileName: string): string {
  return meaningfulPdfTitle(info?.title) ?? titleFromFileName(fileName);
}

/**
 * The pages summed up, or null for a document that did not open (locked, damaged, timed
 * out). A document stored before pages were classified: 'needs-ocr' meant every page
 * needs OCR, 'extracted' meant text.
 */
export function textLayerOf(extraction: Pick<DocumentExtraction, 'state' | 'pageCount' | 'textLayer' | 'ocrPages'>): TextLayerSummary | null {
  if (extraction.state !== 'extracted' && extraction.state !== 'needs-ocr') return null;
  if (extraction.textLayer) return { layer: extraction.textLayer, ocrPages: extraction.ocrPages ?? 0 };
  return extraction.state === 'needs-ocr' ? { layer: 'scanned', ocrPages: extraction.pageCount } : { layer: 'text', ocrPages: 0 };
}

/** The stored summary of an extraction result; the page texts are stored separately. */
export function documentExtractionFrom(result: ExtractionResult, now = Date.now()): DocumentExtraction {
  const hasText = result.state === 'extracted' || result.state === 'needs-ocr';
  const pageCount = Math.max(0, Math.floor(result.pageCount) || 0);
  const summary = hasText ? (result.textLayer ?? textLayerOf({ state: result.state, pageCount })) : null;
  return {
    state: result.state,
    pageCount,
    message: result.message.slice(0, 2_000),
    extractedAt: hasText ? now : null,
    characters: hasText ? result.pages.reduce((sum, text) => sum + text.length, 0) : 0,
    ...(summary ? { textLayer: summary.layer, ocrPages: summary.ocrPages } : {}),
    ...(hasText && result.annotations ? { annotationChars: result.annotations.flat().reduce((n, a) => n + a.text.length, 0) } : {}),
  };
}

/** A document with every field present, titled after the file, for the given file and extraction. */
export function blankDocument(file: DocumentFile, extraction: DocumentExtraction, now = Date.now()): SourceDocument {
  return {
    id: newId(), createdAt: now, updatedAt: now,
    sha256: file.sha256, fileName: file.fileName, byteLength: file.byteLength, mimeType: PDF_MIME_TYPE,
    title: titleFromFileName(file.fileName), author: '', publisher: '', publishedOn: null, url: '', language: '',
    reliability: 'unknown', notes: '', tags: [], caseIds: [], extraction,
  };
}
