// How often each word occurs in the library, for the rule proposals (shared/mentions/rules.ts):
// a name word on many of the library's pages needs a cue, a rare one matches anywhere. Counted
// on an even sample of pages, not all of them: 3,000 pages give a share to within about one
// point at the thresholds (10 % and 25 %), read and tokenized in well under a second, and a
// word a name edit brings in is already counted (every word of the sample is).
import { tokenize } from '../../shared/mentions';
import type { WordFrequency } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { CasefileDb } from '../db/db';

export const SAMPLE_PAGES = 3000;
const LOWER = /\p{Ll}/u;
/** The estimate is redone when the number of pages with text has moved this much since. */
export const RESAMPLE_CHANGE = 0.1;

export interface LibraryDocument { readonly id: string; readonly pages: number }

/** Page keys spread evenly over the documents (in the order given), at most `size` of them. */
export function samplePageKeys(docs: readonly LibraryDocument[], size = SAMPLE_PAGES): [string, number][] {
  const total = docs.reduce((n, d) => n + d.pages, 0);
  const step = Math.max(1, total / size);
  const keys: [string, number][] = [];
  let base = 0;
  let next = 0;
  for (const d of docs) {
    while (next < base + d.pages) {
      keys.push([d.id, Math.floor(next - base) + 1]);
      next += step;
    }
    base += d.pages;
  }
  return keys;
}

/** Pages of the sample holding each folded word (each page counts a word once). */
export async function sampleWordFrequency(db: CasefileDb, docs: readonly LibraryDocument[], yieldNow: () => Promise<void>,
  size = SAMPLE_PAGES): Promise<WordFrequency> {
  const keys = samplePageKeys([...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), size);
  const docFreq = new Map<string, number>();
  const lowerFreq = new Map<string, number>();
  let docCount = 0;
  for (let i = 0; i < keys.length; i += 250) {
    const rows = await db.pages.bulkGet(keys.slice(i, i + 250));
    for (const row of rows) {
      if (!row) continue;
      docCount++;
      const t = tokenize(pageSearchText(row.text, row.annotations));
      const lower = new Set<string>();
      for (let k = 0; k < t.words.length; k++) if (LOWER.test(t.text[t.starts[k]!]!)) lower.add(t.words[k]!);
      for (const w of new Set(t.words)) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
      for (const w of lower) lowerFreq.set(w, (lowerFreq.get(w) ?? 0) + 1);
    }
    await yieldNow();
  }
  return { docFreq, docCount, lowerFreq };
}

/** Whether an estimate made over `then` pages should be redone now that there are `now`. */
export function frequencyStale(then: number | null, now: number): boolean {
  if (then === null) return now > 0;
  return Math.abs(now - then) > RESAMPLE_CHANGE * Math.max(then, 1);
}
