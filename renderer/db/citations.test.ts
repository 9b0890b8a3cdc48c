import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Actor, CaseEvent } from '../../shared/model';
import { blankActor, blankEvent, newCitation, newId } from '../../shared/model';
import type { ExtractionResult } from '../../shared/pdf/types';
import { sha256Hex } from '../util/sha256';
import { deleteActor, getActor, saveActor } from './actors';
import { RecordNotFoundError } from './cases';
import type { CitationTarget } from './citations';
import { addCitation, listCitationTargets, removeCitation } from './citations';
import { openDatabase } from './db';
import { addDocument, deleteDocument, recordsCitingDocument } from './documents';
import { getEvent, saveEvent } from './events';

const freshDb = () => openDatabase('test', { indexedDB: new IDBFactory(), IDBKeyRange });
type Db = Awaited<ReturnType<typeof freshDb>>;

const pages = (n: number): ExtractionResult => ({
  state: 'extracted', pageCount: n, pages: Array.from({ length: n }, (_, i) => `page ${i + 1}`), info: null, message: '', durationMs: 1,
});

async function doc(db: Db, name: string, pageCount = 50) {
  const bytes = new TextEncoder().encode(name);
  const r = await addDocument(db, { file: new Blob([bytes]), sha256: await sha256Hex(bytes), fileName: `${name}.pdf`, extraction: pages(pageCount) });
  if (r.status !== 'added') throw new Error(r.status);
  return r.document;
}

async function seed() {
  const db = await freshDb();
  const group = blankActor('armed_group');
  group.name = 'Sendero Luminoso';
  const actor: Actor = {
    ...blankActor('person'),
    name: 'Víctor Quispe Palomino',
    names: [{ id: newId(), name: 'Camarada José', type: 'nom_de_guerre', note: '', citations: [] }],
    memberships: [{ id: newId(), groupId: group.id, role: 'Jefe militar', from: null, to: null, note: '', citations: [] }],
    statusHistory: [{ id: newId(), status: 'at_large', date: null, place: 'VRAEM', note: '', citations: [] }],
  };
  const event: CaseEvent = {
    ...blankEvent(),
    title: 'Emboscada en Sanabamba',
    participants: [{ id: newId(), actorId: actor.id, role: 'attacker', note: '', citations: [] }],
  };
  for (const a of [group, actor]) expect((await saveActor(db, a, 1_000)).ok).toBe(true);
  expect((await saveEvent(db, event, 1_000)).ok).toBe(true);
  const report = await doc(db, 'informe');
  const press = await doc(db, 'prensa', 4);
  return { db, actor, event, report, press };
}

describe('listCitationTargets', () => {
  it('lists every citable part of an actor and of an event, record first, with label data', async () => {
    const { actor, event } = await seed();
    expect(listCitationTargets(actor).map((p) => [p.target.part, p.path, p.label])).toEqual([
      ['actor', '', { part: 'actor', name: 'Víctor Quispe Palomino' }],
      ['name', 'names.0', { part: 'name', name: 'Camarada José', type: 'nom_de_guerre' }],
      ['membership', 'memberships.0', { part: 'membership', groupId: actor.memberships[0]!.groupId, role: 'Jefe militar', from: null, to: null }],
      ['status', 'statusHistory.0', { part: 'status', status: 'at_large', date: null, place: 'VRAEM' }],
    ]);
    expect(listCitationTargets(event).map((p) => p.target)).toEqual([
      { table: 'events', id: event.id, part: 'event' },
      { table: 'events', id: event.id, part: 'participant', partId: event.participants[0]!.id },
    ]);
  });
});

