/**
 * Character error rate, for measuring OCR against a known text (benchmarks, tests). Texts are
 * compared after normalising what OCR cannot be expected to reproduce: Unicode form (NFC),
 * typographic quotes and dashes, and all whitespace (line breaks depend on layout) to one space.
 */
export function normaliseForCer(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance over code points, in O(min(a, b)) memory. */
export function levenshtein(a: string, b: string): number {
  let s = [...a];
  let t = [...b];
  if (s.length < t.length) [s, t] = [t, s];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Array<number>(t.length + 1);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length]!;
}

/** Edits to turn the normalised hypothesis into the normalised reference, per reference character. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = normaliseForCer(reference);
  const hyp = normaliseForCer(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  return levenshtein(ref, hyp) / [...ref].length;
}
