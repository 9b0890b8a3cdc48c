import type { ByteParts } from '../../shared/bundle/parts';
import type {
  BundleProgress, BundleScope, ExportPartsResult, ExportResult, ImportChoices, ImportResult, InspectResult, StreamedExportEnd, StreamedExportHead,
} from '../bundle/types';

/**
 * Window → bundle worker. Bundles and exported files travel as Blobs (structured clone
 * passes a reference, not the bytes); the worker reads and writes IndexedDB itself.
 */
export type BundleRequest =
  /**
   * `as: 'parts'`: the bundle's parts in order (ExportPartsResult) rather than one Blob;
   * `as: 'streamed'`: 'head' (the PDFs' entries) as soon as the files are read, then 'rest' and,
   * with a passphrase, 'header' (the age header, when scrypt is done: before or after the rest),
   * then 'exported' with the counts (StreamedExportEnd).
   */
  | { type: 'export'; id: number; scope: BundleScope; passphrase?: string; as?: 'blob' | 'parts' | 'streamed' }
  /**
   * Stretch `passphrase` now, while the user is still in the export dialog (PreparedKey): the
   * export with that passphrase takes the key instead of running scrypt itself. Ends with
   * 'keyPrepared' when the key is made; cancelling it drops the key unless an export took it.
   */
  | { type: 'prepareKey'; id: number; passphrase: string }
  /**
   * Start up ahead of an export (the export dialog is open): the worker's code is loaded by now,
   * and this opens its database connection. Ends with 'ready'; an export then starts reading at once.
   */
  | { type: 'warm'; id: number }
  /** The same for an import: `passphrase` as typed so far, stretched with `file`'s salt (PreparedScrypt); the inspection with it takes the key. */
  | { type: 'prepareImportKey'; id: number; file: Blob; passphrase: string }
  | { type: 'inspect'; id: number; file: Blob; passphrase?: string }
  | { type: 'apply'; id: number; token: string; choices: ImportChoices }
  /** Forget an inspected bundle. */
  | { type: 'discard'; token: string }
  /** Stop job `id`; an import not yet committed writes nothing. */
  | { type: 'cancel'; id: number };

/** Bundle worker → window. Each job ends with exactly one of exported / inspected / applied / cancelled / failed. */
export type BundleResponse =
  | { type: 'progress'; id: number; progress: BundleProgress }
  /** A streamed export's first part (the job goes on). */
  | { type: 'head'; id: number; head: StreamedExportHead }
  /** A streamed export's second part: the manifest, records and directory (the job goes on). */
  | { type: 'rest'; id: number; parts: ByteParts }
  /** A streamed export's age header, as soon as scrypt has made it (the job goes on). */
  | { type: 'header'; id: number; header: Uint8Array }
  | { type: 'exported'; id: number; result: ExportResult | ExportPartsResult | StreamedExportEnd }
  | { type: 'inspected'; id: number; result: InspectResult }
  | { type: 'applied'; id: number; result: ImportResult }
  | { type: 'keyPrepared'; id: number }
  | { type: 'ready'; id: number }
  | { type: 'cancelled'; id: number }
  /**
   * `code` names known failures, for the screens to translate: ImportError's 'disk-full' | 'changed' |
   * 'write-failed', 'unknown-token', and the export's 'empty-library' | 'case-missing'.
   */
  | { type: 'failed'; id: number; message: string; code?: string };
