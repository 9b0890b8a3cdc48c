import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent, SourceDocument } from '../model';
import { actorSchema, blankDocument, eventSchema, validateWith } from '../model';
import type { IncomingRecords, LocalRecords, MergeChoice, WriteSet } from './merge';
import { canonicalJson } from './canonicalJson';
import { keepBothId, lookupKeys, planMerge, recordKey } from './merge';
import { resolveMerge } from './mergeWrites';
import type { FieldDiff } from './diffText';
import { plainText } from './diffText';

/** A diff as raw text (label pieces by their values), for comparing. */
const plain = (d: FieldDiff) => ({ path: d.path, mine: plainText(d.mine), theirs: plainText(d.theirs) });

const data = sample as unknown as { case: Case; actors: Actor[]; events: CaseEvent[] };
const NOW = 2_000_000_000_000;
const sha = (n: number) => n.toString(16).padStart(64, '0');

function doc(n: number, extra: Partial<SourceDocument> = {}): SourceDocument {
  return {
    ...blankDocument({ sha256: sha(n), fileName: `f${n}.pdf`, byteLength: 1000 * n },
      { state: 'extracted', pageCount: 2, message: '', extractedAt: 5, characters: 10 }, 5),
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Document ${n}`,
    caseIds: [data.case.id],
    ...extra,
  };
}

type Mutable = { -readonly [K in keyof IncomingRecords]: IncomingRecords[K] extends readonly (infer T)[] ? T[] : IncomingRecords[K] };

function incoming(): Mutable {
  const documents = [doc(1), doc(2)];
  const actors = structuredClone(data.actors);
  actors[3]!.citations.push({ id: '00000000-0000-4000-8000-0000000000c1', documentId: documents[0]!.id, page: 2, quote: 'q', note: '' });
  return {
    caseId: data.case.id, cases: [structuredClone(data.case)], actors, events: structuredClone(data.events), documents,
    pages: documents.map((d) => ({ documentId: d.id, pages: ['one', 'two'].map((text) => ({ text, state: 'text' as const })) })),
  };
}

/** An in-memory library, so plans and writes can be checked without a database. */
class Library {
  cases = new Map<string, Case>();
  actors = new Map<string, Actor>();
  events = new Map<string, CaseEvent>();
  documents = new Map<string, SourceDocument>();
  files = new Set<string>();
  pages = new Map<string, string[]>();
  trash: WriteSet['trash'] = [];

  local(): LocalRecords {
    const bySha = new Map([...this.documents.values()].map((d) => [d.sha256, d.id]));
    return { cases: this.cases, actors: this.actors, events: this.events, documents: this.documents, documentIdBySha: bySha, fileShas: this.files };
  }
  apply(w: WriteSet): void {
    for (const c of w.cases) this.cases.set(c.id, c);
    for (const a of w.actors) this.actors.set(a.id, a);
    for (const e of w.events) this.events.set(e.id, e);
    for (const d of w.documents) this.documents.set(d.id, d);
    for (const s of w.fileShas) this.files.add(s);
    for (const p of w.pages) this.pages.set(p.documentId, p.pages.map((page) => page.text));
    this.trash.push(...w.trash);
  }
  dump(): string {
    return canonicalJson({ c: [...this.cases], a: [...this.actors], e: [...this.events], d: [...this.documents], f: [...this.files], p: [...this.pages], t: this.trash });
  }
  import(bundle: IncomingRecords, choices: Record<string, MergeChoice> = {}) {
    const plan = planMerge(bundle, this.local());
    let n = 0;
    const writes = resolveMerge(plan, bundle, this.local(), choices, NOW, () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`);
    this.apply(writes);
    return { plan, writes };
  }
}

const item = (plan: ReturnType<typeof planMerge>, kind: string, id: string) => plan.items.find((i) => i.key === `${kind}:${id}`)!;