describe('addCitation / removeCitation', () => {
  it('cites each part kind, renews updatedAt and the cited-documents index, and shows in recordsCitingDocument', async () => {
    const { db, actor, event, report, press } = await seed();
    const targets: CitationTarget[] = [
      { table: 'actors', id: actor.id, part: 'actor' },
      { table: 'actors', id: actor.id, part: 'name', partId: actor.names[0]!.id },
      { table: 'actors', id: actor.id, part: 'membership', partId: actor.memberships[0]!.id },
      { table: 'actors', id: actor.id, part: 'status', partId: actor.statusHistory[0]!.id },
      { table: 'events', id: event.id, part: 'event' },
      { table: 'events', id: event.id, part: 'participant', partId: event.participants[0]!.id },
    ];
    const citations = targets.map((_, i) => newCitation(report.id, i + 1, i === 1 ? 'alias «Camarada José»' : ''));
    for (const [i, target] of targets.entries()) {
      expect(await addCitation(db, target, citations[i]!, 5_000 + i)).toMatchObject({ ok: true });
    }
    expect(await addCitation(db, targets[0]!, newCitation(press.id, null), 6_000)).toMatchObject({ ok: true });

    const storedActor = (await getActor(db, actor.id))!;
    expect(storedActor.updatedAt).toBe(6_000);
    expect(storedActor.citations.map((c) => c.documentId)).toEqual([report.id, press.id]);
    expect(storedActor.names[0]!.citations).toEqual([citations[1]]);
    expect(storedActor.memberships[0]!.citations).toEqual([citations[2]]);
    expect(storedActor.statusHistory[0]!.citations).toEqual([citations[3]]);
    const storedEvent = (await getEvent(db, event.id))!;
    expect(storedEvent.updatedAt).toBe(5_005);
    expect(storedEvent.citations).toEqual([citations[4]]);
    expect(storedEvent.participants[0]!.citations).toEqual([citations[5]]);

    const citing = await recordsCitingDocument(db, report.id);
    expect(citing.map((r) => ({ table: r.table, id: r.id, title: r.title }))).toEqual([
      { table: 'actors', id: actor.id, title: 'Víctor Quispe Palomino' },
      { table: 'events', id: event.id, title: 'Emboscada en Sanabamba' },
    ]);
    expect(citing.flatMap((r) => r.citations.map((c) => c.part))).toEqual(targets);
    expect(citing.flatMap((r) => r.citations.map((c) => c.citation.page))).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await recordsCitingDocument(db, press.id)).map((r) => r.citations.map((c) => c.citation.page))).toEqual([[null]]);

    // Removing the only citation of `press` drops the actor from its list; the rest stay.
    expect(await removeCitation(db, targets[0]!, storedActor.citations[1]!.id, 7_000)).toBe(true);
    expect(await recordsCitingDocument(db, press.id)).toEqual([]);
    expect((await getActor(db, actor.id))?.updatedAt).toBe(7_000);
    expect(await removeCitation(db, targets[5]!, citations[5]!.id)).toBe(true);
    expect(await removeCitation(db, targets[5]!, citations[5]!.id)).toBe(false);
    expect((await recordsCitingDocument(db, report.id)).map((r) => r.citations.length)).toEqual([4, 1]);
  });

  it('replaces a citation with the same id on that part, to save an edited quote', async () => {
    const { db, actor, report } = await seed();
    const target: CitationTarget = { table: 'actors', id: actor.id, part: 'actor' };
    const c = newCitation(report.id, 3);
    await addCitation(db, target, c);
    await addCitation(db, target, { ...c, quote: 'corrected', note: 'p. 3, footnote' });
    expect((await getActor(db, actor.id))?.citations).toEqual([{ ...c, quote: 'corrected', note: 'p. 3, footnote' }]);
  });

  it('refuses a bad page, a page past the end and a missing document, writing nothing', async () => {
    const { db, actor, report, press } = await seed();
    const target: CitationTarget = { table: 'actors', id: actor.id, part: 'actor' };
    expect(await addCitation(db, target, newCitation(report.id, 0))).toEqual({ ok: false, issues: [{ path: 'page', message: 'validation.page' }] });
    expect(await addCitation(db, target, newCitation(press.id, 5))).toEqual({ ok: false, issues: [{ path: 'page', message: 'validation.page' }] });
    expect(await addCitation(db, target, newCitation(newId(), 1))).toEqual({ ok: false, issues: [{ path: 'documentId', message: 'validation.invalidId' }] });
    await deleteDocument(db, report.id);
    expect(await addCitation(db, target, newCitation(report.id, 1))).toEqual({ ok: false, issues: [{ path: 'documentId', message: 'validation.invalidId' }] });
    expect(await getActor(db, actor.id)).toEqual({ ...actor, createdAt: actor.createdAt, updatedAt: 1_000 });
  });

  it('throws RecordNotFoundError for a missing record or part', async () => {
    const { db, actor, event, report } = await seed();
    const c = newCitation(report.id, 1);
    await expect(addCitation(db, { table: 'actors', id: newId(), part: 'actor' }, c)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(addCitation(db, { table: 'actors', id: actor.id, part: 'name', partId: newId() }, c)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(removeCitation(db, { table: 'events', id: event.id, part: 'participant', partId: newId() }, c.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    await deleteActor(db, actor.id);
    await expect(removeCitation(db, { table: 'actors', id: actor.id, part: 'actor' }, c.id)).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('indexes citations saved through the ordinary forms too', async () => {
    const { db, actor, report } = await seed();
    const edited = { ...actor, statusHistory: [{ ...actor.statusHistory[0]!, citations: [newCitation(report.id, 9)] }] };
    expect((await saveActor(db, edited)).ok).toBe(true);
    const citing = await recordsCitingDocument(db, report.id);
    expect(citing.map((r) => r.citations.map((c) => [c.part.part, c.label.part, c.citation.page]))).toEqual([[['status', 'status', 9]]]);
  });
});
