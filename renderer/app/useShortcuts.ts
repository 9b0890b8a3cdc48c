import { useEffect } from 'react';
import { getPlatform } from '../platform';
import type { MenuCommand } from '../../shared/desktopApi';
import { translate } from '../i18n';
import { useUi, type BundleDialog } from '../state/store';
import type { CasefileDb } from '../db/db';
import { useDb } from '../db/dbContext';

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

/**
 * Keyboard: Ctrl/Cmd+K focuses the global search box, "/" the visible list's filter box,
 * "a" opens a new actor, "e" a new event.
 * The desktop menu sends the same commands through the platform adapter.
 */
export function useShortcuts() {
  const db = useDb();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        runCommand('focus-search', db);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') { event.preventDefault(); useUi.getState().focusSearch(); }
      else if (event.key === 'a') { event.preventDefault(); runCommand('new-actor', db); }
      else if (event.key === 'e') { event.preventDefault(); runCommand('new-event', db); }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getPlatform().onMenuCommand((command) => runCommand(command, db));
    return () => { window.removeEventListener('keydown', onKey); unsubscribe(); };
  }, [db]);
}