describe('planMerge', () => {
  it('calls everything new in an empty library, and counts the files to store', () => {
    const plan = planMerge(incoming(), new Library().local());
    expect(plan.summary).toEqual({
      case: { new: 1, identical: 0, conflict: 0, trashed: 0 }, actor: { new: 7, identical: 0, conflict: 0, trashed: 0 },
      event: { new: 4, identical: 0, conflict: 0, trashed: 0 }, document: { new: 2, identical: 0, conflict: 0, trashed: 0 },
    });
    expect(plan.files).toEqual({ new: 2, alreadyPresent: 0, newBytes: 3000 });
  });

  it('ignores timestamps and case membership when deciding "identical"', () => {
    const lib = new Library();
    lib.import(incoming());
    const again = incoming();
    again.actors[0]!.updatedAt = 1;
    again.actors[0]!.createdAt = 1;
    again.documents[0]!.extraction.extractedAt = 999;
    again.events[1]!.caseIds = [];
    const plan = planMerge(again, lib.local());
    expect(plan.items.every((i) => i.status === 'identical')).toBe(true);
  });

  it('shows a conflict field by field, as display text', () => {
    const lib = new Library();
    lib.import(incoming());
    const theirs = incoming();
    const guzman = theirs.actors[2]!;
    guzman.description = 'Captured in Lima, 1992.';
    guzman.names.push({ id: '00000000-0000-4000-8000-0000000000d1', name: 'Presidente Gonzalo', type: 'nom_de_guerre', note: '', citations: [] });
    theirs.events[0]!.place.admin1 = 'Junín';
    theirs.events[0]!.fatalities.total = 9;
    const plan = planMerge(theirs, lib.local());
    const a = item(plan, 'actor', guzman.id);
    expect(a.status).toBe('conflict');
    expect(a.choices).toEqual(['mine', 'theirs', 'both']);
    expect(a.diffs.map((d) => d.path)).toEqual(['names', 'description']);
    expect(plain(a.diffs[1]!)).toEqual({ path: 'description', mine: data.actors[2]!.description, theirs: 'Captured in Lima, 1992.' });
    expect(plainText(a.diffs[0]!.theirs)).toContain('Presidente Gonzalo (nom_de_guerre)');
    expect(a.diffs[0]!.theirs).toContainEqual({ label: 'nameType', value: 'nom_de_guerre' });
    expect(plainText(a.diffs[0]!.mine)).not.toContain('Presidente Gonzalo');
    const e = item(plan, 'event', theirs.events[0]!.id);
    expect(e.diffs.map(plain)).toEqual([
      { path: 'place.admin1', mine: data.events[0]!.place.admin1 || '—', theirs: 'Junín' },
      { path: 'fatalities.total', mine: String(data.events[0]!.fatalities.total ?? '—'), theirs: '9' },
    ]);
    // Memberships name the group, not its id.
    const artemio = theirs.actors.find((x) => x.memberships.length > 0 && x.id !== guzman.id)!;
    artemio.memberships[0]!.role = 'Supreme leader';
    const m = item(planMerge(theirs, lib.local()), 'actor', artemio.id).diffs[0]!;
    expect(m.path).toBe('memberships');
    expect(plainText(m.theirs)).toMatch(/^Supreme leader, Shining Path/);
  });

  it('treats a file the library holds under another id as that document, and rewrites citations to it', () => {
    const lib = new Library();
    const mine = doc(1, { id: '00000000-0000-4000-8000-0000000000aa', title: 'My title' });
    lib.documents.set(mine.id, mine);
    lib.files.add(mine.sha256);
    const bundle = incoming();
    const plan = planMerge(bundle, lib.local());
    const d = item(plan, 'document', bundle.documents[0]!.id);
    expect(d).toMatchObject({ status: 'conflict', localId: mine.id, choices: ['mine', 'theirs'] });
    expect(d.diffs.map(plain)).toEqual([{ path: 'title', mine: 'My title', theirs: 'Document 1' }]);
    expect(plan.files).toEqual({ new: 1, alreadyPresent: 1, newBytes: 2000 });

    const { writes } = lib.import(bundle, { [d.key]: 'both' }); // 'both' cannot apply to a file: it keeps mine
    expect(writes.documents.map((x) => x.id)).toEqual([bundle.documents[1]!.id]);
    expect(writes.fileShas).toEqual([sha(2)]);
    const citing = lib.actors.get(bundle.actors[3]!.id)!;
    expect(citing.citations.at(-1)!.documentId).toBe(mine.id);
    expect(lib.documents.get(mine.id)!.title).toBe('My title');
    expect(lib.documents.size).toBe(2);
    // Its case membership grew; nothing else about it changed.
    expect(lib.documents.get(mine.id)!.caseIds).toEqual([data.case.id]);
  });

  it('gives a document a new id when its id is taken by another file', () => {
    const lib = new Library();
    const bundle = incoming();
    const squatter = doc(7, { id: bundle.documents[0]!.id });
    lib.documents.set(squatter.id, squatter);
    const { plan, writes } = lib.import(bundle);
    expect(item(plan, 'document', squatter.id).status).toBe('new');
    const moved = writes.documents.find((d) => d.sha256 === sha(1))!;
    expect(moved.id).not.toBe(squatter.id);
    expect(lib.documents.get(squatter.id)).toEqual(squatter);
    expect(lib.actors.get(bundle.actors[3]!.id)!.citations.at(-1)!.documentId).toBe(moved.id);
    expect(writes.pages.map((p) => p.documentId).sort()).toEqual([moved.id, bundle.documents[1]!.id].sort());
  });

  it('does not reuse the id of a document in the trash that holds another file', () => {
    const lib = new Library();
    const bundle = incoming();
    const local = lib.local();
    const withTrash: LocalRecords = { ...local, trashedDocumentShas: new Map([[bundle.documents[0]!.id, sha(9)], [bundle.documents[1]!.id, sha(2)]]) };
    const plan = planMerge(bundle, withTrash);
    const writes = resolveMerge(plan, bundle, withTrash, {}, NOW, () => 'x');
    expect(writes.documents.find((d) => d.sha256 === sha(1))!.id).not.toBe(bundle.documents[0]!.id);
    // The same file as the trashed copy keeps its id: its page texts are the same file's.
    expect(writes.documents.find((d) => d.sha256 === sha(2))!.id).toBe(bundle.documents[1]!.id);
  });

  it('stores a file twice in one bundle once', () => {
    const bundle = incoming();
    bundle.documents.push(doc(1, { id: '00000000-0000-4000-8000-0000000000bb' }));
    bundle.pages.push({ documentId: '00000000-0000-4000-8000-0000000000bb', pages: [{ text: 'x', state: 'text' }] });
    const lib = new Library();
    const { plan, writes } = lib.import(bundle);
    expect(item(plan, 'document', '00000000-0000-4000-8000-0000000000bb').status).toBe('identical');
    expect(writes.documents.filter((d) => d.sha256 === sha(1))).toHaveLength(1);
    expect(writes.pages).toHaveLength(2);
  });

  it('asks only for the records it compares with', () => {
    const bundle = incoming();
    const keys = lookupKeys(bundle);
    expect(keys.actors).toContain(bundle.actors[0]!.id);
    expect(keys.actors).toContain(keepBothId('actor', bundle.actors[0]!));
    expect(keys.shas).toEqual([sha(1), sha(2)]);
  });
});

