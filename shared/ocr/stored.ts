import type { OcrFailureReason, OcrLine, OcrPageResult, OcrProvenance, OcrWord } from './types';

/**
 * What a page row keeps of its OCR (renderer/db PageRow.ocr), and what a case bundle carries
 * of it. A page read by OCR has state 'ocr' and its row's `text` is `result.text`, so search,
 * mentions, snippets and citations treat it as any page; the words and their boxes (PDF points
 * at scale 1, origin top-left of the page as displayed) let the viewer lay a selectable text
 * layer over the image. A failed page keeps its state ('image-only' / 'junk-text') and says
 * why here, so the UI shows a failure, never a blank page.
 */
export type StoredPageOcr =
  | {
      status: 'read';
      words: OcrWord[];
      lines: OcrLine[];
      provenance: OcrProvenance;
      /** Page size in points as displayed, the frame of the word boxes. */
      width: number;
      height: number;
      /** When it was read (ms since the epoch). */
      at: number;
    }
  | {
      status: 'failed';
      reason: OcrFailureReason;
      message: string;
      provenance: OcrProvenance | null;
      at: number;
    };

/** The stored form of one page's OCR result; null for a blank page (nothing to keep). */
export function storedPageOcr(result: OcrPageResult, at: number): StoredPageOcr | null {
  if (result.status === 'blank') return null;
  if (result.status === 'failed') {
    return { status: 'failed', reason: result.reason, message: result.message, provenance: result.provenance, at };
  }
  return { status: 'read', words: result.words, lines: result.lines, provenance: result.provenance, width: result.width, height: result.height, at };
}
