import { assemblePage } from './assemble';
import type { TsvWord } from './tsv';
import type { OcrPageResult, OcrProvenance } from './types';

export interface PageFacts {
  page: number;
  /** Page size in points as displayed. */
  width: number;
  height: number;
  durationMs: number;
  timings?: { renderMs: number; recognizeMs: number };
}

export interface EngineReading {
  words: readonly TsvWord[];
  /** Pixels per point of the image the engine read. */
  scale: number;
  dpi: number;
  version: string;
  languages: readonly string[];
}

/**
 * The page's result from what the engine read. A page that holds an image (or any ink) but gives
 * no words is a failure ('no-text'), never blank: a scan that could not be read must stay visible
 * as such. Only a page with nothing on it is 'blank'.
 */
export function pageResult(facts: PageFacts, hasContent: boolean, reading: EngineReading): OcrPageResult {
  const assembled = assemblePage(reading.words, reading.scale);
  const provenance: OcrProvenance = {
    engine: 'tesseract.js',
    version: reading.version,
    languages: [...reading.languages],
    confidence: assembled.confidence,
    rotation: assembled.rotation,
    dpi: reading.dpi,
  };
  if (assembled.words.length > 0) {
    return { ...facts, status: 'read', text: assembled.text, words: assembled.words, lines: assembled.lines, provenance };
  }
  if (!hasContent) return { ...facts, status: 'blank' };
  return { ...facts, status: 'failed', reason: 'no-text', message: 'OCR found no text on this page.', provenance };
}

const MESSAGES = {
  'timed-out': (s: number) => `OCR stopped after ${s} s: this page takes too long to read.`,
  'render-failed': () => 'This page could not be drawn for OCR.',
  'engine-failed': () => 'The OCR engine failed on this page.',
} as const;

/** A page the engine did not finish: stopped by the time limit, unrenderable, or an engine error. */
export function failedPage(
  facts: PageFacts,
  reason: keyof typeof MESSAGES,
  detail?: { timeoutMs?: number; message?: string },
): OcrPageResult {
  const base = MESSAGES[reason](Math.round((detail?.timeoutMs ?? 0) / 100) / 10);
  return { ...facts, status: 'failed', reason, message: detail?.message ? `${base} (${detail.message})` : base, provenance: null };
}

/** Tesseract's language string ('spa+eng') as a list, rejecting anything but language codes. */
export function parseLanguages(languages: string): string[] {
  const list = languages.split('+').map((l) => l.trim()).filter(Boolean);
  if (list.length === 0 || list.some((l) => !/^[a-z]{3}(_[a-z]+)?$/.test(l))) throw new Error(`Invalid OCR languages "${languages}"`);
  return list;
}
