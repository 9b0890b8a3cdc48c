import { findMentionsInTokens, mentionSnippet, tokenize } from '../../shared/mentions';
import type { FindOptions, NameTrie, PageTokens } from '../../shared/mentions';
import type { MentionRow } from '../db/mentionTypes';

/** Hits kept per (page, actor): enough for a snippet, a highlight and a citation. */
export const HITS_KEPT = 3;
/**
 * Other candidates kept on a row's first hit (the one the lists show); later hits keep only
 * their number. A shared surname in the bench's cast named 50 other actors a row, which made
 * rows ~2 KB and writing them most of the build; five say "ambiguous".
 */
export const OTHERS_KEPT = 5;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The mention rows of one page: one per actor named on it, in order of first mention (actors
 * first named by the same words in id order). Nothing depends on the order the names were
 * added, so a page re-scanned after an edit gets the row a build from nothing gives it.
 */
export function pageRows(trie: NameTrie, documentId: string, page: number, text: string, tokens: PageTokens = tokenize(text), find?: FindOptions): MentionRow[] {
  const rows = new Map<string, MentionRow>();
  for (const m of findMentionsInTokens(trie, tokens, find)) {
    const candidates = m.candidates.length > 1 ? [...m.candidates].sort((x, y) => byId(x.actorId, y.actorId)) : m.candidates;
    const actorIds = m.actorIds.length > 1 ? [...m.actorIds].sort(byId) : m.actorIds;
    for (const c of candidates) {
      let row = rows.get(c.actorId);
      if (!row) {
        row = { documentId, page, actorId: c.actorId, count: 0, hits: [], snippet: mentionSnippet(text, m.start, m.end), ambiguous: 1 };
        rows.set(c.actorId, row);
      }
      row.count++;
      if (!m.ambiguous) row.ambiguous = 0;
      if (row.hits.length < HITS_KEPT) {
        const others = actorIds.filter((id) => id !== c.actorId);
        // Only the first hit names the others (what the lists show); later ones count them.
        const kept = row.hits.length === 0 ? OTHERS_KEPT : 0;
        row.hits.push({ start: m.start, end: m.end, text: m.text, name: c.name, others: others.slice(0, kept),
          ...(others.length > kept ? { moreOthers: others.length - kept } : {}),
          ...(m.ambiguous && m.candidates.every((x) => x.reason === 'brothers') ? { together: true } : {}) });
      }
    }
  }
  return [...rows.values()];
}
