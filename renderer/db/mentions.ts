/**
 * Reading mentions (the mentions worker writes them: renderer/mentions/engine.ts) and
 * writing the user's name rules. Every read is one index range of the per-page rows
 * (`pageMentions`), with a name edit's pending rows merged over it (pendingMentions.ts; read in
 * the same transaction, one request, none held most of the time), turned back into one row per
 * actor and page (pageMentions.ts).
 */
import Dexie from 'dexie';
import { coMentions, sentenceAround } from '../../shared/mentions';
import type { CoMention, MatchRule, NameSource } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { CasefileDb } from './db';
import type { MentionHit, MentionNamesRow, MentionRow, NameRuleRow, PageMentionsRow } from './mentionTypes';
import { actorRowOf, actorRowsOf } from './pageMentions';
import { PendingOverlay } from './pendingMentions';
import type { PageKey } from './pendingMentions';

export type { MentionHit, MentionNamesRow, MentionRow, NameRuleRow } from './mentionTypes';

/** The pending rows, merged (call inside a transaction holding `pendingMentions`). */
export async function pendingOverlay(db: CasefileDb): Promise<PendingOverlay> {
  return PendingOverlay.of(await db.pendingMentions.toArray());
}

/** Runs `read` in one read transaction over the page rows and the pending rows, with the pending rows merged. */
const readMerged = <T>(db: CasefileDb, read: (overlay: PendingOverlay) => Promise<T>, ...more: Dexie.Table[]): Promise<T> =>
  db.transaction('r', [db.pageMentions, db.pendingMentions, ...more], async () => read(await pendingOverlay(db)));

/** The keys ([documentId, page]) of every page naming the actor, by document then page. */
export async function pageKeysOf(db: CasefileDb, actorId: string): Promise<PageKey[]> {
  return readMerged(db, async (overlay) => overlay.mergeActorKeys(await db.pageMentions.where('actorIds').equals(actorId).primaryKeys(), actorId));
}

/** The stored rows of these pages (undefined: none), with the pending rows merged. */
async function rowsAt(db: CasefileDb, overlay: PendingOverlay, keys: readonly PageKey[]): Promise<(PageMentionsRow | undefined)[]> {
  const base = await db.pageMentions.bulkGet(keys.filter(([d, p]) => !overlay.has(d, p)));
  let i = 0;
  return keys.map(([d, p]) => (overlay.has(d, p) ? overlay.get(d, p) ?? undefined : base[i++]));
}

/** Every page naming the actor, by document then page. */
export async function mentionsOfActor(db: CasefileDb, actorId: string): Promise<MentionRow[]> {
  const pages = await readMerged(db, async (overlay) =>
    overlay.mergeRows(await db.pageMentions.where('actorIds').equals(actorId).toArray(), (r) => r.actorIds.includes(actorId)));
  return pages.flatMap((p) => actorRowOf(p, actorId) ?? []);
}

/** A source naming an actor: the document and its pages, from the index alone. */
export interface MentioningSource { documentId: string; pages: number[] }

export interface MentionedInView {
  /** Sources naming the actor, in index order (by document id), with all their pages: at least the first `limit`. */
  sources: MentioningSource[];
  /** How many sources name the actor. */
  total: number;
  /** The full rows of the first `limit` sources, by document. */
  rows: Map<string, MentionRow[]>;
}

/** Index keys read at first for a profile's "Mentioned in", and how much more each further read asks for. */
const FIRST_KEYS = 64;
const MORE_KEYS = 4;

/**
 * "Mentioned in" for a profile: the first `limit` sources and their pages read from the index
 * keys alone (only as many keys as they need), the rows (counts, hits, snippets) only of
 * those, and the number of sources from the stored count (`mentionNames.sources`) when the
 * keys were not all read. An actor on 13,000 pages of a 100,000-page library took 114–270 ms
 * with every key read (docs/benchmarks.md).
 */
