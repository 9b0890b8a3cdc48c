import type { AppInfo, MenuCommand, PickedFile, SaveResult } from '../../shared/desktopApi';
import type { ReportPage } from '../../shared/export';
import type { ByteParts, StreamedParts } from '../../shared/bundle/parts';
import type { SealedParts, StreamedSealedParts } from '../../shared/bundle/ageSealed';
import type { ChunkSealer } from '../../shared/bundle/ageStream';

export type { ByteParts, ChunkSealer, SealedParts, StreamedParts, StreamedSealedParts };

export type { AppInfo, MenuCommand, PickedFile, SaveResult };

export interface SaveRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array;
}

/**
 * A large file to save by streaming (case bundles): its bytes stay in the Blob, or in its parts
 * (ByteParts: byte arrays and Blobs in order, never assembled), until written. An encrypted
 * bundle for the desktop save comes as SealedParts: sealed as it is written. A bundle still being
 * laid out (its PDFs first) comes as StreamedParts, or StreamedSealedParts with a passphrase: the
 * desktop save writes its start while the rest is made (only where `savesParts`).
 */
export interface SaveBlobRequest {
  suggestedName: string;
  mimeType: string;
  blob: Blob | ByteParts | SealedParts | StreamedParts | StreamedSealedParts;
  /**
   * Where a SealedParts file's payload is sealed as it is written (the export's seal workers,
   * returning bytes); the desktop save starts its own workers without it.
   */
  sealer?: ChunkSealer;
  /** Bytes written so far (desktop); the web download reports done at once. */
  onProgress?: (p: { done: number; total: number }) => void;
  /** Aborting rejects with a DOMException named 'AbortError' and leaves no file behind. */
  signal?: AbortSignal;
}

export interface PickFileRequest {
  /** File extensions (".casefile") and/or MIME types, as for <input accept>. */
  accept: string[];
}

/**
 * What the UI may ask of its host. Components use this, never window.desktop: the
 * same code then runs in the desktop app and in a plain browser (and its e2e tests).
 */
export interface Platform {
  readonly kind: 'desktop' | 'web';
  appInfo(): Promise<AppInfo>;
  /** Resolves to [] when the user cancels. */
  pickPdfFiles(): Promise<PickedFile[]>;
  /** On the web the browser decides where the download goes, so `path` is never set. */
  saveFile(req: SaveRequest): Promise<SaveResult>;
  /**
   * Saves a Blob without holding it in memory: desktop streams it through the native save
   * dialog into a temp file renamed into place (nothing half-written on failure or cancel,
   * a full disk reported in plain words); the web hands it to the browser as a download.
   * Resolves `{ saved: false }` when the user cancels the dialog.
   */
  saveBlob(req: SaveBlobRequest): Promise<SaveResult>;
  /**
   * True where saveBlob streams a file's parts without assembling them (desktop): a bundle is
   * then handed over as parts, so its PDFs are read once, several at a time, straight into the
   * save. Elsewhere (a browser download takes one Blob) hand it a Blob.
   */
  readonly savesParts: boolean;
  /** One file through a file picker (both hosts: no IPC needed to read it); null when cancelled. */
  pickFile(req: PickFileRequest): Promise<File | null>;
  /** The report's file type on this host: desktop prints it to a PDF, the browser saves the HTML itself. */
  readonly reportExtension: 'pdf' | 'html';
  /**
   * Saves the case report as a file: desktop prints it to PDF through the native save
   * dialog; the browser downloads it as one self-contained HTML file (stylesheet inline,
   * no scripts, its own Content-Security-Policy) that opens and prints anywhere.
   */
  saveReport(page: ReportPage, suggestedName: string): Promise<SaveResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
