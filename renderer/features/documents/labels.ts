import type { DocumentExtraction, Reliability } from '../../../shared/model';
import type { ExtractionState } from '../../../shared/pdf/types';
import type { Translator } from '../../i18n/useT';

/** The list filter groups the two password states: to the user both mean "locked". */
export type StateFilter = '' | 'extracted' | 'needs-ocr' | 'password' | 'damaged' | 'timed-out';
export const STATE_FILTERS: readonly Exclude<StateFilter, ''>[] = ['extracted', 'needs-ocr', 'password', 'damaged', 'timed-out'];

export function statesFor(filter: StateFilter): ExtractionState[] | undefined {
  if (filter === '') return undefined;
  return filter === 'password' ? ['password-required', 'password-wrong'] : [filter];
}

export const isLocked = (state: ExtractionState) => state === 'password-required' || state === 'password-wrong';

/** "12 pages", "Needs OCR", "Password required", "Damaged", "Timed out". */
export function stateBadge(t: Translator, extraction: Pick<DocumentExtraction, 'state' | 'pageCount'>): string {
  if (extraction.state === 'extracted') {
    return t(extraction.pageCount === 1 ? 'documents.state.extracted.one' : 'documents.state.extracted.other', { count: extraction.pageCount });
  }
  return t(`documents.state.${extraction.state}`);
}

/** CSS modifier: calm for text, amber for what needs the user, red for what cannot be read. */
export function stateTone(state: ExtractionState): 'ok' | 'warn' | 'bad' {
  if (state === 'extracted') return 'ok';
  return state === 'damaged' ? 'bad' : 'warn';
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
