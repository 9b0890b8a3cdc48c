import { create } from 'zustand';
import type { Language } from '../i18n';

/**
 * UI and session state only (DESIGN.md): what is selected, which panel is open,
 * the active case, list filters, toasts. Records live in Dexie and are read with
 * useLiveQuery; nothing here caches database rows.
 */
export type View = 'actors' | 'events' | 'trash' | 'settings';

export type Editor =
  | { kind: 'actor'; id: string | null }
  | { kind: 'event'; id: string | null }
  | { kind: 'case'; id: string | null }
  | null;

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** Optional action, e.g. undo a move to trash. */
  action?: { label: string; run: () => void };
}

interface NavigationSlice {
  view: View;
  selectedActorId: string | null;
  selectedEventId: string | null;
  editor: Editor;
  showView: (view: View) => void;
  selectActor: (id: string | null) => void;
  selectEvent: (id: string | null) => void;
  openEditor: (editor: Editor) => void;
  closeEditor: () => void;
}

interface CaseSlice {
  /** null shows every record; otherwise lists show only the case's records and new records join it. */
  activeCaseId: string | null;
  setActiveCase: (id: string | null) => void;
}

interface SettingsSlice {
  language: Language;
  setLanguage: (language: Language) => void;
}

interface ToastSlice {
  toasts: Toast[];
  notify: (message: string, tone?: Toast['tone'], action?: Toast['action']) => void;
  dismiss: (id: number) => void;
}

/** Bumped to ask the visible list to focus its filter box (Ctrl/Cmd+K, menu). */
interface FocusSlice {
  searchFocusTick: number;
  focusSearch: () => void;
}

export type UiState = NavigationSlice & CaseSlice & SettingsSlice & ToastSlice & FocusSlice;

let nextToastId = 1;

export const useUi = create<UiState>()((set) => ({
  view: 'actors',
  selectedActorId: null,
  selectedEventId: null,
  editor: null,
  showView: (view) => set({ view, editor: null }),
  selectActor: (id) => set({ selectedActorId: id, view: 'actors', editor: null }),
  selectEvent: (id) => set({ selectedEventId: id, view: 'events', editor: null }),
  openEditor: (editor) => set((s) => ({
    editor,
    view: editor?.kind === 'actor' ? 'actors' : editor?.kind === 'event' ? 'events' : s.view,
  })),
  closeEditor: () => set({ editor: null }),

  activeCaseId: null,
  setActiveCase: (activeCaseId) => set({ activeCaseId }),

  language: 'en',
  setLanguage: (language) => set({ language }),

  toasts: [],
  notify: (message, tone = 'info', action) =>
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id: nextToastId++, message, tone, ...(action ? { action } : {}) }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),

  searchFocusTick: 0,
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
}));
