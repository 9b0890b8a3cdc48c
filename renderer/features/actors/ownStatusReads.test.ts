import { describe, expect, it } from 'vitest';
import { queryActorIds } from '../../db/actorList';
import { actorLibrary, statusActor } from '../../db/actorLibrary.testkit';
import { saveActor } from '../../db/actors';
import { actorWrites, onActorWrites } from '../../db/heldStatuses';
import { OwnStatusReads } from './ownStatusReads';

describe('a one-status filter\'s own read of its ids, kept', () => {
  it('answers for its status and sort while no actor is written, and never after a write', async () => {
    const db = await actorLibrary();
    const reads = new OwnStatusReads();
    const written = actorWrites(db);
    const ids = await queryActorIds(db, { statuses: ['at_large'] }, 'name');
    reads.keep('name', 'at_large', ids, written);
    expect(reads.get('name', 'at_large', actorWrites(db))).toEqual(ids);
    expect(reads.get('updated', 'at_large', actorWrites(db))).toBeUndefined();
    expect(reads.get('name', 'killed', actorWrites(db))).toBeUndefined();

    // A new actor at large: once the write is reported, the kept ids no longer answer.
    let reported = false;
    const stop = onActorWrites(db, () => { reported = true; });
    try {
      expect((await saveActor(db, statusActor('Aaron Nuevo', 'at_large'))).ok).toBe(true);
      for (let i = 0; i < 200 && !reported; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(reported).toBe(true);
      expect(reads.get('name', 'at_large', actorWrites(db))).toBeUndefined();
      // A read begun after the write is kept again, and holds the new actor.
      const again = actorWrites(db);
      const now = await queryActorIds(db, { statuses: ['at_large'] }, 'name');
      reads.keep('name', 'at_large', now, again);
      expect(reads.get('name', 'at_large', actorWrites(db))).toHaveLength(ids.length + 1);
    } finally {
      stop();
    }
  });
});
