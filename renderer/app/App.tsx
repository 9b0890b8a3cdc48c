import { Suspense, lazy, useEffect } from 'react';
import { getMentionsClient } from '../mentions/mentionsClient';
import { ActorsView } from '../features/actors/ActorsView';
import { CaseSwitcher } from '../features/cases/CaseSwitcher';
import { SampleCaseButton } from '../features/cases/SampleCaseButton';

// The actor list is what opens first; other views load on first use so start-up parses less.
const DocumentsView = lazy(() => import('../features/documents/DocumentsView').then((m) => ({ default: m.DocumentsView })));
const ViewerOverlay = lazy(() => import('../features/viewer/ViewerOverlay').then((m) => ({ default: m.ViewerOverlay })));
const EventsView = lazy(() => import('../features/events/EventsView').then((m) => ({ default: m.EventsView })));
const CaseEditor = lazy(() => import('../features/cases/CaseEditor').then((m) => ({ default: m.CaseEditor })));
const SettingsView = lazy(() => import('../features/settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const SearchView = lazy(() => import('../features/search/SearchView').then((m) => ({ default: m.SearchView })));
const BundlesView = lazy(() => import('../features/bundles/BundlesView').then((m) => ({ default: m.BundlesView })));
const BundleDialogs = lazy(() => import('../features/bundles/BundleDialogs').then((m) => ({ default: m.BundleDialogs })));
const SpaceWarningDialog = lazy(() => import('../features/storage/SpaceWarningDialog').then((m) => ({ default: m.SpaceWarningDialog })));
const TimelineView = lazy(() => import('../features/timeline/TimelineView').then((m) => ({ default: m.TimelineView })));
const MapView = lazy(() => import('../features/map/MapView').then((m) => ({ default: m.MapView })));
const ChartView = lazy(() => import('../features/chart/ChartView').then((m) => ({ default: m.ChartView })));
const TrashView = lazy(() => import('../features/trash/TrashView').then((m) => ({ default: m.TrashView })));
import { Toasts } from '../components/Toasts';
import { BackupReminder } from '../features/bundles/BackupReminder';
import { DropZone } from '../features/documents/DropZone';
import { OcrSidebarStatus } from '../features/ocr/OcrSidebarStatus';
import { startOcr } from '../features/ocr/startOcr';
import { useDb } from '../db/dbContext';
import { SearchBox } from '../features/search/SearchBox';
import { useT } from '../i18n/useT';
import type { View } from '../state/store';
import { useUi } from '../state/store';
import { useShortcuts } from './useShortcuts';

const NAV: ReadonlyArray<{ view: View; key: 'nav.actors' | 'nav.events' | 'nav.timeline' | 'nav.map' | 'nav.documents' | 'nav.chart' | 'nav.bundles' | 'nav.trash' | 'nav.settings' }> = [
  { view: 'actors', key: 'nav.actors' },
  { view: 'events', key: 'nav.events' },
  { view: 'timeline', key: 'nav.timeline' },
  { view: 'map', key: 'nav.map' },
  { view: 'documents', key: 'nav.documents' },
  { view: 'chart', key: 'nav.chart' },
  { view: 'bundles', key: 'nav.bundles' },
  { view: 'trash', key: 'nav.trash' },
  { view: 'settings', key: 'nav.settings' },
];


const MENTIONS_START_DELAY_MS = 1500;
export function App() {
  const t = useT();
  const view = useUi((s) => s.view);
  const showView = useUi((s) => s.showView);
  const editor = useUi((s) => s.editor);
  const viewerOpen = useUi((s) => s.viewer !== null);
  const bundleDialogOpen = useUi((s) => s.bundleDialog !== null);
  const spaceWarningOpen = useUi((s) => s.spaceWarning !== null);
  useShortcuts();
  const db = useDb();
  // Scans are read in the background from the start: the queue is in the database.
  useEffect(() => startOcr(db), [db]);

  // The mentions worker builds in the background: start it once the first screen is up
  // and the window is idle (a profile or source that shows mentions starts it sooner).
  useEffect(() => {
    let idle = 0;
    const timer = window.setTimeout(() => { idle = window.requestIdleCallback(() => getMentionsClient(), { timeout: 2000 }); }, MENTIONS_START_DELAY_MS);
    return () => { window.clearTimeout(timer); window.cancelIdleCallback(idle); };
  }, []);

  useEffect(() => {
    document.documentElement.lang = t.lang;
  }, [t.lang]);

  return (
    <div className="app">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">▣</span>
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <SearchBox />
        <CaseSwitcher />
        <nav aria-label={t('nav.main')} className="nav">
          {NAV.map((item) => (
            <button key={item.view} type="button" className="nav__item" aria-current={view === item.view ? 'page' : undefined}
              onClick={() => showView(item.view)}>
              {t(item.key)}
            </button>
          ))}
        </nav>
        <div className="sidebar__footer">
          <OcrSidebarStatus />
          <BackupReminder />
          <SampleCaseButton />
        </div>
      </aside>
      <main className="main">
        {/* The modal viewer covers the view: inert behind it, so neither focus nor the
            accessibility tree reaches what is out of sight (and its regions are not doubled). */}
        <div className="main__views" inert={viewerOpen}>
          <Suspense fallback={<p className="empty">{t('common.loading')}</p>}>
            {editor?.kind === 'case' ? <CaseEditor id={editor.id} /> : null}
            {view === 'actors' ? <ActorsView /> : null}
            {view === 'events' ? <EventsView /> : null}
            {view === 'timeline' ? <TimelineView /> : null}
            {view === 'map' ? <MapView /> : null}
            {view === 'documents' ? <DocumentsView /> : null}
            {view === 'search' ? <SearchView /> : null}
            {view === 'chart' ? <ChartView /> : null}
            {view === 'bundles' ? <BundlesView /> : null}
            {view === 'trash' ? <TrashView /> : null}
            {view === 'settings' ? <SettingsView /> : null}
          </Suspense>
        </div>
        {viewerOpen ? <Suspense fallback={null}><ViewerOverlay /></Suspense> : null}
      </main>
      {bundleDialogOpen ? <Suspense fallback={null}><BundleDialogs /></Suspense> : null}
      {spaceWarningOpen ? <Suspense fallback={null}><SpaceWarningDialog /></Suspense> : null}
      <Toasts />
      <DropZone />
    </div>
  );
}
