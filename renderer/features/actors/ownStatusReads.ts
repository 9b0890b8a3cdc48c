import type { ActorStatus } from '../../../shared/model';
import type { ActorSort } from '../../db/actorList';

/**
 * The ids a one-status filter read for itself (its index range, in the list's order), kept while
 * no actor has been written since its read began (`written`: the count of actor writes then,
 * db/heldStatuses.ts `actorWrites`). Until the status sets are in memory (1–10 s after start on
 * a loaded machine), going back to a status filtered before reads none of its ids again: only
 * its first rows (./useActorIds.ts).
 */
export class OwnStatusReads {
  private readonly reads = new Map<string, { ids: readonly string[]; written: number }>();

  keep(sort: ActorSort, status: ActorStatus, ids: readonly string[], written: number): void {
    this.reads.set(`${sort} ${status}`, { ids, written });
  }

  /** The kept ids, if no actor has been written since their read began (`writtenNow` is the count now). */
  get(sort: ActorSort, status: ActorStatus, writtenNow: number): readonly string[] | undefined {
    const read = this.reads.get(`${sort} ${status}`);
    return read?.written === writtenNow ? read.ids : undefined;
  }
}
