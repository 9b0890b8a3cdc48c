import type { BundleError, BundleManifest, RecordIssue } from '../../shared/bundle';
import type { ByteParts, StreamedParts } from '../../shared/bundle/parts';
import type { SealedParts, StreamedSealedParts } from '../../shared/bundle/ageSealed';
import type { FieldDiff, MergeChoice, MergeKind, MergeStatus } from '../../shared/bundle/merge';

/**
 * The contract between the bundle screens (export, import preview, backup/restore) and the
 * bundle worker that does the work off the UI thread. The worker holds an inspected bundle
 * (as a Blob reference, never whole in memory) between `inspectBundle` and `applyImport`.
 */

/** What to export. `library` is "Back up everything": every case, record and document. */
export type BundleScope =
  | { kind: 'case'; caseId: string }
  | { kind: 'selection'; caseId: string; actorIds: string[]; eventIds: string[] }
  | { kind: 'library' };

export type BundlePhase =
  | 'collecting'
  | 'writing'
  | 'encrypting'
  | 'saving'
  | 'decrypting'
  | 'reading'
  | 'verifying'
  | 'comparing'
  | 'importing';

/** `done`/`total` are bytes for reading, writing, encrypting, decrypting and saving; items otherwise. */
export interface BundleProgress {
  phase: BundlePhase;
  done: number;
  total: number;
}

export interface BundleTaskOptions {
  onProgress?: (p: BundleProgress) => void;
  /** Aborting rejects with a DOMException named 'AbortError' and leaves nothing half-written. */
  signal?: AbortSignal;
}

export interface ExportOptions extends BundleTaskOptions {
  /** age passphrase encryption of the whole bundle; never stored anywhere. */
  passphrase?: string;
}

export interface ExportResult {
  blob: Blob;
  /** e.g. `shining-path-vraem-2026-11-27.casefile` (`.casefile.age` when encrypted). */
  suggestedName: string;
  counts: BundleManifest['counts'];
  encrypted: boolean;
}

/**
 * The bundle for the desktop save as its parts in order, never assembled into one Blob
 * (ByteParts: the PDFs are still their IndexedDB Blobs, unread). With a passphrase, SealedParts:
 * the age header ready and the zip's parts, which the save seals as it writes them
 * (shared/bundle/ageSealed.ts). Otherwise as ExportResult.
 */
export interface ExportPartsResult extends Omit<ExportResult, 'blob'> {
  parts: ByteParts | SealedParts;
}

/**
 * The bundle for the desktop save while it is still being made (exportBundleStreamed): its PDFs'
 * entries come first (docs/bundle-format.md, "Layout") as soon as the files' rows are read, so the
 * save writes them while the records are collected; the rest follows. With a passphrase the age
 * header follows last (scrypt) and the save writes it at the start of the file when it commits.
 */
export interface StreamedExport {
  suggestedName: string;
  encrypted: boolean;
  file: StreamedParts | StreamedSealedParts;
  /** Resolves when the worker is done (the rest, and with a passphrase the header, sent): the counts. */
  done: Promise<BundleManifest['counts']>;
}

/** What the bundle worker sends first for a streamed export (see StreamedExport). */
export interface StreamedExportHead {
  suggestedName: string;
  encrypted: boolean;
  /** The PDFs' entries: local headers and the IndexedDB Blobs by reference. */
  parts: ByteParts;
  /** With a passphrase: what the save seals the payload with, and the header's length to leave. */
  sealing?: { headerLength: number; nonce: Uint8Array; payloadKey: Uint8Array };
}

/** The streamed export's end: the counts. */
export interface StreamedExportEnd {
  counts: BundleManifest['counts'];
}

// The merge plan's own vocabulary (shared/bundle/merge.ts), under the names the screens use.
export type PreviewKind = MergeKind;
export type RecordStatus = MergeStatus;
/** Per conflicting record: keep the local one, take the incoming one, or keep both (incoming gets a new id). */
export type RecordChoice = MergeChoice;
/** One differing field, both sides as short display text (already formatted, not JSON). */
export type { FieldDiff };

