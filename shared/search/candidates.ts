// A query's candidates before they become hits: the best of each kind in a bounded list
// (search.ts fills it segment by segment, hits.ts turns it into results).
import { rowRef } from './segment';
import type { Segment } from './segment';

/** Phrases a page candidate must still show in its text (they hold stop words); `any`: one suffices. */
export interface PendingPhrases { phrases: readonly (readonly string[])[]; any: boolean }
export interface Candidate { seg: Segment; row: number; score: number; pending?: PendingPhrases; ref?: string }

/** A candidate's ref, decoded once (ties compare refs, and a ref is a UTF-8 read). */
export const refOf = (c: Candidate): string => (c.ref ??= rowRef(c.seg, c.row));

/** Top `k` of one kind by score (ties: ref order), and how many matched. */
export class TopK {
  count = 0;
  items: Candidate[] = [];
  constructor(private readonly k: number) {}
  offer(seg: Segment, row: number, score: number, pending?: PendingPhrases): void {
    this.count++;
    if (this.k <= 0) return;
    const items = this.items;
    let ref: string | undefined;
    if (items.length === this.k) {
      const last = items[items.length - 1]!;
      if (score < last.score) return;
      if (score === last.score && (ref = rowRef(seg, row)) >= refOf(last)) return;
    }
    let i = items.length;
    while (i > 0) {
      const prev = items[i - 1]!;
      if (prev.score > score || (prev.score === score && refOf(prev) < (ref ??= rowRef(seg, row)))) break;
      i--;
    }
    const c: Candidate = pending ? { seg, row, score, pending } : { seg, row, score };
    if (ref !== undefined) c.ref = ref;
    items.splice(i, 0, c);
    if (items.length > this.k) items.pop();
  }

  /**
   * `offer` for each of `rows` (one segment's, all of this kind, no phrase pending) with its
   * score in `score`: a row scoring below the k-th best only counts, without a call (a broad
   * word offers tens of thousands of rows, nearly all below it once the list is full).
   */
  offerRows(seg: Segment, rows: readonly number[], score: Float32Array): void {
    if (this.k <= 0) { this.count += rows.length; return; }
    const items = this.items;
    let floor = items.length === this.k ? items[this.k - 1]!.score : -Infinity;
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j]!;
      const s = score[row]!;
      if (s < floor) { this.count++; continue; }
      this.offer(seg, row, s);
      if (items.length === this.k) floor = items[this.k - 1]!.score;
    }
  }
}
