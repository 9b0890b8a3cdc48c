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

/** The runs' text as pdf.js gives it, space-separated: what classifying the text layer measures. */
export function rawPageText(items: readonly TextContentItem[]): string {
  let raw = '';
  for (const item of items) if (isTextItem(item)) raw += `${item.str} `;
  return raw;
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
 * C0 control codes between two visible characters: fonts without a Unicode map often give
 * their space glyph a control code (U+0003 in Identity-H subsets), and dropping it runs the
 * words together ("OverviewoftheTechnologyAcceptanceModel"). Elsewhere they are dropped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_WORD_SPACE = /(?<=[^\s\u0000-\u001F])[\u0000-\u0008\u000E-\u001F]+(?=[^\s\u0000-\u001F])/g;

/** Control codes a font uses as its word space become spaces; see CONTROL_WORD_SPACE. */
export function spaceControlCodes(text: string): string {
  return text.replace(CONTROL_WORD_SPACE, ' ');
}

/**
 * First parts that make real compounds in English ("well-known", "self-defence",
 * "non-violent"): a line-end hyphen after one of them is kept. Only parts that are not
 * also ordinary hyphenation points: "so-cial", "pre-vious", "ex-ample", "low-er" are words
 * broken at the line end, so "so", "pre", "ex", "low" are not listed.
 */
const COMPOUND_FIRST = new Set([
  'well', 'self', 'non', 'half', 'anti', 'cross', 'multi', 'semi', 'quasi', 'mid', 'best', 'worst', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
]);
/** Endings that are never a compound's second part: "self-ish", "well-ness" are broken words. */
const SUFFIX = /^(?:er|ers|est|ly|ness|ish|ing|ings|ed|ary|ous|ment|ments|ity|ies|ism|ist|ists|ion|ions|al|ance|ence|able|ible)$/;
const ACUTE = /[áéíóúÁÉÍÓÚ]/;
const LINE_END_HYPHEN = new RegExp(`(\\p{L}+)[${HYPHENS}][ \\t]*\\n\\s*(\\p{Ll}\\p{L}*)`, 'gu');

/**
 * Whether "first-⏎second" is one word broken at the line end (join: "narco-⏎tráfico" →
 * "narcotráfico") or a compound that keeps its hyphen ("well-⏎known" → "well-known").
 * The page itself is the best witness: either form written on one line elsewhere decides.
 * Otherwise known compound first parts keep the hyphen ("well", "self", "non"), and so
 * do Spanish adjective compounds ("político-militar"). `page` is the page's text in lower case.
 */
function joinsAcrossLine(first: string, second: string, page: string): boolean {
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  const seen = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(page);
  if (seen(`${a}[${HYPHENS}]${b}`)) return false;
  if (seen(`${a}${b}`) || SUFFIX.test(b)) return true;
  if (COMPOUND_FIRST.has(a)) return false;
  // Spanish compounds of adjectives: the first is a whole word with its written accent
  // ("político-militar", "económico-social"); a word never carries two accents.
  if (ACUTE.test(first) && (/ic[oa]$/.test(a) || ACUTE.test(second))) return false;
  return true;
}

/**
 * The text normalisation every stored page goes through:
 * 1. NFKC, so ligatures ('ﬁ' → 'fi') and full-width forms become plain letters;
 * 2. control codes between words become spaces (spaceControlCodes), other control
 *    characters are dropped (pdf.js yields U+0000 for unmapped glyphs);
 * 3. a word hyphenated across a line break with a lowercase continuation is joined
 *    ('exam-\nple' → 'example') unless it is likelier a compound (joinsAcrossLine:
 *    'well-\nknown' → 'well-known'); before a capital or digit the hyphen stays but the
 *    break goes ('Jean-\nPierre' → 'Jean-Pierre');
 * 4. soft hyphens elsewhere dropped, runs of spaces collapsed to one, lines trimmed,
 *    empty lines removed.
 */
export function cleanText(text: string): string {
  const plain = spaceControlCodes(text.normalize('NFKC').replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n'))
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '');
  const lower = plain.toLowerCase();
  return plain
    .replace(LINE_END_HYPHEN, (whole, first: string, second: string) =>
      whole.includes('\u00AD') || joinsAcrossLine(first, second, lower) ? `${first}${second}` : `${first}-${second}`)
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