describe('resolveMerge: each choice does what it says', () => {
  function conflicted() {
    const lib = new Library();
    lib.import(incoming());
    const theirs = incoming();
    const guzman = theirs.actors[2]!;
    guzman.description = 'Their description';
    guzman.caseIds = [data.case.id, '00000000-0000-4000-8000-0000000000ca'];
    const key = recordKey('actor', guzman.id);
    return { lib, theirs, guzman, key };
  }

  it('mine keeps the local record as it is (case membership may only grow)', () => {
    const { lib, theirs, guzman, key } = conflicted();
    const before = lib.actors.get(guzman.id)!;
    const { writes } = lib.import(theirs, { [key]: 'mine' });
    expect(lib.actors.get(guzman.id)).toEqual({ ...before, caseIds: [data.case.id, '00000000-0000-4000-8000-0000000000ca'], updatedAt: NOW });
    expect(writes.trash).toEqual([]);
    expect(writes.counts).toMatchObject({ replaced: 0, keptBoth: 0, added: 0 });
  });

  it('a missing choice means mine', () => {
    const { lib, theirs, guzman } = conflicted();
    lib.import(theirs);
    expect(lib.actors.get(guzman.id)!.description).toBe(data.actors[2]!.description);
  });

  it('theirs replaces it and puts the replaced version in the trash under a new id', () => {
    const { lib, theirs, guzman, key } = conflicted();
    const before = lib.actors.get(guzman.id)!;
    const { writes } = lib.import(theirs, { [key]: 'theirs' });
    expect(lib.actors.get(guzman.id)).toEqual({ ...guzman, createdAt: before.createdAt, updatedAt: NOW });
    expect(writes.trash).toEqual([{ table: 'actors', title: before.name, record: { ...before, id: '00000000-0000-4000-9000-000000000001' } }]);
    expect(writes.counts.replaced).toBe(1);
    expect(validateWith(actorSchema, writes.actors[0]).ok).toBe(true);
  });

  it('both adds the incoming one under a new id, and the incoming records that are written point to it', () => {
    const lib = new Library();
    lib.import(incoming());
    const theirs = incoming();
    const group = theirs.actors[0]!; // Shining Path: members and event participants refer to it
    group.description = 'Their view of the group';
    const member = theirs.actors.find((a) => a.memberships.some((m) => m.groupId === group.id))!;
    member.description = 'Their view of the member';
    const event = theirs.events.find((e) => e.participants.some((p) => p.actorId === group.id))!;
    event.title = 'Their title';
    const { writes } = lib.import(theirs, {
      [recordKey('actor', group.id)]: 'both', [recordKey('actor', member.id)]: 'theirs', [recordKey('event', event.id)]: 'theirs',
    });
    const copyId = keepBothId('actor', group);
    expect(writes.counts).toMatchObject({ keptBoth: 1, replaced: 2 });
    expect(lib.actors.get(copyId)).toEqual({ ...group, id: copyId });
    expect(lib.actors.get(group.id)!.description).toBe(data.actors[0]!.description);
    expect(lib.actors.get(member.id)!.memberships.map((m) => m.groupId)).toContain(copyId);
    expect(lib.events.get(event.id)!.participants.map((p) => p.actorId)).toContain(copyId);
    expect(validateWith(eventSchema, lib.events.get(event.id)).ok).toBe(true);
    // Records kept as mine still point to the local group.
    const untouched = data.events.find((e) => e.id !== event.id && e.participants.some((p) => p.actorId === group.id))!;
    expect(lib.events.get(untouched.id)!.participants.map((p) => p.actorId)).toContain(group.id);
  });

  it('the same bundle imported twice with the same choices changes nothing the second time', () => {
    for (const choice of ['mine', 'theirs', 'both'] as const) {
      const { lib, theirs, key } = conflicted();
      lib.import(theirs, { [key]: choice });
      const before = lib.dump();
      const { plan, writes } = lib.import(theirs, { [key]: choice });
      // After theirs or both the incoming version is in the library; after mine the conflict is simply still there.
      expect(plan.items.filter((i) => i.status !== 'identical').map((i) => i.key)).toEqual(choice === 'mine' ? [key] : []);
      expect(writes).toMatchObject({ cases: [], actors: [], events: [], documents: [], pages: [], fileShas: [], trash: [] });
      expect(lib.dump()).toBe(before);
    }
  });

  it('keeping the case both moves the incoming records into the new case', () => {
    const lib = new Library();
    lib.import(incoming());
    const theirs = incoming();
    theirs.cases[0]!.name = 'Their name for the case';
    const { writes } = lib.import(theirs, { [recordKey('case', data.case.id)]: 'both' });
    const copy = keepBothId('case', theirs.cases[0]!);
    expect(writes.caseId).toBe(copy);
    expect(lib.cases.get(copy)!.name).toBe('Their name for the case');
    expect([...lib.actors.values()].every((a) => a.caseIds.includes(copy) && a.caseIds.includes(data.case.id))).toBe(true);
  });
});