export function mentionedIn(db: CasefileDb, actorId: string, limit: number): Promise<MentionedInView> {
  return readMerged(db, async (overlay) => {
    let want = Math.max(FIRST_KEYS, limit * 8);
    let sources: MentioningSource[];
    let all: boolean;
    for (;;) {
      // With pending rows (for a second or so after a large name edit) every key is read: a
      // pending page may come before the first `want` or take one of them away.
      const keys = overlay.empty ? await db.pageMentions.where('actorIds').equals(actorId).limit(want).primaryKeys()
        : overlay.mergeActorKeys(await db.pageMentions.where('actorIds').equals(actorId).primaryKeys(), actorId);
      all = !overlay.empty || keys.length < want;
      sources = [];
      for (const [documentId, page] of keys) {
        const last = sources[sources.length - 1];
        if (last?.documentId === documentId) last.pages.push(page);
        else sources.push({ documentId, pages: [page] });
      }
      // The last source may go on past the keys read: only whole ones are kept.
      if (!all) sources.pop();
      if (all || sources.length >= limit) break;
      want *= MORE_KEYS;
    }
    const counted = all ? sources.length : Math.max((await db.mentionNames.get(actorId))?.sources ?? 0, sources.length + 1);
    const shown = sources.slice(0, limit);
    const pages = await rowsAt(db, overlay, shown.flatMap((s) => s.pages.map((p): PageKey => [s.documentId, p])));
    const rows = new Map<string, MentionRow[]>(shown.map((s) => [s.documentId, []]));
    for (const p of pages) {
      const row = p && actorRowOf(p, actorId);
      if (row) rows.get(row.documentId)!.push(row);
    }
    return { sources, total: counted, rows };
  }, db.mentionNames);
}

/** The page rows of a document in `pageMentions` (without the pending rows: the worker's own use). */
export const documentPages = (db: CasefileDb, documentId: string) =>
  db.pageMentions.where('[documentId+page]').between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]);

/** A document's page rows, with the pending rows merged. */
const documentRows = (db: CasefileDb, overlay: PendingOverlay, documentId: string) =>
  documentPages(db, documentId).toArray().then((rows) => overlay.mergeRows(rows, (r) => r.documentId === documentId));

/** Every actor named in the document, by page. */
export async function mentionsInDocument(db: CasefileDb, documentId: string): Promise<MentionRow[]> {
  return (await readMerged(db, (overlay) => documentRows(db, overlay, documentId))).flatMap(actorRowsOf);
}

/** "document:page" keys of the pages naming the actor (the search filter's page set). */
export async function pagesMentioning(db: CasefileDb, actorId: string): Promise<Set<string>> {
  return new Set((await pageKeysOf(db, actorId)).map(([doc, page]) => `${doc}:${page}`));
}

/** The names as the matcher uses them, with proposals, and how many sources name the actor. */
export async function mentionNamesOf(db: CasefileDb, actorId: string): Promise<MentionNamesRow | null> {
  return (await db.mentionNames.get(actorId)) ?? null;
}

/** Actor ids, most sources naming them first (actors never mentioned are not listed). */
export async function actorIdsBySources(db: CasefileDb): Promise<string[]> {
  return (await db.mentionNames.orderBy('sources').reverse().filter((r) => r.sources > 0).primaryKeys());
}

/** Per actor pair, the pages ("document:page") naming both; unambiguous mentions only, most pages first. */
export async function coMentionPairs(db: CasefileDb, options: { documentId?: string } = {}): Promise<CoMention[]> {
  const rows = await readMerged(db, async (overlay) => (options.documentId ? documentRows(db, overlay, options.documentId)
    : overlay.mergeRows(await db.pageMentions.toArray(), () => true)));
  return coMentions(rows.map((r) => ({ pageKey: `${r.documentId}:${r.page}`,
    mentions: r.actors.map((a) => ({ actorIds: [a.actorId], ambiguous: a.ambiguous === 1 })) })));
}

/** The sentence around a mention, from the page's text, for a citation's quote. */
export async function mentionQuote(db: CasefileDb, row: Pick<MentionRow, 'documentId' | 'page'>, hit: Pick<MentionHit, 'start' | 'end'>): Promise<string> {
  const page = await db.pages.get([row.documentId, row.page]);
  if (!page) return '';
  return sentenceAround(pageSearchText(page.text, page.annotations), hit.start, hit.end);
}

const ruleId = (actorId: string, source: NameSource, name: string) => `rule:${actorId}:${source}:${name}`;
const familyId = (actorId: string) => `family:${actorId}`;

export function nameRulesOf(db: CasefileDb, actorId: string): Promise<NameRuleRow[]> {
  return db.nameRules.where('actorId').equals(actorId).toArray();
}

/** Sets the rule for one name; `null` goes back to the proposed one. */
export async function setNameRule(db: CasefileDb, actorId: string, name: string, source: NameSource, rule: MatchRule | null): Promise<void> {
  if (rule === null) await db.nameRules.delete(ruleId(actorId, source, name));
  else await db.nameRules.put({ id: ruleId(actorId, source, name), actorId, kind: 'rule', name, source, rule });
}

/** Sets the actor's family names (an empty list means none); `null` goes back to the derived ones. */
export async function setFamilyNames(db: CasefileDb, actorId: string, families: string[] | null): Promise<void> {
  if (families === null) await db.nameRules.delete(familyId(actorId));
  else await db.nameRules.put({ id: familyId(actorId), actorId, kind: 'family', families: [...new Set(families.map((f) => f.trim()).filter(Boolean))] });
}
