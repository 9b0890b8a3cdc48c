import { app, BrowserWindow, dialog, session, shell, type OpenDialogOptions, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileFilter, SaveResult } from '../../shared/desktopApi';
import { atomicWrite } from './atomicWrite';
import { denyAllPermissions } from './hardening';
import type { DesktopHandlers } from './ipcRegistry';
import { isAllowedPrintRequest } from './navigationPolicy';
import { readPickedFiles } from './pickedFiles';
import type { SaveSessions } from './saveSessions';
import { printWindowOptions } from './windowOptions';

const PRINT_PARTITION = 'casefile-print';

export interface HandlerContext {
  /** Parent for native dialogs, so they are modal to the app window. */
  getWindow(): BrowserWindow | null;
  /** Streamed saves in progress; main aborts them all when the window goes away. */
  saves: SaveSessions;
}

export function createDesktopHandlers(ctx: HandlerContext): DesktopHandlers {
  // revealInFolder accepts only what we wrote: the renderer cannot make us open arbitrary paths.
  const savedPaths = new Set<string>();
  const printDocuments = new Set<string>();
  let printSessionReady = false;

  async function askWhere(suggestedName: string, filters: FileFilter[]): Promise<string | null> {
    const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
    const win = ctx.getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function askAndWrite(suggestedName: string, filters: FileFilter[], data: () => Promise<Uint8Array>): Promise<SaveResult> {
    const filePath = await askWhere(suggestedName, filters);
    if (!filePath) return { saved: false };
    await atomicWrite(filePath, await data());
    savedPaths.add(path.normalize(filePath));
    return { saved: true, path: filePath };
  }

  function printSession(): Session {
    const ses = session.fromPartition(PRINT_PARTITION);
    if (!printSessionReady) {
      denyAllPermissions(ses);
      ses.webRequest.onBeforeRequest((details, callback) => {
        const allowed = [...printDocuments].some((doc) => isAllowedPrintRequest(details.url, doc));
        callback({ cancel: !allowed });
      });
      printSessionReady = true;
    }
    return ses;
  }

  async function renderPdf(html: string): Promise<Uint8Array> {
    // A temp file rather than a data: URL, which Chromium caps at 2 MB.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-print-'));
    const htmlPath = path.join(dir, 'report.html');
    const documentUrl = pathToFileURL(htmlPath).href;
    let win: BrowserWindow | null = null;
    try {
      await writeFile(htmlPath, html, 'utf8');
      printSession();
      printDocuments.add(documentUrl);
      win = new BrowserWindow(printWindowOptions(PRINT_PARTITION));
      await win.loadURL(documentUrl);
      return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    } finally {
      printDocuments.delete(documentUrl);
      win?.destroy();
      await rm(dir, { recursive: true, force: true });
    }
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

    commitSave: async (token) => {
      const filePath = await ctx.saves.commit(token);
      savedPaths.add(path.normalize(filePath));
      return { saved: true, path: filePath };
    },

    abortSave: (token) => ctx.saves.abort(token),
  };
}
