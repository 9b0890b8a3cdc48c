/**
 * What `npm run check:pdfs -- --ocr` prints about OCR: per file, the pages that needed it and
 * what OCR made of them; then the folder summed up. Pure, so it is unit-tested.
 */

/** One page's OCR as the harness reports it (tests/bench/ocrPage.ts OcrBenchPage, the parts used). */
export interface OcrPageOutcome {
  page: number;
  status: 'read' | 'blank' | 'failed';
  reason?: string;
  /** Visible characters of the text OCR recovered (countTextChars). */
  chars: number;
  words: number;
  confidence: number | null;
  ms: number;
}

export interface OcrFileOutcome {
  file: string;
  /** Pages that needed OCR, as extraction classified them. */
  asked: number[];
  pages: OcrPageOutcome[];
  /** Set when the file could not be OCR'd at all (not opened, the browser gave up). */
  error?: string;
  ms: number;
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const num = (value: number | string, width: number) => String(value).padStart(width);

/** "no-text 2, timed-out 1". */
function reasons(pages: readonly OcrPageOutcome[]): string {
  const counts = new Map<string, number>();
  for (const p of pages) if (p.status === 'failed') counts.set(p.reason ?? 'failed', (counts.get(p.reason ?? 'failed') ?? 0) + 1);
  return [...counts].map(([r, n]) => `${r} ${n}`).join(', ');
}

/** Mean confidence of the pages read, weighted by their characters (as the engine weights words). */
function meanConfidence(pages: readonly OcrPageOutcome[]): number | null {
  const read = pages.filter((p) => p.status === 'read' && p.confidence !== null && p.chars > 0);
  const chars = read.reduce((n, p) => n + p.chars, 0);
  return chars > 0 ? read.reduce((n, p) => n + p.confidence! * p.chars, 0) / chars : null;
}

export function formatOcrHeader(nameWidth: number): string {
  return [pad('file', nameWidth), 'asked'.padStart(5), 'read'.padStart(5), 'failed'.padStart(6), 'blank'.padStart(5),
    'chars'.padStart(8), 'words'.padStart(6), 'conf'.padStart(5), 'ms'.padStart(8), ' failures'].join('  ');
}

export function formatOcrRow(row: OcrFileOutcome, nameWidth: number): string {
  const count = (status: OcrPageOutcome['status']) => row.pages.filter((p) => p.status === status).length;
  const conf = meanConfidence(row.pages);
  return [
    pad(row.file, nameWidth), num(row.asked.length, 5), num(count('read'), 5), num(count('failed'), 6), num(count('blank'), 5),
    num(row.pages.reduce((n, p) => n + p.chars, 0), 8), num(row.pages.reduce((n, p) => n + p.words, 0), 6),
    num(conf === null ? '-' : Math.round(conf), 5), num(Math.round(row.ms), 8),
    ` ${row.error ? `not OCR'd: ${row.error.replace(/\s+/g, ' ').slice(0, 80)}` : reasons(row.pages)}`,
  ].join('  ');
}

export function summariseOcr(rows: readonly OcrFileOutcome[], wallMs: number): string[] {
  const pages = rows.flatMap((r) => r.pages);
  const asked = rows.reduce((n, r) => n + r.asked.length, 0);
  const read = pages.filter((p) => p.status === 'read');
  const failed = pages.filter((p) => p.status === 'failed');
  const blank = pages.filter((p) => p.status === 'blank');
  const chars = read.reduce((n, p) => n + p.chars, 0);
  const conf = meanConfidence(pages);
  const withText = rows.filter((r) => r.pages.some((p) => p.status === 'read' && p.chars > 0));
  const broken = rows.filter((r) => r.error);
  const pageMs = pages.reduce((n, p) => n + p.ms, 0);
  return [
    `OCR: ${asked} page${asked === 1 ? '' : 's'} needing OCR in ${rows.length} file${rows.length === 1 ? '' : 's'}, ${(wallMs / 1000).toFixed(1)} s (browser start-up included)`,
    `pages read ${read.length}, failed ${failed.length}${failed.length ? ` (${reasons(failed)})` : ''}, blank ${blank.length}${broken.length ? `, files not OCR'd ${broken.length}` : ''}`,
    `recovered ${chars} characters (${read.reduce((n, p) => n + p.words, 0)} words) in ${withText.length} of ${rows.length} files; mean confidence ${conf === null ? '-' : `${Math.round(conf)}%`}`,
    `${pageMs > 0 && pages.length ? `${Math.round(pageMs / pages.length)} ms a page in the OCR worker` : 'no page OCR\'d'}`,
  ];
}
