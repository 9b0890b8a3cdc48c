import { app, BrowserWindow, dialog, session, shell, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import type { FileFilter, SaveResult } from '../../shared/desktopApi';
import { atomicWrite } from './atomicWrite';
import type { DesktopHandlers } from './ipcRegistry';
import { readPickedFiles } from './pickedFiles';
import { configurePrintSession, PRINT_PARTITION, PrintDocuments } from './printProtocol';
import type { SaveSessions } from './saveSessions';
import { printWindowOptions } from './windowOptions';

export interface HandlerContext {
  /** Parent for native dialogs, so they are modal to the app window. */
  getWindow(): BrowserWindow | null;
  /** Streamed saves in progress; main aborts them all when the window goes away. */
  saves: SaveSessions;
  /** Folders saved to, so the next start can sweep temp files a crash left there. */
  saveFolders: { record(dir: string): Promise<void> };
}

export function createDesktopHandlers(ctx: HandlerContext): DesktopHandlers {
  // revealInFolder accepts only what we wrote: the renderer cannot make us open arbitrary paths.
  const savedPaths = new Set<string>();
  const printDocuments = new PrintDocuments();
  let printSessionReady = false;

  async function askWhere(suggestedName: string, filters: FileFilter[]): Promise<string | null> {
    const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
    const win = ctx.getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    // Before the temp file exists: a crash mid-save must leave it somewhere the next start looks.
    await ctx.saveFolders.record(path.dirname(result.filePath)).catch(() => undefined);
    return result.filePath;
  }

  async function askAndWrite(suggestedName: string, filters: FileFilter[], data: () => Promise<Uint8Array>): Promise<SaveResult> {
    const filePath = await askWhere(suggestedName, filters);
    if (!filePath) return { saved: false };
    await atomicWrite(filePath, await data());
    savedPaths.add(path.normalize(filePath));
    return { saved: true, path: filePath };
  }

  async function renderPdf(html: string): Promise<Uint8Array> {
    if (!printSessionReady) {
      configurePrintSession(session.fromPartition(PRINT_PARTITION), printDocuments);
      printSessionReady = true;
    }
    // Served from memory (casefile-print://report/<id>): no temp file, and no 2 MB cap as on data: URLs.
    return printDocuments.print(html, async (url) => {
      const win = new BrowserWindow(printWindowOptions(PRINT_PARTITION));
      try {
        await win.loadURL(url);
        return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        win.destroy();
      }
    });
  }

  return {
    appInfo: async () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      electron: process.versions.electron ?? 'unknown',
    }),

    openPdfFiles: async () => {
      const options: OpenDialogOptions = {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
      };
      const win = ctx.getWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return [];
      return readPickedFiles(result.filePaths);
    },

    saveFile: ({ suggestedName, filters, data }) => askAndWrite(suggestedName, filters, async () => data),

    revealInFolder: async (filePath) => {
      if (!savedPaths.has(filePath)) throw new Error('Only files saved by Casefile in this session can be shown.');
      shell.showItemInFolder(filePath);
    },

    printToPdf: ({ suggestedName, html }) =>
      askAndWrite(suggestedName, [{ name: 'PDF documents', extensions: ['pdf'] }], () => renderPdf(html)),

    beginSave: async ({ suggestedName, filters, byteLength }) => {
      const filePath = await askWhere(suggestedName, filters);
      if (!filePath) return null;
      return { token: await ctx.saves.begin(filePath, byteLength) };
    },

    writeChunk: (token, chunk) => ctx.saves.write(token, chunk),

    commitSave: async (token, end) => {
      const filePath = await ctx.saves.commit(token, end);
      savedPaths.add(path.normalize(filePath));
      return { saved: true, path: filePath };
    },

    abortSave: (token) => ctx.saves.abort(token),
  };
}
