import { foldText } from '../../../shared/text/fold';

/** One text item of a page as pdf.js gives it (the text layer draws one span per item). */
export interface PageTextItem {
  str: string;
  hasEOL?: boolean;
}

/** A stretch of one item's text to mark: UTF-16 offsets into `str`, end exclusive. `hit` numbers the occurrence on the page. */
export interface HitRange {
  item: number;
  start: number;
  end: number;
  hit: number;
}

interface Folded {
  text: string;
  /** For each folded character, the item and UTF-16 offset of the character it came from. */
  origin: Array<{ item: number; start: number; end: number } | null>;
}

const SPACE = /\s/u;

/**
 * The page's text folded character by character (shared/text/fold.ts: case, accents,
 * ligatures), remembering where each folded character came from. Runs of whitespace,
 * including item and line breaks, become one space, so a phrase split over two items or
 * two lines still matches.
 */
function foldItems(items: readonly PageTextItem[]): Folded {
  let text = '';
  const origin: Folded['origin'] = [];
  const space = (at: Folded['origin'][number]) => {
    if (text !== '' && !text.endsWith(' ')) { text += ' '; origin.push(at); }
  };
  items.forEach((item, index) => {
    let offset = 0;
    for (const char of item.str) {
      const at = { item: index, start: offset, end: offset + char.length };
      offset += char.length;
      if (SPACE.test(char)) { space(at); continue; }
      for (const folded of foldText(char)) { text += folded; origin.push(at); }
    }
    if (item.hasEOL) space(null);
  });
  return { text, origin };
}

/** A search term folded the same way; blank terms are dropped. */
export function foldTerm(term: string): string {
  return foldText(term).replace(/\s+/gu, ' ').trim();
}

/**
 * Every occurrence of any of the terms in the page's text, accent- and case-insensitive,
 * as ranges of the items to mark (an occurrence over two items gives two ranges with the
 * same `hit`). Ranges come sorted by item and offset; overlapping occurrences of
 * different terms are merged.
 */
export function findHits(items: readonly PageTextItem[], terms: readonly string[]): HitRange[] {
  const needles = [...new Set(terms.map(foldTerm).filter((t) => t !== ''))];
  if (needles.length === 0 || items.length === 0) return [];
  const { text, origin } = foldItems(items);

  // Occurrences as spans of the folded text, merged where they overlap.
  const spans: Array<[number, number]> = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) spans.push([at, at + needle.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }

  const ranges: HitRange[] = [];
  merged.forEach(([from, to], hit) => {
    for (let i = from; i < to; i++) {
      const at = origin[i];
      if (!at) continue;
      const last = ranges[ranges.length - 1];
      // Within one item an occurrence is one stretch, collapsed spaces included.
      if (last && last.hit === hit && last.item === at.item) last.end = Math.max(last.end, at.end);
      else ranges.push({ item: at.item, start: at.start, end: at.end, hit });
    }
  });
  return ranges;
}

/** How many distinct occurrences the ranges make. */
export function countHits(ranges: readonly HitRange[]): number {
  return ranges.length === 0 ? 0 : ranges[ranges.length - 1]!.hit + 1;
}

/** Whether the text (a stored page text) contains any of the terms, folded the same way. */
export function textHasTerms(text: string, terms: readonly string[]): boolean {
  const needles = terms.map(foldTerm).filter((t) => t !== '');
  if (needles.length === 0) return false;
  const folded = foldTerm(text);
  return needles.some((n) => folded.includes(n));
}
