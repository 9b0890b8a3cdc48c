// The stored form of mentions (one row per page, PageMentionsRow) and the per-actor rows the
// readers and the engine work with (MentionRow). Pure: no Dexie.
import type { ActorOnPage, MentionRow, PageMentionsRow } from './mentionTypes';

/** The page's row from its actors' rows (all of one page, in order of first mention); null when no one is named. */
export function pageRowOf(documentId: string, page: number, rows: readonly MentionRow[]): PageMentionsRow | null {
  if (!rows.length) return null;
  return {
    documentId, page, actorIds: rows.map((r) => r.actorId),
    actors: rows.map(({ documentId: _d, page: _p, ...rest }): ActorOnPage => rest),
  };
}

/** Every actor's row on the page. */
export const actorRowsOf = (row: PageMentionsRow): MentionRow[] =>
  row.actors.map((a) => ({ documentId: row.documentId, page: row.page, ...a }));

/** One actor's row on the page, if named there. */
export function actorRowOf(row: PageMentionsRow, actorId: string): MentionRow | undefined {
  const a = row.actors.find((x) => x.actorId === actorId);
  return a ? { documentId: row.documentId, page: row.page, ...a } : undefined;
}

/** Groups actors' rows (any pages, in any order) into page rows, by document then page. */
export function groupByPage(rows: readonly MentionRow[]): PageMentionsRow[] {
  const pages = new Map<string, MentionRow[]>();
  for (const r of rows) {
    const key = `${r.documentId}\u0000${r.page}`;
    let list = pages.get(key);
    if (!list) pages.set(key, (list = []));
    list.push(r);
  }
  return [...pages.values()].map((list) => pageRowOf(list[0]!.documentId, list[0]!.page, list)!);
}

/** The same page row with one actor left out (null when none is left). */
export function withoutActor(row: PageMentionsRow, actorId: string): PageMentionsRow | null {
  const actors = row.actors.filter((a) => a.actorId !== actorId);
  return actors.length ? { ...row, actorIds: actors.map((a) => a.actorId), actors } : null;
}
