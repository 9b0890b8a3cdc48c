import type { ExtractionState } from '../shared/pdf/types';

/** What the child process reports for one file. */
export type ChildReport =
  | { kind: 'result'; state: ExtractionState; pageCount: number; chars: number; durationMs: number; message: string }
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
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const num = (value: number, width: number) => String(value).padStart(width);

export function formatRow(row: Row, nameWidth: number): string {
  return [pad(row.file, nameWidth), pad(row.outcome, 17), num(row.pageCount, 6), num(row.chars, 9), num(Math.round(row.ms), 8), ` ${row.message.replace(/\s+/g, ' ').slice(0, 90)}`].join('  ');
}

export function formatHeader(nameWidth: number): string {
  return [pad('file', nameWidth), pad('state', 17), 'pages'.padStart(6), 'chars'.padStart(9), 'ms'.padStart(8), ' message'].join('  ');
}

export function summarise(rows: Row[], wallMs: number): { lines: string[]; failures: number } {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  const classified = rows.filter((row) => (STATES as readonly string[]).includes(row.outcome));
  const pages = classified.reduce((n, row) => n + row.pageCount, 0);
  const extractMs = classified.reduce((n, row) => n + row.ms, 0);
  const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
  const failures = rows.length - classified.length;
  const lines = [
    `${rows.length} files in ${(wallMs / 1000).toFixed(1)} s: ${[...counts].map(([state, n]) => `${state} ${n}`).join(', ')}`,
    `${pages} pages read at ${extractMs > 0 ? Math.round((pages / extractMs) * 1000) : 0} pages/s of extraction time`,
    slowest ? `slowest: ${slowest.file} (${slowest.outcome}, ${Math.round(slowest.ms)} ms)` : 'slowest: -',
    failures ? `FAILED: ${failures} file(s) crashed, hung or were not classified` : 'OK: every file classified, no crash, no hang',
  ];
  return { lines, failures };
}
