import { describe, expect, it } from 'vitest';
import { databaseDigest } from '../../renderer/bundle/digest';
import type { ImportChoices } from '../../renderer/bundle/types';
import { deleteActor, getActor, listTrash } from '../../renderer/db';
import type { CasefileDb } from '../../renderer/db/db';
import { deleteDocument } from '../../renderer/db/documents';
import { ARTEMIO, CASE_ID, editActor, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * A record the user moved to the Trash that a bundle still holds: the preview says it is in the
 * Trash, it stays there unless the user restores it from the bundle, and nothing is lost.
 */

async function inspect(db: CasefileDb, bundle: Blob) {
  const client = inProcessClient(db);
  const inspected = await client.inspectBundle(bundle);
  if (!inspected.ok) throw new Error(inspected.error.message);
  return { client, preview: inspected.preview };
}

async function importWith(db: CasefileDb, bundle: Blob, choices: ImportChoices) {
  const { client, preview } = await inspect(db, bundle);
  return { preview, result: await client.applyImport(preview.token, choices) };
}

async function profileWithBundle() {
  const { db, docs } = await seededProfile();
  const { blob } = await inProcessClient(db).exportBundle({ kind: 'case', caseId: CASE_ID });
  return { db, docs, bundle: blob };
}

describe('a record only in the local Trash, on import', () => {
  it('is shown as in your Trash, and by default stays there: nothing is written', async () => {
    const { db, bundle } = await profileWithBundle();
    await deleteActor(db, ARTEMIO, 1_800_000_000_000);
    const before = await databaseDigest(db);

    const { preview } = await inspect(db, bundle);
    const record = preview.records.find((r) => r.id === ARTEMIO)!;
    expect(record).toMatchObject({ kind: 'actor', status: 'trashed', choices: ['mine', 'theirs'], diffs: [] });
    expect(preview.summary.actor.trashed).toBe(1);
    expect(preview.summary.actor.new).toBe(0);

    const { result } = await importWith(db, bundle, {});
    expect(result).toMatchObject({ added: 0, restored: 0, keptInTrash: 1 });
    expect(await getActor(db, ARTEMIO)).toBeUndefined();
    expect((await listTrash(db)).map((e) => e.id)).toEqual([ARTEMIO]);
    expect(await databaseDigest(db)).toBe(before);
  });

  it('restored from the bundle: live again, and the Trash entry goes when it was the same version', async () => {
    const { db, bundle } = await profileWithBundle();
    await deleteActor(db, ARTEMIO, 1_800_000_000_000);
    const { result } = await importWith(db, bundle, { [`actor:${ARTEMIO}`]: 'theirs' });
    expect(result).toMatchObject({ restored: 1, keptInTrash: 0 });
    expect((await getActor(db, ARTEMIO))?.name).toBe('Florindo Eleuterio Flores');
    expect(await listTrash(db)).toEqual([]);
  });

  it('restored when the Trash holds a different version: the bundle\'s goes live, the trashed one stays in the Trash under a new id', async () => {
    const { db, bundle } = await profileWithBundle();
    await editActor(db, ARTEMIO, (a) => { a.description = 'My later notes.'; });
    await deleteActor(db, ARTEMIO, 1_800_000_000_000);

    const { preview, result } = await importWith(db, bundle, { [`actor:${ARTEMIO}`]: 'theirs' });
    const record = preview.records.find((r) => r.id === ARTEMIO)!;
    expect(record.status).toBe('trashed');
    expect(record.diffs.map((d) => d.path)).toEqual(['description']);
    expect(result.restored).toBe(1);
    expect((await getActor(db, ARTEMIO))?.description).not.toBe('My later notes.');
    const trash = await listTrash(db);
    expect(trash).toHaveLength(1);
    expect(trash[0]!.id).not.toBe(ARTEMIO);
    expect(trash[0]).toMatchObject({ table: 'actors', record: { id: trash[0]!.id, description: 'My later notes.' } });

    // The same bundle again: identical now, nothing to decide.
    const again = await inspect(db, bundle);
    expect(again.preview.records.filter((r) => r.id === ARTEMIO)).toEqual([]);
  });

  it('a source in the Trash: kept there by default (its file stays stored), or restored with the bundle\'s pages', async () => {
    const { db, docs, bundle } = await profileWithBundle();
    await deleteDocument(db, docs[0]!.id, 1_800_000_000_000);
    const { preview } = await inspect(db, bundle);
    expect(preview.records.find((r) => r.id === docs[0]!.id)).toMatchObject({ kind: 'document', status: 'trashed' });
    expect(preview.files).toMatchObject({ new: 0, alreadyPresent: 2 });

    await importWith(db, bundle, {});
    expect(await db.documents.get(docs[0]!.id)).toBeUndefined();
    expect(await db.documentFiles.get(docs[0]!.sha256)).toBeDefined();

    const { result } = await importWith(db, bundle, { [`document:${docs[0]!.id}`]: 'theirs' });
    expect(result.restored).toBe(1);
    expect((await db.documents.get(docs[0]!.id))?.title).toBe(docs[0]!.title);
    expect(await db.pages.where('[documentId+page]').between([docs[0]!.id, 0], [docs[0]!.id, Infinity]).count()).toBe(2);
    expect(await listTrash(db)).toEqual([]);
  });
});
