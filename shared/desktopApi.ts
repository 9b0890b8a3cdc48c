// The one contract between the renderer and the Electron main process (VS Code's
// common/native.ts pattern). The preload implements it with ipcRenderer.invoke, main
// registers one handler per channel and validates every argument: the renderer is
// treated as untrusted. Keep methods coarse and few; never add a generic "call".

export const menuCommands = [
  'new-actor',
  'new-event',
  'new-case',
  'add-pdfs',
  'export-case',
  'import-bundle',
  'back-up',
  'focus-search',
  'load-sample',
  'open-settings',
  'show-trash',
] as const;

export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** A bare file name; main strips anything path-like from it. */
  suggestedName: string;
  filters: FileFilter[];
  data: Uint8Array;
}

export interface PrintToPdfRequest {
  suggestedName: string;
  /** A complete HTML document; it is rendered with JavaScript disabled. */
  html: string;
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

/** Starts a streamed save (large files such as bundles): native dialog, then chunks. */
export interface BeginSaveRequest {
  /** A bare file name; main strips anything path-like from it. */
  suggestedName: string;
  filters: FileFilter[];
  /**
   * The file's length in bytes (the reserved ones included); commitSave refuses a file of any
   * other length. Absent when the file's end is still being made while its start is written (a
   * bundle's PDFs go out while its records are collected): commitSave then announces it.
   */
  byteLength?: number;
}

/** How a streamed save ends: what beginSave could not say yet. */
export interface CommitSaveRequest {
  /** The file's length, when beginSave did not give it (and equal to it when it did). */
  byteLength?: number;
}

/** `null` when the user cancelled the dialog. The token names the save in the calls that follow. */
export type BeginSaveResult = { token: string } | null;

export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
  /** Native open dialog (multi-select, PDF only). Cancel resolves to []. */
  openPdfFiles(): Promise<PickedFile[]>;
  /** Native save dialog plus an atomic write. Failures reject with a readable message. */
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  /** Only paths returned by saveFile/printToPdf in this session are accepted. */
  revealInFolder(path: string): Promise<void>;
  printToPdf(req: PrintToPdfRequest): Promise<SaveResult>;
  /**
   * Streamed save: beginSave shows the save dialog and opens a temp file beside the target;
   * writeChunk appends (at most MAX_SAVE_CHUNK_BYTES, in order); commitSave checks the length
   * (beginSave's, or its own when beginSave could not say), fsyncs and renames it into place;
   * abortSave deletes it. A failed write deletes it too and rejects
   * in plain words ("the disk is full"): the target is never left half-written.
   */
  beginSave(req: BeginSaveRequest): Promise<BeginSaveResult>;
  writeChunk(token: string, chunk: Uint8Array): Promise<void>;
  commitSave(token: string, end?: CommitSaveRequest): Promise<SaveResult>;
  abortSave(token: string): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Methods answered by main through ipcMain.handle (everything but the event stream). */
export type DesktopInvokeMethod = Exclude<keyof DesktopApi, 'onMenuCommand'>;

export const desktopChannels = {
  appInfo: 'casefile:app-info',
  openPdfFiles: 'casefile:open-pdf-files',
  saveFile: 'casefile:save-file',
  revealInFolder: 'casefile:reveal-in-folder',
  printToPdf: 'casefile:print-to-pdf',
  beginSave: 'casefile:begin-save',
  writeChunk: 'casefile:write-chunk',
  commitSave: 'casefile:commit-save',
  abortSave: 'casefile:abort-save',
  onMenuCommand: 'casefile:menu-command',
} as const satisfies Record<keyof DesktopApi, string>;

/** Per-file cap for opened PDFs and saved files: large enough for scanned archives, small enough to keep IPC sane. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Largest chunk of a streamed save: big enough to keep IPC overhead small, small next to memory. */
export const MAX_SAVE_CHUNK_BYTES = 8 * 1024 * 1024;
/** Largest streamed save: a zip without ZIP64 stays under 4 GiB. */
export const MAX_SAVE_BYTES = 4 * 1024 * 1024 * 1024 - 1;
/** Saves open at once; more means a renderer is leaking them. */
export const MAX_OPEN_SAVES = 4;
