import { useEffect } from 'react';
import { getPlatform } from '../platform';
import type { MenuCommand } from '../../shared/desktopApi';
import { useUi } from '../state/store';

/** Single-letter shortcuts act only when the user is not typing in a field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function runCommand(command: MenuCommand) {
  const ui = useUi.getState();
  switch (command) {
    case 'new-actor': ui.openEditor({ kind: 'actor', id: null }); break;
    case 'new-event': ui.openEditor({ kind: 'event', id: null }); break;
    case 'new-case': ui.openEditor({ kind: 'case', id: null }); break;
    case 'focus-search': ui.focusSearch(); break;
    case 'open-settings': ui.showView('settings'); break;
    case 'show-trash': ui.showView('trash'); break;
    case 'load-sample': document.querySelector<HTMLButtonElement>('[data-command="load-sample"]')?.click(); break;
  }
}

/**
 * Keyboard: Ctrl/Cmd+K or "/" focuses search, "a" opens a new actor, "e" a new event.
 * The desktop menu sends the same commands through the platform adapter.
 */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        runCommand('focus-search');
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') { event.preventDefault(); runCommand('focus-search'); }
      else if (event.key === 'a') { event.preventDefault(); runCommand('new-actor'); }
      else if (event.key === 'e') { event.preventDefault(); runCommand('new-event'); }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getPlatform().onMenuCommand(runCommand);
    return () => { window.removeEventListener('keydown', onKey); unsubscribe(); };
  }, []);
}
