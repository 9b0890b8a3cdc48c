import type { BundleManifest, CaseSnapshot, DocumentPages, ReadBundleResult } from './manifest';
import { FILE_PATH, PAGES_PATH, RECORD_PATHS, fail, filePath } from './manifest';
import type { EntryData } from './migrate';
import { entrySize } from './migrate';
import { CHARTS_PATH, validateCharts } from './charts';
import { NAME_RULES_PATH } from './nameRules';
import type { EntrySource } from './readBundle';
import { crc32 } from './bytes';
import { makeBlob, throwIfAborted } from './stream';
import {
  IssueList, checkIdsAcrossKinds, checkReferences, decodeJson, parseJsonText, validateActors, validateCases, validateDocuments, validateEvents, validateNameRules, validatePages,
} from './validateRecords';

/**
 * Steps 5–7 of docs/bundle-format.md over a current-version bundle whose structure is already
 * checked: the record lists (each inflated, hashed, parsed and validated in turn), the
 * references that need no page text, then the page lists one at a time — a refused one stops
 * the reading, so a bundle of huge page texts costs one of them — then counts, then the PDFs.
 */
export async function readRecords(manifest: BundleManifest, source: EntrySource, signal?: AbortSignal): Promise<ReadBundleResult> {
  const json = async (path: string): Promise<unknown> => {
    throwIfAborted(signal);
    if (!source.sizes.has(path)) fail('entry-missing', `The bundle has no "${path}".`, { entry: path });
    const bytes = await source.json(path);
    const text = decodeJson(path, bytes);
    // The bytes go before the text is parsed: never bytes, text and parsed value at once.
    source.release?.(bytes);
    return parseJsonText(path, text);
  };
  const errors = new IssueList();
  const broken = new IssueList();
  const warnings = new IssueList();
  const cases = validateCases(RECORD_PATHS.cases, await json(RECORD_PATHS.cases), errors);
  const actors = validateActors(RECORD_PATHS.actors, await json(RECORD_PATHS.actors), errors);
  const events = validateEvents(RECORD_PATHS.events, await json(RECORD_PATHS.events), errors);
  const documents = validateDocuments(RECORD_PATHS.documents, await json(RECORD_PATHS.documents), errors);
  const nameRules = validateNameRules(NAME_RULES_PATH, await json(NAME_RULES_PATH), new Set(actors.map((a) => a.id)), errors, broken);
  const charts = validateCharts(CHARTS_PATH, await json(CHARTS_PATH), new Set(cases.map((c) => c.id)), errors, broken);
  checkIdsAcrossKinds([
    ['case', RECORD_PATHS.cases, cases], ['actor', RECORD_PATHS.actors, actors],
    ['event', RECORD_PATHS.events, events], ['document', RECORD_PATHS.documents, documents],
  ], errors);
  refuseIfAny(errors, broken);

  // References that need no page text: refused before any page list is inflated.
  const documentsById = new Map(documents.map((d) => [d.id, d]));
  const fileSizes = new Map<string, number>();
  const pagePaths: [string, string][] = [];
  for (const [path, size] of source.sizes) {
    const pageMatch = PAGES_PATH.exec(path);
    const fileMatch = FILE_PATH.exec(path);
    if (pageMatch) {
      if (!documentsById.has(pageMatch[1]!)) broken.add({ kind: 'pages', id: pageMatch[1]!, entry: path, path: 'documentId', message: 'bundle.missingDocument' });
      else pagePaths.push([path, pageMatch[1]!]);
    } else if (fileMatch) {
      fileSizes.set(fileMatch[1]!, size);
    } else if (path !== NAME_RULES_PATH && path !== CHARTS_PATH && !Object.values<string>(RECORD_PATHS).includes(path)) {
      fail('entry-unlisted', `The bundle holds "${path}", which is not part of the bundle format.`, { entry: path });
    }
  }
  for (const d of documents) {
    const size = fileSizes.get(d.sha256);
    if (size === undefined) broken.add({ kind: 'document', id: d.id, entry: RECORD_PATHS.documents, path: 'sha256', message: 'bundle.missingFile' });
    else if (size !== d.byteLength) broken.add({ kind: 'document', id: d.id, entry: RECORD_PATHS.documents, path: 'byteLength', message: 'bundle.fileSizeMismatch' });
  }
  const usedFiles = new Set(documents.map((d) => d.sha256));
  for (const sha of fileSizes.keys()) {
    if (!usedFiles.has(sha)) broken.add({ kind: 'file', id: sha, entry: filePath(sha), path: '', message: 'bundle.unusedFile' });
  }
  if (!cases.some((c) => c.id === manifest.case.id)) {
    broken.add({ kind: 'case', id: manifest.case.id, entry: RECORD_PATHS.cases, path: 'id', message: 'bundle.missingCase' });
  }
  checkReferences({ cases, actors, events, documents, entries: RECORD_PATHS }, broken, warnings);
  refuseIfAny(errors, broken);

  // Page lists, one at a time: the first refused one ends the reading.
  const pages: DocumentPages[] = [];
  for (const [path, documentId] of pagePaths) {
    const p = validatePages(path, documentId, await json(path), errors);
    const doc = documentsById.get(documentId)!;
    if (p && p.pages.length > doc.extraction.pageCount) broken.add({ kind: 'pages', id: documentId, entry: path, path: 'pages', message: 'bundle.tooManyPages' });
    refuseIfAny(errors, broken);
    if (p) pages.push(p);
  }

  const actual = {
    cases: cases.length, actors: actors.length, events: events.length, documents: documents.length, pages: pages.length, files: fileSizes.size, nameRules: nameRules.length, charts: charts.length,
  };
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    if (actual[key] !== manifest.counts[key]) {
      fail('count-mismatch', `The manifest promises ${manifest.counts[key]} ${key} but the bundle holds ${actual[key]}.`);
    }
  }
  // The PDFs last: the bulk of a genuine bundle, read only once everything else holds.
  await source.verifyFiles();
  const files: CaseSnapshot['files'] = [];
  for (const sha256 of [...fileSizes.keys()].sort()) {
    const data: EntryData = await source.file(filePath(sha256));
    // A PDF stored in the zip is a slice of the source; one deflated by another writer is in memory.
    files.push({
      sha256,
      byteLength: entrySize(data),
      blob: data instanceof Uint8Array ? makeBlob([data], 'application/pdf') : data.blob,
      // Verified on reading (stored entries: CRC-32 and SHA-256); kept so the file need not be read to export it.
      crc32: data instanceof Uint8Array ? crc32(data) : data.crc,
    });
  }
  pages.sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  const snapshot: CaseSnapshot = { caseId: manifest.case.id, cases, actors, events, documents, pages, nameRules, charts, files };
  return { ok: true, snapshot, manifest, warnings: warnings.items, encrypted: false };
}

function refuseIfAny(errors: IssueList, broken: IssueList): void {
  if (errors.items.length > 0) {
    const n = errors.items.length;
    fail('invalid-records', `${n}${n >= 500 ? '+' : ''} problem${n === 1 ? '' : 's'} found in the bundle's records; nothing was imported.`, { issues: errors.items });
  }
  if (broken.items.length > 0) {
    const n = broken.items.length;
    fail('broken-reference', `${n}${n >= 500 ? '+' : ''} reference${n === 1 ? '' : 's'} in the bundle point${n === 1 ? 's' : ''} to a document, file or case it does not hold; nothing was imported.`, { issues: broken.items });
  }
}
