import type { ExtractionState, PageState, TextLayer } from '../shared/pdf/types';

/** Pages per state in one file. */
export type PageCounts = Partial<Record<PageState, number>>;
export const PAGE_STATES: readonly PageState[] = ['text', 'junk-text', 'image-only', 'blank', 'drawing', 'unreadable', 'ocr'];
const SHORT: Record<PageState, string> = { text: 'text', 'junk-text': 'junk', 'image-only': 'image', blank: 'blank', drawing: 'drawing', unreadable: 'unreadable', ocr: 'ocr' };
export const TEXT_LAYERS: readonly TextLayer[] = ['text', 'partly-scanned', 'scanned', 'no-text'];

/** What the child process reports for one file. */
export type ChildReport =
  | {
    kind: 'result'; state: ExtractionState; pageCount: number; chars: number; durationMs: number; message: string;
    pageStates: PageCounts; layer: TextLayer | null; annotationChars: number; annotationPages: number;
    /** 1-based numbers of the pages that need OCR (image-only, junk text). */
    ocrPages: number[];
  }
  | { kind: 'error'; message: string };

/** The document states; anything else a child reports is "unclassified". */
export const STATES: readonly ExtractionState[] = ['extracted', 'needs-ocr', 'password-required', 'password-wrong', 'damaged', 'timed-out'];

/** Outcomes that fail the check: the app must classify every file, never crash or hang. */
export type Failure = 'crash' | 'hang' | 'unclassified';

export interface Row {
  file: string;
  outcome: ExtractionState | Failure;
  pageCount: number;
  chars: number;
  /** Extraction time reported by the child; wall time for failures. */
  ms: number;
  message: string;
  pageStates?: PageCounts;
  layer?: TextLayer | null;
  /** Characters of form-field and comment text, and the pages holding any. */
  annotationChars?: number;
  annotationPages?: number;
  ocrPages?: number[];
}

/** "text 3, image 2": the states present, in PAGE_STATES order. */
export function formatPageCounts(counts: PageCounts | undefined): string {
  return PAGE_STATES.filter((s) => counts?.[s]).map((s) => `${SHORT[s]} ${counts![s]}`).join(', ') || '-';
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const num = (value: number, width: number) => String(value).padStart(width);

export function formatRow(row: Row, nameWidth: number): string {
  return [
    pad(row.file, nameWidth), pad(row.outcome, 17), pad(row.layer ?? '-', 14), num(row.pageCount, 6), pad(formatPageCounts(row.pageStates), 24),
    num(row.chars, 9), num(row.annotationChars ?? 0, 7), num(Math.round(row.ms), 8), ` ${row.message.replace(/\s+/g, ' ').slice(0, 90)}`,
  ].join('  ');
}

export function formatHeader(nameWidth: number): string {
  return [
    pad('file', nameWidth), pad('state', 17), pad('text layer', 14), 'pages'.padStart(6), pad('pages by state', 24),
    'chars'.padStart(9), 'annot'.padStart(7), 'ms'.padStart(8), ' message',
  ].join('  ');
}

export function summarise(rows: Row[], wallMs: number): { lines: string[]; failures: number } {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  const classified = rows.filter((row) => (STATES as readonly string[]).includes(row.outcome));
  const pages = classified.reduce((n, row) => n + row.pageCount, 0);
  const extractMs = classified.reduce((n, row) => n + row.ms, 0);
  const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
  const failures = rows.length - classified.length;
  const pageTotals: PageCounts = {};
  for (const row of classified) for (const s of PAGE_STATES) if (row.pageStates?.[s]) pageTotals[s] = (pageTotals[s] ?? 0) + row.pageStates[s]!;
  const layers = TEXT_LAYERS.map((layer) => [layer, classified.filter((row) => row.layer === layer).length] as const).filter(([, n]) => n > 0);
  const withAnnotations = classified.filter((row) => (row.annotationChars ?? 0) > 0);
  const annotationChars = withAnnotations.reduce((n, row) => n + (row.annotationChars ?? 0), 0);
  const annotationPages = withAnnotations.reduce((n, row) => n + (row.annotationPages ?? 0), 0);
  const lines = [
    `${rows.length} files in ${(wallMs / 1000).toFixed(1)} s: ${[...counts].map(([state, n]) => `${state} ${n}`).join(', ')}`,
    `text layer of the files that opened: ${layers.map(([layer, n]) => `${layer} ${n}`).join(', ') || '-'}`,
    `pages by state: ${formatPageCounts(pageTotals)}; need OCR: ${(pageTotals['image-only'] ?? 0) + (pageTotals['junk-text'] ?? 0)}`,
    `form-field and comment text: ${annotationChars} characters on ${annotationPages} pages in ${withAnnotations.length} files`,
    `${pages} pages read at ${extractMs > 0 ? Math.round((pages / extractMs) * 1000) : 0} pages/s of extraction time`,
    slowest ? `slowest: ${slowest.file} (${slowest.outcome}, ${Math.round(slowest.ms)} ms)` : 'slowest: -',
    failures ? `FAILED: ${failures} file(s) crashed, hung or were not classified` : 'OK: every file classified, no crash, no hang',
  ];
  return { lines, failures };
}
