/**
 * Text folding shared by every place that compares words a user typed with words
 * in records: the actor-list name filter, mention detection and (later) search.
 * Order matters: NFKC first so ligatures ("ﬁ") and full-width forms become plain
 * letters, then case folding, then accents are stripped (NFD + drop combining marks)
 * so "Guzmán", "GUZMAN" and "guzman" are one word.
 */
// Printable ASCII comes out of the steps below only lower-cased: skip the Unicode work for it
// (most names; the gazetteer folds 135,000 of them on load).
const PLAIN_ASCII = /^[ -~]*$/;

/** The folded words of a space-separated word list, e.g. a hand-written list of names. */
export function foldedList(list: string): string[] {
  return list.split(/\s+/).filter(Boolean).map(foldText);
}

export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // ß and ø and friends have no decomposition; fold the common ones by hand.
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/** Words of a folded text: runs of letters and digits in any script. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct folded words of many strings, for a multi-entry index. */
export function wordSet(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of foldedWords(text)) words.add(word);
  return [...words];
}

/** A key that sorts names the way a reader expects regardless of accents and case. */
export function sortKey(text: string): string {
  return foldText(text).replace(/^[^\p{L}\p{N}]+/u, '');
}
