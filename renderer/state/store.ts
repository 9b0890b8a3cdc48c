import { create } from 'zustand';
import type { ActorKind, ActorStatus } from '../../shared/model/actor';
import type { HitKind } from '../../shared/search/types';
import type { Language } from '../i18n';
import type { ChartSlice } from './chartSlice';
import { createChartSlice } from './chartSlice';

/**
 * UI and session state only (DESIGN.md): what is selected, which panel is open,
 * the active case, list filters, toasts. Records live in Dexie and are read with
 * useLiveQuery; nothing here caches database rows.
 */
export type View = 'actors' | 'events' | 'documents' | 'trash' | 'settings' | 'search' | 'bundles' | 'timeline' | 'map' | 'chart';

export type Editor =
  /** `name`, `aliases` and `actorKind` prefill a new actor ("Create actor" from a suggested name). */
  | { kind: 'actor'; id: string | null; name?: string; aliases?: readonly string[]; actorKind?: ActorKind }
  | { kind: 'event'; id: string | null }
  | { kind: 'case'; id: string | null }
  | null;

/** The PDF viewer, opened at a page, optionally highlighting terms (from a search hit). */
export interface ViewerState {
  documentId: string;
  page: number;
  highlight: string[];
}

/** One file of an import batch, as the progress panel shows it. */
export interface ImportJob {
  id: string;
  fileName: string;
  phase: 'queued' | 'hashing' | 'extracting' | 'saving' | 'done' | 'duplicate' | 'failed' | 'cancelled';
  page: number;
  pageCount: number;
  /** The document it became (or already was, for a duplicate). */
  documentId: string | null;
  /** Final extraction state or failure reason, shown next to the file. */
  message: string;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** Optional action, e.g. undo a move to trash. */
  action?: { label: string; run: () => void };
}

/**
 * The toasts after a new one: the same message again (four saves in a row: "Saved.") replaces
 * the earlier one instead of stacking over the form; a toast with an action (Undo) is never
 * merged, since each undoes something else. At most four show.
 */
export function withToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  const kept = toast.action ? toasts : toasts.filter((x) => x.action || x.message !== toast.message || x.tone !== toast.tone);
  return [...kept.slice(-3), toast];
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

interface DocumentsSlice {
  selectedDocumentId: string | null;
  viewer: ViewerState | null;
  selectDocument: (id: string | null) => void;
  /** Opens the viewer at a page; used by citations, search hits and the documents list. */
  openViewer: (documentId: string, page?: number, highlight?: string[]) => void;
  closeViewer: () => void;
  setViewerPage: (page: number) => void;
}

