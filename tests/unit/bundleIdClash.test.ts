import { describe, expect, it } from 'vitest';
import { ImportError, applyImport, planImport } from '../../renderer/bundle/apply';
import { collectSnapshot } from '../../renderer/bundle/collect';
import { databaseDigest } from '../../renderer/bundle/digest';
import { moveToTrash } from '../../renderer/db/trash';
import { ARTEMIO, CASE_ID, SAMPLE, seededProfile } from './bundleFixtures';

/**
 * Ids are unique across kinds: the trash and citation targets key records by id alone. A
 * crafted bundle that gives an event the id of a local actor (live or trashed) would let one
 * overwrite the other there later, so the import refuses it and writes nothing.
 */
async function bundleWithEventNamed(id: string) {
  const { db: source } = await seededProfile();
  const snapshot = await collectSnapshot(source, { kind: 'case', caseId: CASE_ID });
  const [first, ...rest] = snapshot.events;
  return {
    ...snapshot,
    actors: snapshot.actors.filter((a) => a.id !== id),
    // The first event takes the actor's id (and no longer names that actor among its participants).
    events: [{ ...first!, id, participants: first!.participants.filter((p) => p.actorId !== id) }, ...rest],
  };
}

describe('an incoming record with the id of a different kind of local record', () => {
  it('is refused at the preview, naming the clash, and nothing changes', async () => {
    const { db } = await seededProfile();
    const before = await databaseDigest(db);
    const snapshot = await bundleWithEventNamed(ARTEMIO);
    const error = await planImport(db, snapshot).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'id-clash', message: expect.stringMatching(/^The bundle gives an event the id of a different actor in your library/) });
    await expect(applyImport(db, snapshot, {})).rejects.toMatchObject({ code: 'id-clash' });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('is refused when the local record is in the trash too', async () => {
    const { db } = await seededProfile();
    const other = SAMPLE.actors.find((a) => a.id !== ARTEMIO)!.id;
    expect(await moveToTrash(db, 'actors', other, 1_800_000_000_000)).toBe(true);
    const before = await databaseDigest(db);
    await expect(planImport(db, await bundleWithEventNamed(other))).rejects.toMatchObject({ code: 'id-clash' });
    expect(await databaseDigest(db)).toBe(before);
  });

  it('does not refuse the same record coming back as its own kind', async () => {
    const { db } = await seededProfile();
    const { db: source } = await seededProfile();
    const plan = await planImport(db, await collectSnapshot(source, { kind: 'case', caseId: CASE_ID }));
    expect(plan).toBeDefined();
  });
});
