import type { MenuCommand } from '../../shared/desktopApi';
import type { MessageKey } from '../i18n';

/**
 * The window's keyboard shortcuts: useShortcuts acts on this table and Settings › Keyboard
 * shortcuts lists it, so the two cannot disagree. `withMod` means Ctrl (Cmd on a Mac) and works
 * while typing; the others act only outside text fields.
 */
export interface Shortcut {
  /** KeyboardEvent.key, lower case. */
  key: string;
  withMod: boolean;
  /** How Settings shows the keys. */
  label: string;
  description: MessageKey;
  action: MenuCommand | 'focus-filter';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'k', withMod: true, label: 'Ctrl/⌘ K', description: 'shortcuts.search', action: 'focus-search' },
  { key: '/', withMod: false, label: '/', description: 'shortcuts.filter', action: 'focus-filter' },
  { key: 'a', withMod: false, label: 'A', description: 'shortcuts.newActor', action: 'new-actor' },
  { key: 'e', withMod: false, label: 'E', description: 'shortcuts.newEvent', action: 'new-event' },
];

/** The shortcut a key press asks for, if any. */
export function matchShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, typing: boolean): Shortcut | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey || (!mod && typing)) return undefined;
  return SHORTCUTS.find((s) => s.withMod === mod && s.key === event.key.toLowerCase());
}