interface ImportSlice {
  importJobs: ImportJob[];
  /** True while a batch runs; the panel offers Cancel. */
  importRunning: boolean;
  setImportJobs: (jobs: ImportJob[]) => void;
  updateImportJob: (id: string, patch: Partial<ImportJob>) => void;
  setImportRunning: (running: boolean) => void;
  clearImportJobs: () => void;
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

/** The export, backup and import dialogs (features/bundles); one at a time. */
export type BundleDialog =
  | { kind: 'export'; caseId: string | null }
  | { kind: 'backup' }
  | { kind: 'import'; file: File; restore: boolean };

interface BundleSlice {
  bundleDialog: BundleDialog | null;
  openBundleDialog: (dialog: BundleDialog) => void;
  closeBundleDialog: () => void;
  /** The backup reminder is offered at most once a session: 'pending' until it is decided. */
  backupReminder: 'pending' | 'shown' | 'done';
  setBackupReminder: (state: 'shown' | 'done') => void;
}

/**
 * A big job held back because the disk looks too full for it (features/storage/confirmSpace):
 * the dialog names the sizes, and `answer` lets the job go on or drops it.
 */
export interface SpaceWarning {
  job: 'pdfs' | 'bundle' | 'restore';
  /** Bytes the job needs free, and bytes free (from the estimate). */
  needed: number;
  free: number;
  /** Size of the input (the PDFs together, or the bundle file). */
  size: number;
  /** Number of PDFs, or 1. */
  count: number;
  /** The bundle's file name; '' for PDFs. */
  name: string;
  answer: (goOn: boolean) => void;
}

interface SpaceSlice {
  spaceWarning: SpaceWarning | null;
  setSpaceWarning: (warning: SpaceWarning | null) => void;
}

/** Bumped to ask the visible list to focus its filter box (Ctrl/Cmd+K, menu). */
interface FocusSlice {
  searchFocusTick: number;
  focusSearch: () => void;
}

/** The global search's filters as the user set them; dates stay as typed (read in features/search). */
export interface SearchUiFilters {
  /** Kinds to show; all four by default. */
  kinds: HitKind[];
  /** 'active' follows the sidebar's case; '' is every case; otherwise a case id. */
  caseId: string;
  status: ActorStatus | '';
  from: string;
  to: string;
}

export const DEFAULT_SEARCH_FILTERS: SearchUiFilters = { kinds: ['actor', 'event', 'document', 'page'], caseId: 'active', status: '', from: '', to: '' };

/** The global search box: its text and filters, and which query the shown results answer. */
interface SearchSlice {
  searchText: string;
  searchFilters: SearchUiFilters;
  /** Key (text + filters + limit) of the results on screen, so a stale answer is never shown. */
  searchResultsKey: string | null;
  /** Bumped by Enter to run the query now instead of after the typing pause. */
  searchSubmitTick: number;
  /** Bumped to focus the global search box (Ctrl/Cmd+K, the menu's Find). */
  searchBoxFocusTick: number;
  /** The result option the arrows have reached from the box (its element id), or null. */
  searchActiveId: string | null;
  /** Whether the results listbox is on screen with at least one option (the box's aria-expanded). */
  searchListOpen: boolean;
  setSearchText: (text: string) => void;
  setSearchFilters: (patch: Partial<SearchUiFilters>) => void;
  setSearchResultsKey: (key: string | null) => void;
  submitSearch: () => void;
  focusSearchBox: () => void;
  setSearchActiveId: (id: string | null) => void;
  setSearchListOpen: (open: boolean) => void;
}

/** What the OCR runner (renderer/ocr) is doing: the document in hand and its measured pace. */
export interface OcrRunState {
  documentId: string | null;
  secondsPerPage: number | null;
}

interface OcrSlice {
  ocrRun: OcrRunState;
  setOcrRun: (ocrRun: OcrRunState) => void;
}

/** A record picked on the timeline or the map: the other view shows it picked too. */
export interface ViewSelection {
  kind: 'event' | 'actor';
  id: string;
}

/**
 * What the timeline and the map share: the picked record and the time range, as typed
 * (approximate dates, '' for an open end; read in features/timeline).
 */
interface ViewsSlice {
  viewSelection: ViewSelection | null;
  viewRange: { from: string; to: string };
  selectInViews: (selection: ViewSelection | null) => void;
  setViewRange: (patch: Partial<{ from: string; to: string }>) => void;
}

export type UiState = ViewsSlice & OcrSlice & NavigationSlice & DocumentsSlice & ImportSlice & CaseSlice & SettingsSlice & ToastSlice & FocusSlice & SearchSlice & BundleSlice & SpaceSlice & ChartSlice;

let nextToastId = 1;

export const useUi = create<UiState>()((set) => ({
  viewSelection: null,
  viewRange: { from: '', to: '' },
  selectInViews: (viewSelection) => set({ viewSelection }),
  setViewRange: (patch) => set((s) => ({ viewRange: { ...s.viewRange, ...patch } })),

  ...createChartSlice(set),
  ocrRun: { documentId: null, secondsPerPage: null },
  setOcrRun: (ocrRun) => set({ ocrRun }),

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

  selectedDocumentId: null,
  viewer: null,
  selectDocument: (id) => set({ selectedDocumentId: id, view: 'documents', editor: null }),
  openViewer: (documentId, page = 1, highlight = []) => set({ viewer: { documentId, page, highlight }, selectedDocumentId: documentId }),
  closeViewer: () => set({ viewer: null }),
  setViewerPage: (page) => set((s) => (s.viewer ? { viewer: { ...s.viewer, page } } : {})),

  importJobs: [],
  importRunning: false,
  setImportJobs: (importJobs) => set({ importJobs }),
  updateImportJob: (id, patch) => set((s) => ({ importJobs: s.importJobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) })),
  setImportRunning: (importRunning) => set({ importRunning }),
  clearImportJobs: () => set((s) => ({ importJobs: s.importJobs.filter((j) => !['done', 'duplicate', 'failed', 'cancelled'].includes(j.phase)) })),

  activeCaseId: null,
  setActiveCase: (activeCaseId) => set({ activeCaseId }),

  language: 'en',
  setLanguage: (language) => set({ language }),

  toasts: [],
  notify: (message, tone = 'info', action) =>
    set((s) => ({ toasts: withToast(s.toasts, { id: nextToastId++, message, tone, ...(action ? { action } : {}) }) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),

  bundleDialog: null,
  openBundleDialog: (bundleDialog) => set({ bundleDialog }),
  closeBundleDialog: () => set({ bundleDialog: null }),
  backupReminder: 'pending',
  setBackupReminder: (backupReminder) => set({ backupReminder }),

  spaceWarning: null,
  setSpaceWarning: (spaceWarning) => set({ spaceWarning }),

  searchFocusTick: 0,
  focusSearch: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),

  searchText: '',
  searchFilters: DEFAULT_SEARCH_FILTERS,
  searchResultsKey: null,
  searchSubmitTick: 0,
  searchBoxFocusTick: 0,
  searchActiveId: null,
  searchListOpen: false,
  // New text means new results: the active option would point at a different hit.
  setSearchText: (searchText) => set({ searchText, searchActiveId: null }),
  setSearchFilters: (patch) => set((s) => ({ searchFilters: { ...s.searchFilters, ...patch }, searchActiveId: null })),
  setSearchResultsKey: (searchResultsKey) => set({ searchResultsKey }),
  submitSearch: () => set((s) => ({ searchSubmitTick: s.searchSubmitTick + 1, view: 'search', editor: null })),
  focusSearchBox: () => set((s) => ({ searchBoxFocusTick: s.searchBoxFocusTick + 1 })),
  setSearchActiveId: (searchActiveId) => set({ searchActiveId }),
  setSearchListOpen: (searchListOpen) => set({ searchListOpen }),
}));
