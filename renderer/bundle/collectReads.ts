import Dexie from 'dexie';
import type { BundleNameRule } from '../../shared/bundle';
import type { Actor, CaseEvent, Citation } from '../../shared/model';
import type { CasefileDb } from '../db/db';
import type { DocumentFileRow, DocumentRow, PageRow } from '../db/derive';
import type { NameRuleRow } from '../db/mentionTypes';
import { cmp } from '../db/derive';
import type { BundleFile } from './io';

/**
 * The reads of collectSnapshot (collect.ts), each one request where the rows it wants are a good
 * part of the library: IndexedDB answers a transaction's requests one after another, so a
 * thousand small gets hold back the reads queued behind them.
 */

/**
 * The files of these documents (each once), from documentFiles; a missing one is named by its
 * document. `libraryDocuments` (the documents table's count) given and these documents at least
 * half of it: one read of the whole table, filtered (the files of a backup or a big case; a get
 * per file was ~0.1 s for 1,000 files before the export's first byte); a get per file otherwise.
 */
export async function filesOf(db: CasefileDb, docs: readonly DocumentRow[], libraryDocuments?: number, then?: (files: BundleFile[]) => void): Promise<BundleFile[]> {
  const shas = [...new Set(docs.map((d) => d.sha256))];
  let rows: (DocumentFileRow | undefined)[];
  if (shas.length === 0) rows = [];
  else if (libraryDocuments !== undefined && docs.length * 2 >= libraryDocuments) {
    const bySha = new Map((await db.documentFiles.toArray()).map((row) => [row.sha256, row]));
    rows = shas.map((sha) => bySha.get(sha));
  } else rows = await db.documentFiles.bulkGet(shas);
  const files: BundleFile[] = [];
  rows.forEach((row, i) => {
    if (!row) throw new Error(`The file of document "${docs.find((d) => d.sha256 === shas[i])?.title}" is missing from the library.`);
    files.push({ sha256: row.sha256, byteLength: row.blob.size, blob: row.blob, ...(row.crc32 !== undefined ? { crc32: row.crc32 } : {}) });
  });
  then?.(files);
  return files;
}

export function bundleNameRule(row: NameRuleRow): BundleNameRule {
  return row.kind === 'rule'
    ? { actorId: row.actorId, kind: 'rule', name: row.name, source: row.source, rule: row.rule }
    : { actorId: row.actorId, kind: 'family', families: row.families };
}

/**
 * The page rows of these documents, by document, each document's in page order. When they are a
 * good part of the library (`libraryDocuments`, the documents table's count, counted here when
 * not given: a backup, a big case), one getAll over the key range they span and a filter: a query per document was a
 * thousand round trips to IndexedDB, most of the collect time. A few documents of a large
 * library are read one query each (all in flight), so foreign pages are not read.
 */
export async function pageRowsOf(db: CasefileDb, ids: readonly string[], libraryDocuments?: number): Promise<Map<string, PageRow[]>> {
  const byDocument = new Map<string, PageRow[]>();
  if (ids.length === 0) return byDocument;
  const add = (row: PageRow) => {
    const list = byDocument.get(row.documentId);
    if (list) list.push(row);
    else byDocument.set(row.documentId, [row]);
  };
  const wanted = new Set(ids);
  if (ids.length * 2 >= (libraryDocuments ?? (await db.documents.count()))) {
    const sorted = [...ids].sort(cmp);
    const rows = await db.pages.where('[documentId+page]').between([sorted[0], Dexie.minKey], [sorted.at(-1), Dexie.maxKey], true, true).toArray();
    for (const row of rows) if (wanted.has(row.documentId)) add(row);
  } else {
    const reads = await Promise.all(ids.map((id) => db.pages.where('[documentId+page]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()));
    for (const rows of reads) for (const row of rows) add(row);
  }
  for (const rows of byDocument.values()) rows.sort((a, b) => a.page - b.page);
  return byDocument;
}

export async function liveRows<T>(rows: Promise<(T | undefined)[]>): Promise<T[]> {
  return (await rows).filter((r): r is T => r !== undefined);
}

const keep = (cs: Citation[], live: ReadonlySet<string>): Citation[] => cs.filter((c) => live.has(c.documentId));

/** The actor with its citations of documents not in `live` left out (the bundle carries every document it cites). */
export function dropDeadCitations(a: Actor, live: ReadonlySet<string>): Actor {
  return {
    ...a,
    citations: keep(a.citations, live),
    names: a.names.map((n) => ({ ...n, citations: keep(n.citations, live) })),
    memberships: a.memberships.map((m) => ({ ...m, citations: keep(m.citations, live) })),
    statusHistory: a.statusHistory.map((s) => ({ ...s, citations: keep(s.citations, live) })),
  };
}

export function dropDeadCitationsEvent(e: CaseEvent, live: ReadonlySet<string>): CaseEvent {
  return {
    ...e,
    citations: keep(e.citations, live),
    participants: e.participants.map((p) => ({ ...p, citations: keep(p.citations, live) })),
  };
}
