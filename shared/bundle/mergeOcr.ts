import type { SourceDocument } from '../model';
import type { DiffPiece, FieldDiff } from './diffText';
import type { PageEntry } from './pages';

/**
 * OCR a bundle brings for a document the library already holds (the same file): the sender's
 * Casefile read pages that are still scans here. Pure, like merge.ts:
 * - a local page with no text of its own (a scan not read yet, an unreadable text layer, a
 *   page thought blank or a drawing) takes the bundle's OCR text, words and provenance;
 * - a page both sides have text for, differently (both read by OCR, or the sender OCR'd a page
 *   whose text layer is used here), is a decision: the local text stays unless the user takes
 *   theirs for that document (one choice per document, key `ocr:<incoming id>`);
 * - the local page's form-field and comment text always stays.
 * Documents new to the library bring all their pages the usual way (resolveMerge).
 */

/** A local page row's content, keyed by `pageKey(documentId, page)`. */
export type LocalPages = ReadonlyMap<string, PageEntry>;

export const pageKey = (documentId: string, page: number): string => `${documentId}#${page}`;
export const ocrChoiceKey = (incomingDocumentId: string): string => `ocr:${incomingDocumentId}`;

export interface OcrPageWrite {
  documentId: string;
  /** 1-based. */
  page: number;
  entry: PageEntry;
}

export interface OcrDecision {
  /** `ocr:<incoming document id>`: the key of the user's choice ('mine' keeps the local text). */
  key: string;
  incomingId: string;
  /** The local document. */
  documentId: string;
  label: string;
  diffs: FieldDiff[];
  writes: OcrPageWrite[];
}

export interface OcrPlan {
  /** Pages that gain the bundle's OCR, whatever the choices. */
  adds: OcrPageWrite[];
  decisions: OcrDecision[];
  /** Local documents that gain OCR pages without a decision. */
  documents: number;
}

/** Bundle pages worth comparing: read by OCR. */
const readByOcr = (p: PageEntry): boolean => p.state === 'ocr';
/** A local page with text of its own: a decision, never overwritten by default. */
const hasOwnText = (p: PageEntry): boolean => p.state === 'text' || p.state === 'ocr';

type ShaOwner = (doc: SourceDocument) => string | undefined;

/** The local pages the plan must see: for each document the library holds by its file, the pages the bundle read by OCR. */
export function ocrPageKeys(documents: readonly SourceDocument[], pages: readonly { documentId: string; pages: readonly PageEntry[] }[], localIdOf: ShaOwner): [string, number][] {
  const out: [string, number][] = [];
  for (const { doc, entries } of ocrSources(documents, pages)) {
    const localId = localIdOf(doc);
    if (localId === undefined) continue;
    entries.forEach((p, i) => { if (readByOcr(p)) out.push([localId, i + 1]); });
  }
  return out;
}

/** The first document of each file with its pages (a second copy of a file in a bundle brings nothing). */
function ocrSources(documents: readonly SourceDocument[], pages: readonly { documentId: string; pages: readonly PageEntry[] }[]) {
  const byId = new Map(pages.map((p) => [p.documentId, p.pages]));
  const seen = new Set<string>();
  const out: { doc: SourceDocument; entries: readonly PageEntry[] }[] = [];
  for (const doc of documents) {
    if (seen.has(doc.sha256)) continue;
    seen.add(doc.sha256);
    const entries = byId.get(doc.id);
    if (entries?.some(readByOcr)) out.push({ doc, entries });
  }
  return out;
}

/** The bundle's OCR on the local page, keeping the local form and comment text. */
function merged(local: PageEntry, theirs: PageEntry): PageEntry {
  const { ocr: _local, annotations, ...rest } = local;
  return { ...rest, text: theirs.text, state: 'ocr', ...(annotations?.length ? { annotations } : {}), ...(theirs.ocr ? { ocr: theirs.ocr } : {}) };
}

export function planOcr(
  documents: readonly SourceDocument[], pages: readonly { documentId: string; pages: readonly PageEntry[] }[], localIdOf: ShaOwner, local: LocalPages,
): OcrPlan {
  const plan: OcrPlan = { adds: [], decisions: [], documents: 0 };
  for (const { doc, entries } of ocrSources(documents, pages)) {
    const documentId = localIdOf(doc);
    if (documentId === undefined) continue;
    const decision: OcrDecision = { key: ocrChoiceKey(doc.id), incomingId: doc.id, documentId, label: doc.title, diffs: [], writes: [] };
    let added = false;
    entries.forEach((theirs, i) => {
      const page = i + 1;
      const mine = local.get(pageKey(documentId, page));
      if (!readByOcr(theirs) || !mine) return;
      if (!hasOwnText(mine)) {
        plan.adds.push({ documentId, page, entry: merged(mine, theirs) });
        added = true;
      } else if (mine.text !== theirs.text) {
        decision.diffs.push({ path: `pages.${i}`, mine: pageSummary(mine), theirs: pageSummary(theirs) });
        decision.writes.push({ documentId, page, entry: merged(mine, theirs) });
      }
    });
    if (added) plan.documents++;
    if (decision.writes.length > 0) plan.decisions.push(decision);
  }
  return plan;
}

/** "Text from OCR · 87% · “Declaró Comandante Artemio ante…”" as pieces (the state by its label). */
function pageSummary(p: PageEntry): DiffPiece[] {
  const confidence = p.ocr?.provenance ? ` · ${Math.round(p.ocr.provenance.confidence)}%` : '';
  const text = p.text.replace(/\s+/g, ' ').trim();
  const excerpt = text.length > 120 ? `${text.slice(0, 119)}…` : text;
  return [{ label: 'pageState', value: p.state }, `${confidence} · “${excerpt}”`];
}
