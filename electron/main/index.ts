// Electron glue only: every decision is made by a plain, unit-tested module; this file
// wires those decisions to Electron's objects and lifecycle.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopChannels, type MenuCommand } from '../../shared/desktopApi';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { serveAppRequest } from './appProtocol';
import { createDesktopHandlers } from './desktopHandlers';
import { applyAppPermissions, guardWebContents } from './hardening';
import { isTrustedInvokeEvent, registerIpcHandlers } from './ipcRegistry';
import { SAVE_FOLDERS_FILE, SaveFolderLog } from './saveFolders';
import { SaveSessions } from './saveSessions';
import { buildMenuTemplate, englishMenuLabels } from './menuTemplate';
import { privilegedSchemes } from './schemes';
import { mainWindowOptions } from './windowOptions';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
// Layout of the build: dist/electron/main/index.js, dist/electron/preload/index.cjs, dist/renderer/.
const rendererRoot = path.resolve(mainDir, '../../renderer');
const preloadPath = path.resolve(mainDir, '../preload/index.cjs');

// Must happen before 'ready': app:// for the renderer, casefile-print:// for the print window.
protocol.registerSchemesAsPrivileged(privilegedSchemes());
// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
// Streamed saves; a window that reloads, crashes or closes mid-save leaves no temp file behind.
const saves = new SaveSessions();

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preloadPath }));
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) void saves.abortAll();
  });
  win.webContents.on('render-process-gone', () => void saves.abortAll());
  win.on('closed', () => {
    void saves.abortAll();
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(desktopChannels.onMenuCommand, command);
}

function showAbout(): void {
  const detail = `Version ${app.getVersion()}\nElectron ${process.versions.electron ?? ''}\nOffline case-file manager for field researchers.`;
  const options = { type: 'info' as const, title: 'About Casefile', message: 'Casefile', detail, buttons: ['OK'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function focusMainWindow(): void {
  if (!mainWindow) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();

  applyAppPermissions(session.defaultSession);
  const saveFolders = new SaveFolderLog(path.join(app.getPath('userData'), SAVE_FOLDERS_FILE));
  // Temp files of saves a crash interrupted; never in the way of starting.
  void saveFolders.sweep().catch(() => undefined);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));

  registerIpcHandlers(
    ipcMain,
    createDesktopHandlers({ getWindow: () => mainWindow, saves, saveFolders }),
    isTrustedInvokeEvent,
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        labels: englishMenuLabels,
        platform: process.platform,
        isPackaged: app.isPackaged,
        send: sendMenuCommand,
        showAbout,
      }),
    ),
  );

  mainWindow = createMainWindow();
}

// A second launch focuses the running window: two instances would fight over one IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('will-quit', () => void saves.abortAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Casefile could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
