import { useEffect } from 'react';
import { getPlatform } from '../platform';
import type { MenuCommand } from '../../shared/desktopApi';
import { translate } from '../i18n';
import { useUi, type BundleDialog } from '../state/store';
import type { CasefileDb } from '../db/db';
import { useDb } from '../db/dbContext';
import { matchShortcut } from './shortcuts';

/** Single-letter shortcuts act only when the user is not typing in a field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A menu command never replaces an open bundle dialog: closing it would cancel its import or export. */
function openBundleDialogIfFree(dialog: BundleDialog): void {
  const ui = useUi.getState();
  if (ui.bundleDialog !== null) ui.notify(translate(ui.language, 'bundles.busy'), 'info');
  else ui.openBundleDialog(dialog);
}

export function runCommand(command: MenuCommand, db: CasefileDb) {
  const ui = useUi.getState();
  switch (command) {
    case 'add-pdfs':
      ui.showView('documents');
      // The import code loads with the Sources view, not at start-up.
      void import('../features/documents/importRunner').then((m) => m.pickAndAddPdfs(db));
      break;
    case 'export-case': openBundleDialogIfFree({ kind: 'export', caseId: ui.activeCaseId }); break;
    // A file picker needs a click in the window (user activation), so the menu brings the
    // Import & export view forward with its Import button focused; Enter opens the picker.
    case 'import-bundle':
      ui.showView('bundles');
      window.setTimeout(() => document.querySelector<HTMLButtonElement>('[data-command="import-bundle"]')?.focus(), 0);
      break;
    case 'back-up': openBundleDialogIfFree({ kind: 'backup' }); break;
    case 'new-actor': ui.openEditor({ kind: 'actor', id: null }); break;
    case 'new-event': ui.openEditor({ kind: 'event', id: null }); break;
    case 'new-case': ui.openEditor({ kind: 'case', id: null }); break;
    case 'focus-search': ui.focusSearchBox(); break;
    case 'open-settings': ui.showView('settings'); break;
    case 'show-trash': ui.showView('trash'); break;
    case 'load-sample': document.querySelector<HTMLButtonElement>('[data-command="load-sample"]')?.click(); break;
  }
}

/** The keyboard shortcuts of shortcuts.ts; the desktop menu sends the same commands through the platform adapter. */
export function useShortcuts() {
  const db = useDb();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = matchShortcut(event, isTyping(event.target));
      if (!shortcut) return;
      event.preventDefault();
      // "/" asks the visible list (actors, events, sources) to focus its filter box.
      if (shortcut.action === 'focus-filter') useUi.getState().focusSearch();
      else runCommand(shortcut.action, db);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getPlatform().onMenuCommand((command) => runCommand(command, db));
    return () => { window.removeEventListener('keydown', onKey); unsubscribe(); };
  }, [db]);
}
