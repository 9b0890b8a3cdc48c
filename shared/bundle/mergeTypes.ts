/** The merge plan's vocabulary (merge.ts plans, mergeWrites.ts turns choices into a WriteSet). */
import type { Actor, Case, CaseEvent, SourceDocument } from '../model';
import type { DocumentPages } from './manifest';
import type { BundleNameRule } from './nameRules';
import type { FieldDiff } from './diffText';
import type { LocalPages, OcrPageWrite, OcrPlan } from './mergeOcr';

export type MergeKind = 'case' | 'actor' | 'event' | 'document';
/** `trashed`: the library holds this record only in its Trash (same id); the user decides whether it comes back. */
export type MergeStatus = 'new' | 'identical' | 'conflict' | 'trashed';
export type MergeChoice = 'mine' | 'theirs' | 'both';

/** What an import brings: a validated bundle's records (files are identified by the documents' sha256). */
export interface IncomingRecords {
  caseId: string;
  cases: readonly Case[];
  actors: readonly Actor[];
  events: readonly CaseEvent[];
  documents: readonly SourceDocument[];
  pages: readonly DocumentPages[];
  /** The actors' name-matching rules (format 3); none when absent. */
  nameRules?: readonly BundleNameRule[];
}

/** The local records the plan needs; `lookupKeys` says which. */
export interface LocalRecords {
  cases: ReadonlyMap<string, Case>;
  actors: ReadonlyMap<string, Actor>;
  events: ReadonlyMap<string, CaseEvent>;
  /** Live documents by id: those with the incoming ids, copy ids, and those holding an incoming sha256. */
  documents: ReadonlyMap<string, SourceDocument>;
  /** Live document id per sha256, for the incoming files. */
  documentIdBySha: ReadonlyMap<string, string>;
  /** sha256 of files already stored (by a live document or one in the trash). */
  fileShas: ReadonlySet<string>;
  /** sha256 of documents in the trash with an incoming id: their page texts must not be overwritten by another file's. */
  trashedDocumentShas?: ReadonlyMap<string, string>;
  /** Local name-matching rules of the incoming actors' ids and copy ids, by nameRuleKey. */
  nameRules?: ReadonlyMap<string, BundleNameRule>;
  /** Records in the local Trash under an incoming id (and of the same kind: other kinds are an id clash). */
  trashed?: ReadonlyMap<string, TrashedVersion>;
  /** Local page rows the bundle has OCR for, of documents held by their file (mergeOcr.ts, ocrPageKeys). */
  pages?: LocalPages;
}

export interface LookupKeys {
  cases: string[];
  actors: string[];
  events: string[];
  documents: string[];
  shas: string[];
}

export interface PlanItem {
  /** `${kind}:${incoming id}`: the key of the user's choice. */
  key: string;
  kind: MergeKind;
  id: string;
  label: string;
  status: MergeStatus;
  /** The local record compared with: the same id, the same file under another id, or an earlier kept-both copy. */
  localId: string | null;
  diffs: FieldDiff[];
  /**
   * The choices that make sense for this record: conflicts (a file cannot be stored twice, so
   * documents have no 'both'), and records in the Trash: 'mine' keeps it there, 'theirs' restores
   * it from the bundle (the Trash's version stays in the Trash when it differs).
   */
  choices: MergeChoice[];
  /** 'ocr': not the record itself but its pages' OCR text (key `ocr:<id>`), which both sides have, differently. */
  aspect?: 'ocr';
}

export interface MergePlan {
  caseId: string;
  items: PlanItem[];
  /** Automatic id rewrites: incoming document → local document with the same file, or to a fresh id; record → earlier copy. */
  remap: ReadonlyMap<string, string>;
  files: { new: number; alreadyPresent: number; newBytes: number };
  summary: Record<MergeKind, Record<MergeStatus, number>>;
  /** OCR the bundle brings for documents the library holds by their file (mergeOcr.ts). */
  ocr: OcrPlan;
}

export type TrashedVersion =
  | { table: 'cases'; record: Case; title: string }
  | { table: 'actors'; record: Actor; title: string }
  | { table: 'events'; record: CaseEvent; title: string }
  | { table: 'documents'; record: SourceDocument; title: string };

/** Everything one import writes, as whole records (the writer derives index fields). */
export interface WriteSet {
  cases: Case[];
  actors: Actor[];
  events: CaseEvent[];
  documents: SourceDocument[];
  /** Page texts of documents added now, under their final ids. */
  pages: DocumentPages[];
  /** Single pages of local documents that take the bundle's OCR (the writer sums the documents up again). */
  ocrPages: OcrPageWrite[];
  /** sha256 of the bundle files to store (none of them already stored). */
  fileShas: string[];
  trash: TrashedVersion[];
  /** Name-matching rules to put (under their final actor ids); local rules not listed stay as they are. */
  nameRules: BundleNameRule[];
  /** Trash entries to delete: records restored from the bundle (a differing trashed version is re-added to `trash` under a new id). */
  trashRemoved: string[];
  counts: { added: number; replaced: number; keptBoth: number; unchanged: number; filesAdded: number; restored: number; keptInTrash: number; ocrPages: number };
  /** The bundle's case as it is called after the import (a new id when kept both). */
  caseId: string;
}
