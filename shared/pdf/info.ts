import type { PdfInfo } from './types';

/** What `PDFDocumentProxy.getMetadata()` resolves to, reduced to what we read. */
export interface RawMetadata {
  info: object;
  metadata: { get(name: string): unknown } | null;
}

function text(value: unknown): string {
  // XMP lists (several dc:creator entries) come back as arrays.
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  return typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/g, ' ').trim() : '';
}

/**
 * The day of a PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`), as `YYYY-MM-DD`. The time
 * and offset are dropped: a source's day is what a citation needs, and shifting by the
 * offset would move dates written at local midnight to another day.
 */
export function pdfDateDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return null;
  const [, y = '', m = '01', d = '01'] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // e.g. 31 February
  return `${y}-${m}-${d}`;
}

/** XMP (Dublin Core) wins over the older info dictionary when both are present. */
export function readPdfInfo({ info, metadata }: RawMetadata): PdfInfo {
  const dict = info as Record<string, unknown>;
  const xmp = (name: string): string => {
    try {
      return text(metadata?.get(name));
    } catch {
      return '';
    }
  };
  return {
    title: xmp('dc:title') || text(dict.Title),
    author: xmp('dc:creator') || text(dict.Author),
    subject: xmp('dc:description') || text(dict.Subject),
    keywords: text(dict.Keywords),
    creator: text(dict.Creator),
    producer: text(dict.Producer),
    creationDay: pdfDateDay(dict.CreationDate),
    language: text(dict.Language),
  };
}
