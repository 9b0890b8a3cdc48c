// The one contract between the renderer and the Electron main process (VS Code's
// common/native.ts pattern). The preload implements it with ipcRenderer.invoke, main
// registers one handler per channel and validates every argument: the renderer is
// treated as untrusted. Keep methods coarse and few; never add a generic "call".

export const menuCommands = [
  'new-actor',
  'new-event',
  'new-case',
  'add-pdfs',
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

export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
  /** Native open dialog (multi-select, PDF only). Cancel resolves to []. */
  openPdfFiles(): Promise<PickedFile[]>;
  /** Native save dialog plus an atomic write. Failures reject with a readable message. */
  saveFile(req: SaveFileRequest): Promise<SaveResult>;
  /** Only paths returned by saveFile/printToPdf in this session are accepted. */
  revealInFolder(path: string): Promise<void>;
  printToPdf(req: PrintToPdfRequest): Promise<SaveResult>;
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
  onMenuCommand: 'casefile:menu-command',
} as const satisfies Record<keyof DesktopApi, string>;

/** Per-file cap for opened PDFs and saved files: large enough for scanned archives, small enough to keep IPC sane. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
