import { describe, expect, it } from 'vitest';
import { crc32 } from '../../shared/bundle/bytes';
import { collectSnapshot } from '../../renderer/bundle/collect';
import { databaseDigest } from '../../renderer/bundle/digest';
import { readBundleBlob } from '../../renderer/bundle/io';
import { getDocumentBlob, getPagesText, listCitationTargets, recordsCitingDocument } from '../../renderer/db';
import type { CasefileDb } from '../../renderer/db/db';
import { toActor, toDocument, toEvent } from '../../renderer/db/derive';
import { ARTEMIO, CASE_ID, SAMPLE, addPdf, blobSha, editActor, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

async function records(db: CasefileDb) {
  return {
    cases: byId(await db.cases.toArray()),
    actors: byId((await db.actors.toArray()).map(toActor)),
    events: byId((await db.events.toArray()).map(toEvent)),
    documents: byId((await db.documents.toArray()).map(toDocument)),
  };
}

describe('export a case → import into an empty profile', () => {
  it('brings back every record, every file byte for byte and every page text; citations open the same pages', async () => {
    const { db: source, docs } = await seededProfile();
    const exported = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    expect(exported.suggestedName).toBe('shining-path-in-the-vraem-2030-03-17.casefile');
    expect(exported.encrypted).toBe(false);
    expect(exported.counts).toEqual({ cases: 1, actors: 7, events: 4, documents: 2, pages: 2, files: 2, nameRules: 0, charts: 0 });

    const target = await freshDb();
    const client = inProcessClient(target);
    const inspected = await client.inspectBundle(exported.blob);
    if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
    const { preview } = inspected;
    expect(preview.bundle).toMatchObject({ caseId: CASE_ID, caseName: 'Shining Path in the VRAEM', formatVersion: 4, encrypted: false });
    expect(preview.summary).toEqual({
      case: { new: 1, identical: 0, conflict: 0, trashed: 0 }, actor: { new: 7, identical: 0, conflict: 0, trashed: 0 },
      event: { new: 4, identical: 0, conflict: 0, trashed: 0 }, document: { new: 2, identical: 0, conflict: 0, trashed: 0 },
    });
    expect(preview.files).toEqual({ new: 2, alreadyPresent: 0, newBytes: docs[0]!.byteLength + docs[1]!.byteLength });
    expect(preview.records.every((r) => r.status === 'new' && r.diffs.length === 0)).toBe(true);
    expect(preview.warnings).toEqual([]);

    const result = await client.applyImport(preview.token, {});
    expect(result).toEqual({ added: 14, replaced: 0, keptBoth: 0, unchanged: 0, filesAdded: 2, restored: 0, keptInTrash: 0, ocrPages: 0, caseId: CASE_ID });

    expect(await records(target)).toEqual(await records(source));
    for (const doc of docs) {
      const [a, b] = [await getDocumentBlob(source, doc.id), await getDocumentBlob(target, doc.id)];
      expect(await blobSha(b!)).toBe(doc.sha256);
      expect(await blobSha(b!)).toBe(await blobSha(a!));
      expect(await getPagesText(target, doc.id)).toEqual(await getPagesText(source, doc.id));
    }
    // Artemio's citation still leads to page 2 of the first PDF, and its text is there.
    const citing = await recordsCitingDocument(target, docs[0]!.id);
    expect(citing.map((c) => [c.id, c.citations.map((x) => x.citation.page)])).toEqual([[ARTEMIO, [2]]]);
    const artemio = toActor((await target.actors.get(ARTEMIO))!);
    const cite = listCitationTargets(artemio).flatMap((p) => p.citations)[0]!;
    expect((await getPagesText(target, cite.documentId))[cite.page! - 1]).toContain('Comrade Artemio');
    // Derived index fields were written too: the indexes answer as in the source profile.
    expect(await target.actors.where('citedDocumentIds').equals(docs[0]!.id).primaryKeys()).toEqual([ARTEMIO]);
    expect(await target.actors.where('nameWords').startsWith('artemio').primaryKeys()).toEqual([ARTEMIO]);
    expect(await target.documents.where('sha256').equals(docs[1]!.sha256).count()).toBe(1);
    // Each imported file keeps its CRC-32 (checked on the way in), so exporting it again never reads it.
    for (const doc of docs) {
      const row = (await target.documentFiles.get(doc.sha256))!;
      expect(row.crc32).toBe(crc32(new Uint8Array(await row.blob.arrayBuffer())));
    }
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const { db: source } = await seededProfile();
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    const target = await freshDb();
    const client = inProcessClient(target);
    const first = await client.inspectBundle(blob);
    if (!first.ok) throw new Error(first.error.message);
    await client.applyImport(first.preview.token, {});
    const before = await databaseDigest(target);

    const second = await client.inspectBundle(blob);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.preview.records).toEqual([]);
    expect(second.preview.summary.actor).toEqual({ new: 0, identical: 7, conflict: 0, trashed: 0 });
    expect(second.preview.files).toEqual({ new: 0, alreadyPresent: 2, newBytes: 0 });
    const result = await client.applyImport(second.preview.token, {});
    expect(result).toMatchObject({ added: 0, replaced: 0, keptBoth: 0, unchanged: 14, filesAdded: 0 });
    expect(await databaseDigest(target)).toBe(before);
    // And importing it back into the profile it came from changes nothing either.
    const home = inProcessClient(source);
    const sourceBefore = await databaseDigest(source);
    const back = await home.inspectBundle(blob);
    if (!back.ok) throw new Error(back.error.message);
    await home.applyImport(back.preview.token, {});
    expect(await databaseDigest(source)).toBe(sourceBefore);
  });

  it('a selection carries the chosen actors and events and the documents they cite, and reads back with warnings only', async () => {
    const { db, docs } = await seededProfile();
    const event = SAMPLE.events[0]!;
    const snapshot = await collectSnapshot(db, { kind: 'selection', caseId: CASE_ID, actorIds: [ARTEMIO], eventIds: [event.id] });
    expect(snapshot.actors.map((a) => a.id)).toEqual([ARTEMIO]);
    expect(snapshot.events.map((e) => e.id)).toEqual([event.id]);
    expect(snapshot.documents.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(snapshot.files.every((f) => f.blob instanceof Blob)).toBe(true);

    const { blob } = await inProcessClient(db).exportBundle({ kind: 'selection', caseId: CASE_ID, actorIds: [ARTEMIO], eventIds: [event.id] });
    const read = await readBundleBlob(blob);
    if (!read.ok) throw new Error(read.error.message);
    // Artemio's group and the event's other participants stay outside: warnings, not errors.
    expect(new Set(read.warnings.map((w) => w.message))).toEqual(new Set(['bundle.missingActor', 'bundle.missingEvent']));

    // The profile that holds the group and the participants (here, the source itself) is not warned about them.
    const target = await freshDb();
    const inspected = await inProcessClient(db).inspectBundle(blob);
    expect(inspected.ok && inspected.preview.warnings).toEqual([]);
    const fresh = await inProcessClient(target).inspectBundle(blob);
    expect(fresh.ok && fresh.preview.warnings.length).toBeGreaterThan(0);
  });

  it('a case export leaves out citations to documents no longer in the library, and other cases\' ids', async () => {
    const { db, docs } = await seededProfile();
    const other = await addPdf(db, 9, ['elsewhere'], [CASE_ID, '00000000-0000-4000-8000-0000000000aa']);
    await editActor(db, ARTEMIO, (a) => { a.citations.push({ ...a.citations[0]!, id: '00000000-0000-4000-8000-0000000000c9', documentId: other.id }); });
    await db.documents.delete(other.id); // gone without a trace (say, purged from the trash)
    const snapshot = await collectSnapshot(db, { kind: 'case', caseId: CASE_ID });
    expect(snapshot.actors.find((a) => a.id === ARTEMIO)!.citations.map((c) => c.documentId)).toEqual([docs[0]!.id]);
    expect(snapshot.documents.every((d) => d.caseIds.every((c) => c === CASE_ID))).toBe(true);
  });

  it('"Back up everything" holds every case and record; restoring it into an empty profile gives the same library', async () => {
    const { db } = await seededProfile();
    const loose = await addPdf(db, 7, ['not in any case'], []);
    const backup = await inProcessClient(db).exportBundle({ kind: 'library' });
    expect(backup.suggestedName).toBe('casefile-backup-2030-03-17.casefile');
    expect(backup.counts.documents).toBe(3);
    const target = await freshDb();
    const client = inProcessClient(target);
    const inspected = await client.inspectBundle(backup.blob);
    if (!inspected.ok) throw new Error(inspected.error.message);
    await client.applyImport(inspected.preview.token, {});
    expect(await records(target)).toEqual(await records(db));
    expect(await blobSha((await getDocumentBlob(target, loose.id))!)).toBe(loose.sha256);
  });

  it('says plainly when there is nothing to export', async () => {
    const empty = await freshDb();
    await expect(inProcessClient(empty).exportBundle({ kind: 'library' })).rejects.toMatchObject({ code: 'empty-library', message: expect.stringMatching(/no case in this library/) });
    await expect(inProcessClient(empty).exportBundle({ kind: 'case', caseId: CASE_ID })).rejects.toMatchObject({ code: 'case-missing', message: expect.stringMatching(/no longer exists/) });
  });
});
