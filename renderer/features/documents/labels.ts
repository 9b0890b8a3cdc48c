import type { DocumentExtraction, Reliability } from '../../../shared/model';
import { textLayerOf } from '../../../shared/model';
import type { ExtractionState } from '../../../shared/pdf/types';
import type { DocumentTextState } from '../../db/derive';
import type { Translator } from '../../i18n/useT';

/**
 * The list filter: what the pages add up to for files that opened ("needs OCR" is
 * partly scanned and scanned together), and the two password states grouped, since to
 * the user both mean "locked".
 */
export type StateFilter = '' | 'text' | 'needs-ocr' | 'partly-scanned' | 'scanned' | 'no-text' | 'password' | 'damaged' | 'timed-out';
export const STATE_FILTERS: readonly Exclude<StateFilter, ''>[] = [
  'text', 'needs-ocr', 'partly-scanned', 'scanned', 'no-text', 'password', 'damaged', 'timed-out',
];

export function textStatesFor(filter: StateFilter): DocumentTextState[] | undefined {
  if (filter === '') return undefined;
  if (filter === 'password') return ['password-required', 'password-wrong'];
  if (filter === 'needs-ocr') return ['partly-scanned', 'scanned'];
  return [filter];
}

export const isLocked = (state: ExtractionState) => state === 'password-required' || state === 'password-wrong';

type BadgeFields = Pick<DocumentExtraction, 'state' | 'pageCount' | 'textLayer' | 'ocrPages'>;

/** "12 pages", "Partly scanned", "Scanned", "No text", "Password required", "Damaged", "Timed out". */
export function stateBadge(t: Translator, extraction: BadgeFields): string {
  const summary = textLayerOf(extraction);
  if (!summary) return t(`documents.state.${extraction.state as Exclude<ExtractionState, 'extracted' | 'needs-ocr'>}`);
  if (summary.layer === 'text') {
    return t(extraction.pageCount === 1 ? 'documents.state.extracted.one' : 'documents.state.extracted.other', { count: extraction.pageCount });
  }
  return t(`documents.state.${summary.layer}`);
}

/** CSS modifier: calm for text (or nothing to read), amber for what needs the user or OCR, red for what cannot be read. */
export function stateTone(extraction: BadgeFields): 'ok' | 'warn' | 'bad' {
  const summary = textLayerOf(extraction);
  if (summary) return summary.layer === 'text' || summary.layer === 'no-text' ? 'ok' : 'warn';
  return extraction.state === 'damaged' ? 'bad' : 'warn';
}

/** Page numbers as short ranges: [2, 5, 6, 7] → "2, 5–7". */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const start = pages[i]!;
    let end = start;
    while (pages[i + 1] === end + 1) end = pages[++i]!;
    out.push(end > start ? `${start}–${end}` : String(start));
  }
  return out.join(', ');
}

export const reliabilityLabel = (t: Translator, grade: Reliability) => t(`documents.reliability.${grade}`);

export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024);
  const [value, unit] = mb >= 1 ? [mb, 'megabyte'] : [Math.max(bytes / 1024, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export function formatDay(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(ms);
}