export interface PreviewRecord {
  /** `${kind}:${id}`: the key in ImportChoices. */
  key: string;
  kind: PreviewKind;
  id: string;
  /** Display name: actor's primary name, event title, document title, case name. */
  label: string;
  status: RecordStatus;
  /** Conflicts, and records in the Trash whose trashed version differs from the bundle's. */
  diffs: FieldDiff[];
  /**
   * Conflicts and records in the Trash: the choices that make sense (added after the first
   * contract; absent = all three). Documents get ['mine', 'theirs']: a file is stored once, so
   * 'both' would act as 'mine'. A record in the Trash: 'mine' keeps it there, 'theirs' restores it.
   */
  choices?: RecordChoice[];
  /** 'ocr': the decision is about the source's OCR page text (key `ocr:<id>`), not its details. */
  aspect?: 'ocr';
}

export interface ImportPreview {
  /** Names the inspected bundle in the worker until applyImport or discard. */
  token: string;
  bundle: {
    caseId: string;
    caseName: string;
    appVersion: string;
    createdAt: number;
    formatVersion: number;
    encrypted: boolean;
    counts: BundleManifest['counts'];
  };
  summary: Record<PreviewKind, Record<RecordStatus, number>>;
  /** Every new or conflicting record (identical ones are only counted in `summary`). */
  records: PreviewRecord[];
  files: { new: number; alreadyPresent: number; newBytes: number };
  /** OCR text the bundle adds to sources already here (pages with no text of their own; absent in older workers). */
  ocr?: { pages: number; documents: number };
  warnings: RecordIssue[];
}

export type BundleInspectError = BundleError | { code: 'passphrase-required' | 'wrong-passphrase'; message: string };

export type InspectResult = { ok: true; preview: ImportPreview } | { ok: false; error: BundleInspectError };

/** Missing keys default to 'mine' for conflicts; new records are always added. */
export type ImportChoices = Record<string, RecordChoice>;

export interface ImportResult {
  added: number;
  replaced: number;
  keptBoth: number;
  unchanged: number;
  filesAdded: number;
  /** Records that were only in the Trash, brought back from the bundle (by the user's choice). */
  restored: number;
  /** Records that were only in the Trash and stay there (the default). */
  keptInTrash: number;
  /** Pages of sources already here that took the bundle's OCR text. */
  ocrPages: number;
  /** The case to open after the import. */
  caseId: string;
}

export interface BundleClient {
  exportBundle(scope: BundleScope, opts?: ExportOptions): Promise<ExportResult>;
  /** The same export, as the bundle's parts (the desktop save streams them; see ExportPartsResult). */
  exportBundleParts(scope: BundleScope, opts?: ExportOptions): Promise<ExportPartsResult>;
  /**
   * The same export for a save that writes as the bundle is made (the desktop save): resolves as
   * soon as the PDFs' entries are laid out, the rest following (StreamedExport).
   */
  exportBundleStreamed(scope: BundleScope, opts?: ExportOptions): Promise<StreamedExport>;
  /**
   * Stretches an export's passphrase ahead (the export dialog, once the passphrase and its
   * confirmation agree): the next export with it takes the key instead of running scrypt.
   * Resolves when the key is made; aborting `signal` drops it unless an export took it.
   */
  prepareKey(passphrase: string, opts?: BundleTaskOptions): Promise<void>;
  /**
   * Starts the bundle worker and opens its database connection ahead of an export (the export
   * dialog, when it opens): the export then starts reading at once. Resolves when ready; a
   * failure is not reported here (the export meets it again).
   */
  warm(opts?: BundleTaskOptions): Promise<void>;
  /**
   * The same for opening an encrypted bundle: stretches `passphrase` (as typed so far) with
   * `file`'s salt, so that inspectBundle with it finds the key made. Resolves when made (at once
   * for a file no passphrase opens); aborting `signal` drops it unless an inspection took it.
   */
  prepareImportKey(file: Blob, passphrase: string, opts?: BundleTaskOptions): Promise<void>;
  inspectBundle(file: Blob, opts?: BundleTaskOptions & { passphrase?: string }): Promise<InspectResult>;
  applyImport(token: string, choices: ImportChoices, opts?: BundleTaskOptions): Promise<ImportResult>;
  discard(token: string): void;
}
