import { describe, expect, it } from 'vitest';
import { keepBothId } from '../../shared/bundle/merge';
import { plainText } from '../../shared/bundle/diffText';
import { BundleTaskError } from '../../renderer/bundle/bundleClient';
import { databaseDigest } from '../../renderer/bundle/digest';
import type { ImportChoices } from '../../renderer/bundle/types';
import { getActor, listTrash, restoreFromTrash } from '../../renderer/db';
import type { CasefileDb } from '../../renderer/db/db';
import { ARTEMIO, CASE_ID, SAMPLE, addPdf, editActor, editEvent, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/** Two profiles share the case, then each edits Artemio in its own way. */
async function twoProfiles() {
  const { db: mine } = await seededProfile();
  const { blob } = await inProcessClient(mine).exportBundle({ kind: 'case', caseId: CASE_ID });
  const theirs = await freshDb();
  const c = inProcessClient(theirs);
  const first = await c.inspectBundle(blob);
  if (!first.ok) throw new Error(first.error.message);
  await c.applyImport(first.preview.token, {});

  await editActor(mine, ARTEMIO, (a) => { a.description = 'Mine: captured in February 2012.'; a.nationality = 'peruana'; });
  await editActor(theirs, ARTEMIO, (a) => {
    a.description = 'Theirs: wounded and captured in the Upper Huallaga.';
    a.names.push({ id: '00000000-0000-4000-8000-0000000000d1', name: 'Camarada Artemio', type: 'nom_de_guerre', note: '', citations: [] });
  });
  const bundle = (await inProcessClient(theirs).exportBundle({ kind: 'case', caseId: CASE_ID })).blob;
  return { mine, theirs, bundle };
}

async function importWith(db: CasefileDb, bundle: Blob, choices: ImportChoices) {
  const client = inProcessClient(db);
  const inspected = await client.inspectBundle(bundle);
  if (!inspected.ok) throw new Error(inspected.error.message);
  return { preview: inspected.preview, result: await client.applyImport(inspected.preview.token, choices) };
}

const key = `actor:${ARTEMIO}`;

describe('two profiles edit the same actor differently', () => {
  it('the preview shows the conflict with the fields that differ, and nothing else', async () => {
    const { mine, bundle } = await twoProfiles();
    const inspected = await inProcessClient(mine).inspectBundle(bundle);
    if (!inspected.ok) throw new Error(inspected.error.message);
    const { preview } = inspected;
    expect(preview.records).toHaveLength(1);
    const record = preview.records[0]!;
    expect(record).toMatchObject({ key, kind: 'actor', id: ARTEMIO, label: 'Florindo Eleuterio Flores', status: 'conflict', choices: ['mine', 'theirs', 'both'] });
    expect(record.diffs.map((d) => d.path).sort()).toEqual(['description', 'names', 'nationality']);
    const plain = (path: string) => {
      const d = record.diffs.find((x) => x.path === path)!;
      return { path, mine: plainText(d.mine), theirs: plainText(d.theirs) };
    };
    expect(plain('description')).toEqual({
      path: 'description', mine: 'Mine: captured in February 2012.', theirs: 'Theirs: wounded and captured in the Upper Huallaga.',
    });
    expect(plain('nationality')).toMatchObject({ mine: 'peruana', theirs: SAMPLE.actors.find((x) => x.id === ARTEMIO)!.nationality || '—' });
    expect(plain('names').theirs).toContain('Camarada Artemio (nom_de_guerre)');
    expect(preview.summary.actor).toEqual({ new: 0, identical: 6, conflict: 1, trashed: 0 });
    expect(preview.files).toEqual({ new: 0, alreadyPresent: 2, newBytes: 0 });
  });

  it('mine (and no choice at all) keeps my version and writes nothing', async () => {
    for (const choices of [{ [key]: 'mine' as const }, {}]) {
      const { mine, bundle } = await twoProfiles();
      const before = await databaseDigest(mine);
      const { result } = await importWith(mine, bundle, choices);
      expect(result).toMatchObject({ added: 0, replaced: 0, keptBoth: 0, unchanged: 14 });
      expect(await databaseDigest(mine)).toBe(before);
    }
  });

  it('theirs takes their version and keeps mine in the trash, from where it can be restored', async () => {
    const { mine, bundle } = await twoProfiles();
    const mineBefore = (await getActor(mine, ARTEMIO))!;
    const { result } = await importWith(mine, bundle, { [key]: 'theirs' });
    expect(result).toMatchObject({ replaced: 1, added: 0 });
    const now = (await getActor(mine, ARTEMIO))!;
    expect(now.description).toMatch(/^Theirs/);
    expect(now.names.map((n) => n.name)).toContain('Camarada Artemio');
    expect(now.createdAt).toBe(mineBefore.createdAt);
    // The trash holds my version whole, under a new id.
    const [entry] = await listTrash(mine);
    expect(entry).toMatchObject({ table: 'actors', title: 'Florindo Eleuterio Flores' });
    expect({ ...entry!.record, id: ARTEMIO }).toEqual(mineBefore);
    expect(await restoreFromTrash(mine, entry!.id)).toBe('restored');
    expect((await getActor(mine, entry!.id))!.description).toBe('Mine: captured in February 2012.');
    expect(await mine.actors.where('nameWords').startsWith('camarada').primaryKeys()).toEqual([ARTEMIO]);
  });

  it('both keeps mine and adds theirs under a new id; the bundle\'s records point to theirs', async () => {
    const { mine, theirs } = await twoProfiles();
    // Their event about Artemio changes too, so it is imported (as theirs) and must follow their Artemio.
    const fall = SAMPLE.events.find((e) => e.participants.some((p) => p.actorId === ARTEMIO))!;
    await editEvent(theirs, fall.id, (e) => { e.description = 'Their account of the capture.'; });
    const bundle2 = (await inProcessClient(theirs).exportBundle({ kind: 'case', caseId: CASE_ID })).blob;
    const { result } = await importWith(mine, bundle2, { [key]: 'both', [`event:${fall.id}`]: 'theirs' });
    expect(result).toMatchObject({ keptBoth: 1, replaced: 1 });
    const theirArtemio = (await getActor(theirs, ARTEMIO))!;
    const copyId = keepBothId('actor', theirArtemio);
    expect((await getActor(mine, ARTEMIO))!.description).toMatch(/^Mine/);
    expect((await getActor(mine, copyId))!.description).toMatch(/^Theirs/);
    const event = (await mine.events.get(fall.id))!;
    expect(event.participants.map((p) => p.actorId)).toContain(copyId);
    expect(event.participants.map((p) => p.actorId)).not.toContain(ARTEMIO);
    expect(await mine.events.where('actorIds').equals(copyId).primaryKeys()).toEqual([fall.id]);

    // The same bundle again, with the same choices: nothing changes.
    const before = await databaseDigest(mine);
    const again = await importWith(mine, bundle2, { [key]: 'both', [`event:${fall.id}`]: 'theirs' });
    expect(again.preview.records).toEqual([]);
    expect(again.result).toMatchObject({ added: 0, replaced: 0, keptBoth: 0 });
    expect(await databaseDigest(mine)).toBe(before);
  });

  it('refuses to write when the library changed since the preview', async () => {
    const { mine, bundle } = await twoProfiles();
    const client = inProcessClient(mine);
    const inspected = await client.inspectBundle(bundle);
    if (!inspected.ok) throw new Error(inspected.error.message);
    await mine.actors.delete(SAMPLE.actors[0]!.id); // what was identical is now new
    const before = await databaseDigest(mine);
    const error = await client.applyImport(inspected.preview.token, { [key]: 'theirs' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleTaskError);
    expect(error).toMatchObject({ code: 'changed', message: expect.stringMatching(/changed since this preview.*nothing was imported/) });
    expect(await databaseDigest(mine)).toBe(before);
  });

  it('an import after discard says the bundle is no longer open', async () => {
    const { mine, bundle } = await twoProfiles();
    const client = inProcessClient(mine);
    const inspected = await client.inspectBundle(bundle);
    if (!inspected.ok) throw new Error(inspected.error.message);
    client.discard(inspected.preview.token);
    await expect(client.applyImport(inspected.preview.token, {})).rejects.toMatchObject({ code: 'unknown-token', message: expect.stringMatching(/Open the bundle again/) });
  });

  it('a PDF the importer added on their own is not stored twice: the bundle\'s citations go to the local copy', async () => {
    const { db: source, docs } = await seededProfile();
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    const target = await freshDb();
    const own = await addPdf(target, 1, ['my own extraction, page 1', 'page 2'], [], 'My copy of the report');
    expect(own.id).not.toBe(docs[0]!.id);

    const client = inProcessClient(target);
    const inspected = await client.inspectBundle(blob);
    if (!inspected.ok) throw new Error(inspected.error.message);
    const record = inspected.preview.records.find((r) => r.kind === 'document' && r.status === 'conflict')!;
    expect(record).toMatchObject({ id: docs[0]!.id, choices: ['mine', 'theirs'], diffs: [{ path: 'title', mine: ['My copy of the report'], theirs: ['Source 1'] }] });
    expect(inspected.preview.files).toEqual({ new: 1, alreadyPresent: 1, newBytes: docs[1]!.byteLength });

    const result = await client.applyImport(inspected.preview.token, {});
    expect(result.filesAdded).toBe(1);
    expect(await target.documents.count()).toBe(2);
    expect(await target.documentFiles.count()).toBe(2);
    const mine = (await target.documents.get(own.id))!;
    expect(mine.title).toBe('My copy of the report');
    expect(mine.caseIds).toEqual([CASE_ID]); // now filed in the imported case too
    expect(await target.actors.where('citedDocumentIds').equals(own.id).primaryKeys()).toEqual([ARTEMIO]);
    expect(await target.documents.get(docs[0]!.id)).toBeUndefined();
  });
});
