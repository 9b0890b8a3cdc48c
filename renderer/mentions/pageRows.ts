import { findMentions, mentionSnippet } from '../../shared/mentions';
import type { NameTrie } from '../../shared/mentions';
import type { MentionRow } from '../db/mentionTypes';

/** Hits kept per (page, actor): enough for a snippet, a highlight and a citation. */
export const HITS_KEPT = 3;

/** The mention rows of one page: one per actor named on it, in order of first mention. */
export function pageRows(trie: NameTrie, documentId: string, page: number, text: string): MentionRow[] {
  const rows = new Map<string, MentionRow>();
  for (const m of findMentions(trie, text)) {
    for (const c of m.candidates) {
      let row = rows.get(c.actorId);
      if (!row) {
        row = { documentId, page, actorId: c.actorId, count: 0, hits: [], snippet: mentionSnippet(text, m.start, m.end), ambiguous: 1 };
        rows.set(c.actorId, row);
      }
      row.count++;
      if (!m.ambiguous) row.ambiguous = 0;
      if (row.hits.length < HITS_KEPT) {
        row.hits.push({ start: m.start, end: m.end, text: m.text, name: c.name, others: m.actorIds.filter((id) => id !== c.actorId),
          ...(m.ambiguous && m.candidates.every((x) => x.reason === 'brothers') ? { together: true } : {}) });
      }
    }
  }
  return [...rows.values()];
}
