/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a double quote, CR or LF (quotes inside doubled).
 *
 * Spreadsheets run a text cell that starts with = + - @ (or a tab or CR, which
 * they strip first) as a formula: "CSV injection". Text cells starting so get a
 * leading apostrophe, as OWASP advises; cells we produce from numbers are never
 * touched, so a longitude of -74.2 stays a number.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvText(value);
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Excel reads a UTF-8 CSV as the system's legacy code page unless it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
