import type { AppInfo, MenuCommand, PickedFile, SaveResult } from '../../shared/desktopApi';
import type { ReportPage } from '../../shared/export';

export type { AppInfo, MenuCommand, PickedFile, SaveResult };

export interface SaveRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array;
}

/** A large file to save by streaming (case bundles): its bytes stay in the Blob until written. */
export interface SaveBlobRequest {
  suggestedName: string;
  mimeType: string;
  blob: Blob;
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
  /** One file through a file picker (both hosts: no IPC needed to read it); null when cancelled. */
  pickFile(req: PickFileRequest): Promise<File | null>;
  /** Desktop saves it as a PDF (stylesheet inline); the browser prints it from a frame under the app's CSP. */
  printHtml(page: ReportPage, suggestedName: string): Promise<SaveResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
