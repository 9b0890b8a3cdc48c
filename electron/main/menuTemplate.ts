import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/desktopApi';

export interface MenuLabels {
  file: string;
  newActor: string;
  newEvent: string;
  newCase: string;
  addPdfs: string;
  exportCase: string;
  importBundle: string;
  backUp: string;
  loadSample: string;
  edit: string;
  view: string;
  search: string;
  trash: string;
  settings: string;
  help: string;
  about: string;
}

export const englishMenuLabels: MenuLabels = {
  file: '&File',
  newActor: 'New Actor',
  newEvent: 'New Event',
  newCase: 'New Case',
  addPdfs: 'Add PDFs…',
  exportCase: 'Export Case…',
  importBundle: 'Import Bundle…',
  backUp: 'Back Up Everything…',
  loadSample: 'Load Sample Case',
  edit: '&Edit',
  view: '&View',
  search: 'Search',
  trash: 'Trash',
  settings: 'Settings',
  help: '&Help',
  about: 'About Casefile',
};

export interface MenuOptions {
  labels: MenuLabels;
  platform: string;
  isPackaged: boolean;
  send: (command: MenuCommand) => void;
  showAbout: () => void;
}

/** Plain data for Menu.buildFromTemplate; built without Electron so it can be tested. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const { labels, send } = opts;
  const isMac = opts.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(cmd),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { label: labels.about, click: () => opts.showAbout() },
        { type: 'separator' },
        command(`${labels.settings}…`, 'open-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: labels.file,
    submenu: [
      command(labels.newActor, 'new-actor', 'CmdOrCtrl+N'),
      command(labels.newEvent, 'new-event', 'CmdOrCtrl+E'),
      command(labels.newCase, 'new-case', 'CmdOrCtrl+Shift+N'),
      { type: 'separator' },
      command(labels.addPdfs, 'add-pdfs', 'CmdOrCtrl+O'),
      { type: 'separator' },
      command(labels.exportCase, 'export-case', 'CmdOrCtrl+Shift+E'),
      command(labels.importBundle, 'import-bundle'),
      command(labels.backUp, 'back-up'),
      { type: 'separator' },
      command(labels.loadSample, 'load-sample'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({ role: 'editMenu', label: labels.edit });

  const view: MenuItemConstructorOptions[] = [
    command(labels.search, 'focus-search', 'CmdOrCtrl+K'),
    command(labels.trash, 'show-trash'),
  ];
  if (!isMac) view.push(command(labels.settings, 'open-settings', 'CmdOrCtrl+,'));
  // Reload would drop unsaved form state and devtools exposes the DB to anyone at the
  // keyboard: both are for development builds only.
  if (!opts.isPackaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  view.push({ type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' });
  template.push({ label: labels.view, submenu: view });

  if (isMac) template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    label: labels.help,
    submenu: [{ label: labels.about, click: () => opts.showAbout() }],
  });
  return template;
}
