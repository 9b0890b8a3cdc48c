import type { AppInfo, MenuCommand, PickedFile, SaveResult } from '../../shared/desktopApi';

export type { AppInfo, MenuCommand, PickedFile, SaveResult };

export interface SaveRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array;
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
  printHtml(html: string, suggestedName: string): Promise<SaveResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
