// Runs sandboxed, so it can require nothing but 'electron': the build bundles this
// file and shared/desktopApi.ts into one CommonJS script.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { desktopChannels, isMenuCommand, type DesktopApi, type MenuCommand } from '../../shared/desktopApi';

// Each method forwards to exactly one channel. ipcRenderer itself never crosses the
// bridge: a page holding it could talk to any channel and receive raw events.
const api: DesktopApi = {
  appInfo: () => ipcRenderer.invoke(desktopChannels.appInfo),
  openPdfFiles: () => ipcRenderer.invoke(desktopChannels.openPdfFiles),
  saveFile: (req) => ipcRenderer.invoke(desktopChannels.saveFile, req),
  revealInFolder: (path) => ipcRenderer.invoke(desktopChannels.revealInFolder, path),
  printToPdf: (req) => ipcRenderer.invoke(desktopChannels.printToPdf, req),
  beginSave: (req) => ipcRenderer.invoke(desktopChannels.beginSave, req),
  writeChunk: (token, chunk) => ipcRenderer.invoke(desktopChannels.writeChunk, token, chunk),
  commitSave: (token, end) => (end === undefined ? ipcRenderer.invoke(desktopChannels.commitSave, token) : ipcRenderer.invoke(desktopChannels.commitSave, token, end)),
  abortSave: (token) => ipcRenderer.invoke(desktopChannels.abortSave, token),
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    // The IPC event is dropped: event.sender is ipcRenderer.
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(desktopChannels.onMenuCommand, handler);
    return () => {
      ipcRenderer.removeListener(desktopChannels.onMenuCommand, handler);
    };
  },
};

contextBridge.exposeInMainWorld('desktop', api);
