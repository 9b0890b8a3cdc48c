import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** One entry of `page.getTextContent().items`: text runs and marked-content markers. */
export type TextContentItem = TextItem | TextMarkedContent;

/** A gap wider than this share of the font size between two runs on one line is a space. */
const SPACE_GAP_RATIO = 0.15;
/** A baseline that moves more than this share of the font size starts a new line. */
const NEW_LINE_RATIO = 0.6;

const HYPHENS = '\\-\\u2010\\u00AD'; // hyphen-minus, hyphen, soft hyphen

function isTextItem(item: TextContentItem): item is TextItem {
  return typeof (item as TextItem).str === 'string';
}

function fontSize(item: TextItem): number {
  const [a = 0, b = 0] = item.transform as number[];
  return Math.hypot(a, b) || item.height || 1;
}

/**
 * What to put between the previous run and this one when pdf.js did not mark an end of
 * line: pdf.js adds spaces it can infer itself, but runs placed apart by positioning
 * alone (table cells, justified text written word by word) arrive glued together.
 */
function separator(prev: TextItem, item: TextItem): string {
  if (prev.dir !== 'ltr' || item.dir !== 'ltr') return ''; // vertical and RTL: trust pdf.js
  if (!prev.str || !item.str || /\s$/.test(prev.str) || /^\s/.test(item.str)) return '';
  const size = Math.max(fontSize(prev), fontSize(item));
  const [, , , , prevX = 0, prevY = 0] = prev.transform as number[];
  const [, , , , x = 0, y = 0] = item.transform as number[];
  if (Math.abs(y - prevY) > size * NEW_LINE_RATIO) return '\n';
  const gap = x - (prevX + prev.width);
  // A run that starts well left of where the last one ended is another column or line.
  if (gap < -size) return ' ';
  return gap > size * SPACE_GAP_RATIO ? ' ' : '';
}

/**
 * Joins a page's text runs into plain text, one line per text line: runs are separated
 * as pdf.js's `hasEOL` and their geometry say; then `cleanText`.
 */
export function normalisePageText(items: readonly TextContentItem[]): string {
  let raw = '';
  let prev: TextItem | null = null;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    if (prev && !prev.hasEOL) raw += separator(prev, item);
    raw += item.str;
    if (item.hasEOL) raw += '\n';
    // Empty runs only carry line breaks; keep measuring gaps from the last real one.
    if (item.str || item.hasEOL) prev = item;
  }
  return cleanText(raw);
}

/**
 * The text normalisation every stored page goes through:
 * 1. NFKC, so ligatures ('ﬁ' → 'fi') and full-width forms become plain letters;
 * 2. control characters dropped (pdf.js yields U+0000 for unmapped glyphs);
 * 3. a word hyphenated across a line break is joined — 'exam-\nple' → 'example' when
 *    the continuation is lowercase; 'Jean-\nPierre' keeps its hyphen but not the break;
 * 4. soft hyphens elsewhere dropped, runs of spaces collapsed to one, lines trimmed,
 *    empty lines removed.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '')
    .replace(new RegExp(`(\\p{L})[${HYPHENS}][ \\t]*\\n\\s*(\\p{Ll})`, 'gu'), '$1$2')
    .replace(new RegExp(`(\\p{L})[${HYPHENS}][ \\t]*\\n\\s*(?=[\\p{L}\\p{N}])`, 'gu'), '$1-')
    .replace(/\u00AD/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Characters that count as text when deciding whether a page has a text layer. */
export function countTextChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}
