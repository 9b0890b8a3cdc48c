// What a mentions sync reads of the case (engine.ts): the actors written since the last sync,
// the documents and name rules when they were written since last read, and every actor's key.
import { readAllInChunks, readKeysInChunks } from '../db/chunks';
import type { CasefileDb } from '../db/db';
import type { ActorRow, DocumentRow } from '../db/derive';
import type { NameRuleRow } from '../db/mentionTypes';

export interface SourcesRead {
  rules: NameRuleRow[];
  documents: DocumentRow[];
  /** Actors that may have changed since the last read: written since, or live but never read. */
  changed: ActorRow[];
  /** Every actor in the database. */
  live: Set<string>;
}

export class SourceReads {
  /** The highest actor `updatedAt` read so far: later syncs read only actors changed since. */
  private actorsSeenAt = -Infinity;
  /** Actors read with exactly that `updatedAt` (a bundle import or a bulk write gives thousands the same). */
  private readonly seenAtIds = new Set<string>();
  /**
   * The documents and name rules as last read, until a write to their table is reported
   * (`tablesChanged`): a name edit then reads neither (3,000 document rows were a tenth of
   * an edit at 100,000 pages). `reports` counts the reports, so a read that a write
   * overtook is not kept.
   */
  private documentsRead: DocumentRow[] | null = null;
  private rulesRead: NameRuleRow[] | null = null;
  private readonly reports = { documents: 0, nameRules: 0 };

  /** `tablesWatched`: every write to documents and name rules is reported (tablesChanged); else every read goes to the database. */
  constructor(private readonly db: CasefileDb, private readonly yieldNow: () => Promise<void>, private readonly tablesWatched = false) {}

  /** Which tables were written (none named: all of them), so the next read takes them again. */
  tablesChanged(tables?: Iterable<string>): void {
    const names = tables ? new Set(tables) : null;
    if (!names || names.has('documents')) { this.documentsRead = null; this.reports.documents++; }
    if (!names || names.has('nameRules')) { this.rulesRead = null; this.reports.nameRules++; }
  }

  /**
   * Actors changed since the last read (same-millisecond writes are read again, harmlessly),
   * plus any live actor `known` says was never read (a bundle import keeps old dates). The
   * first read takes every actor in small transactions with yields (readAllInChunks): one read
   * of 50,000 would hold IndexedDB while the window's list waits behind it. Not a snapshot: an
   * actor written meanwhile is read again by the sync its write triggers. Documents and rules
   * only when written since they were last read; all three at once.
   */
  async read(known: (actorId: string) => boolean): Promise<SourcesRead> {
    const db = this.db;
    const first = this.actorsSeenAt === -Infinity;
    const [rules, documents, recent, allKeys] = await Promise.all([this.cachedRows('nameRules'), this.cachedRows('documents'),
      first ? readAllInChunks(db.actors, (a) => a.id, this.yieldNow) : this.actorsSince(),
      first ? null : readKeysInChunks(db.actors, this.yieldNow)]);
    const keys = allKeys ?? recent.map((a) => a.id);
    // An actor added between the two reads is live though its key came too late.
    const live = new Set([...keys, ...recent.map((a) => a.id)]);
    const recentIds = new Set(recent.map((a) => a.id));
    const missing = keys.filter((id) => !known(id) && !recentIds.has(id));
    const changed = [...recent, ...(missing.length ? (await db.actors.bulkGet(missing)).filter((a) => a !== undefined) : [])];
    for (const a of recent) {
      if (a.updatedAt > this.actorsSeenAt) { this.actorsSeenAt = a.updatedAt; this.seenAtIds.clear(); }
      if (a.updatedAt === this.actorsSeenAt) this.seenAtIds.add(a.id);
    }
    return { rules, documents, changed, live };
  }

  /** The rows of the table, read again only when a write to it was reported since the last read. */
  private async cachedRows<K extends 'documents' | 'nameRules'>(table: K): Promise<K extends 'documents' ? DocumentRow[] : NameRuleRow[]> {
    type Rows = K extends 'documents' ? DocumentRow[] : NameRuleRow[];
    const kept = table === 'documents' ? this.documentsRead : this.rulesRead;
    if (kept && this.tablesWatched) return kept as Rows;
    const before = this.reports[table];
    const rows = await (table === 'documents' ? this.db.documents.toArray() : this.db.nameRules.toArray());
    if (this.reports[table] === before) {
      if (table === 'documents') this.documentsRead = rows as DocumentRow[];
      else this.rulesRead = rows as NameRuleRow[];
    }
    return rows as Rows;
  }

  /**
   * Actors written since the last read: those after the latest `updatedAt` read, and those at
   * that same millisecond not read yet. Only the keys of the latter are read first: 10,000
   * actors imported at one instant were otherwise all read again by every sync.
   */
  private async actorsSince(): Promise<ActorRow[]> {
    const db = this.db;
    const [after, sameMs] = await db.transaction('r', db.actors, () => Promise.all([
      db.actors.where('updatedAt').above(this.actorsSeenAt).toArray(),
      db.actors.where('updatedAt').equals(this.actorsSeenAt).primaryKeys(),
    ]));
    const unseen = sameMs.filter((id) => !this.seenAtIds.has(id));
    if (!unseen.length) return after;
    return [...after, ...(await db.actors.bulkGet(unseen)).filter((a): a is ActorRow => a !== undefined)];
  }
}
