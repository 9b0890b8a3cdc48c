import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import sample from '../../resources/sample-case/vraem.json';
import type { ExtractionResult } from '../../shared/pdf/types';
import type { Actor, CaseEvent, SourceDocument } from '../../shared/model';
import { newCitation } from '../../shared/model';
import { createBundleClient } from '../../renderer/bundle/bundleClient';
import type { BundleClientHandle, BundleWorkerLike } from '../../renderer/bundle/bundleClient';
import { saveActor, saveEvent } from '../../renderer/db';
import type { CasefileDb } from '../../renderer/db/db';
import { openDatabase } from '../../renderer/db/db';
import { addDocument } from '../../renderer/db/documents';
import type { SampleCase } from '../../renderer/db/sample';
import { loadSampleCase } from '../../renderer/db/sample';
import { sha256Hex } from '../../renderer/util/sha256';
import { createBundleHost } from '../../renderer/workers/bundleHost';
import type { BundleHostConfig } from '../../renderer/workers/bundleHost';
import type { BundleRequest, BundleResponse } from '../../renderer/workers/bundleProtocol';

/** Test support for the bundle tests: profiles in fake-indexeddb and the worker run in-process. */

export const SAMPLE = sample as unknown as SampleCase;
export const CASE_ID = SAMPLE.case.id;
/** Florindo Eleuterio Flores, "Comrade Artemio": a person with a membership in the Shining Path. */
export const ARTEMIO = SAMPLE.actors.find((a) => a.names.some((n) => n.name.includes('Artemio')))!.id;

let counter = 0;
/** A new, empty profile (its own IndexedDB factory, so profiles never see each other). */
export const freshDb = (): Promise<CasefileDb> => openDatabase(`profile-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });

/** Bytes that start like a PDF, distinct per seed. */
export function fakePdf(seed: number, length = 5_000): Uint8Array {
  const head = new TextEncoder().encode(`%PDF-1.7\n% casefile test ${seed}\n`);
  const out = new Uint8Array(head.length + length);
  out.set(head);
  for (let i = 0; i < length; i++) out[head.length + i] = (i * 31 + seed * 17) % 251;
  return out;
}

const extracted = (pages: string[]): ExtractionResult => ({ state: 'extracted', pageCount: pages.length, pages, info: null, message: '', durationMs: 1 });

export async function addPdf(db: CasefileDb, seed: number, pages: string[], caseIds: string[] = [CASE_ID], title = `Source ${seed}`): Promise<SourceDocument> {
  const bytes = fakePdf(seed);
  const r = await addDocument(db, {
    file: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), sha256: await sha256Hex(bytes), fileName: `source-${seed}.pdf`,
    extraction: extracted(pages), metadata: { title }, caseIds,
  }, 1_700_000_100_000 + seed);
  if (r.status !== 'added') throw new Error(`addPdf: ${r.status}`);
  return r.document;
}

function ok<T>(r: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!r.ok) throw new Error(`invalid: ${JSON.stringify(r.issues)}`);
  return r.value;
}

export async function editActor(db: CasefileDb, id: string, change: (a: Actor) => void, now = 1_800_000_000_000): Promise<Actor> {
  const row = await db.actors.get(id);
  if (!row) throw new Error(`no actor ${id}`);
  const { sortName: _s, status: _st, groupIds: _g, nameWords: _n, citedDocumentIds: _c, ...actor } = row;
  const next = structuredClone(actor) as Actor;
  change(next);
  return ok(await saveActor(db, next, now));
}

export async function editEvent(db: CasefileDb, id: string, change: (e: CaseEvent) => void, now = 1_800_000_000_000): Promise<CaseEvent> {
  const row = await db.events.get(id);
  if (!row) throw new Error(`no event ${id}`);
  const { undated: _u, dateFrom: _f, dateTo: _t, actorIds: _a, titleWords: _w, citedDocumentIds: _c, ...event } = row;
  const next = structuredClone(event) as CaseEvent;
  change(next);
  return ok(await saveEvent(db, next, now));
}

/** The sample case with two cited PDFs: Artemio cites page 2 of the first, the first event page 1 of the second. */
export async function seededProfile(): Promise<{ db: CasefileDb; docs: SourceDocument[] }> {
  const db = await freshDb();
  ok(await loadSampleCase(db, SAMPLE, 1_700_000_000_000));
  const docs = [
    await addPdf(db, 1, ['Artemio was captured in 2012.', 'Comrade Artemio led the Upper Huallaga faction.']),
    await addPdf(db, 2, ['The clash in the VRAEM left soldiers dead.']),
  ];
  await editActor(db, ARTEMIO, (a) => { a.citations.push(newCitation(docs[0]!.id, 2, 'Comrade Artemio')); }, 1_700_000_200_000);
  await editEvent(db, SAMPLE.events[0]!.id, (e) => { e.citations.push(newCitation(docs[1]!.id, 1, 'The clash')); }, 1_700_000_200_000);
  return { db, docs };
}

/** A bundle client whose "worker" is the real host running in this thread over `db`, messages delivered asynchronously. */
export function inProcessClient(db: CasefileDb, config: Partial<BundleHostConfig> = {}): BundleClientHandle & { sent: BundleRequest[] } {
  const sent: BundleRequest[] = [];
  const client = createBundleClient(() => {
    const worker: BundleWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {},
      postMessage(message) {
        sent.push(message);
        setTimeout(() => host.handle(message), 0);
      },
    };
    const host = createBundleHost({
      openDb: async () => db, appVersion: '0.1.0', now: () => 1_900_000_000_000,
      post: (message: BundleResponse) => setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent<BundleResponse>), 0),
      ...config,
    });
    return worker;
  });
  return Object.assign(client, { sent });
}

export async function blobSha(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}
