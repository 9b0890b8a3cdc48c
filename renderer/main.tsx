import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DbContext } from './db/dbContext';
import { NewerDatabaseError, openDatabase } from './db/db';
import { getSetting } from './db/settings';
import { requestPersistentStorage } from './db/storage';
import { DB_NAME, startupProbe } from './db/startupProbe';
import { primeFirstScreenFrom } from './features/actors/firstScreen';
import { initialLanguage, isLanguage, translate } from './i18n';
import { useUi } from './state/store';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root missing from index.html');
const root = createRoot(rootElement);

function showFatal(message: string) {
  root.render(
    <main className="fatal" role="alert">
      <h1>Casefile</h1>
      <p>{message}</p>
    </main>,
  );
}

/**
 * Asks once per start that the browser never evict the library under disk pressure
 * (Settings shows the answer and can ask again). Never awaited, and only after the first
 * frame: a browser may hold persist() on a permission prompt, which must not delay the
 * window. The answer is not kept: Settings reads it fresh with persisted().
 */
function askPersistenceAfterFirstPaint() {
  requestAnimationFrame(() => setTimeout(() => void requestPersistentStorage(), 0));
}

async function start() {
  // Marks for the benchmark's start-up breakdown (performance.getEntriesByType('mark')).
  performance.mark('casefile:script-start');
  // The database is opened first of all, raw and without a version (db/versionGuard.ts), by
  // the page's early entry (./startupOpen.ts; in dev, here) before this script has loaded: that one
  // connection answers the newer-version guard and reads the actor list's first screen in the
  // same transaction; Dexie is set up meanwhile and opens once the guard has answered. The
  // first render then shows named rows at once (features/actors/firstScreen.ts).
  const opening = useUi.getState().view === 'actors';
  const probe = startupProbe();
  const lang0 = initialLanguage(localStorage.getItem('casefile.language'), navigator.languages);
  try {
    let firstScreen: Promise<void> | undefined;
    const db = await openDatabase(DB_NAME, undefined, undefined, {
      installed: probe.installed,
      onOpen: (opened) => {
        performance.mark('casefile:dexie-open');
        if (opening) firstScreen = primeFirstScreenFrom(opened, probe.rows);
      },
    });
    performance.mark('casefile:db-open');
    // Start in the language kept in localStorage (no database round trip before the first
    // paint); the database's setting wins if they differ, e.g. after a restore.
    useUi.getState().setLanguage(lang0);
    document.documentElement.lang = lang0;
    void getSetting(db, 'language').then((saved) => {
      if (isLanguage(saved) && saved !== lang0) useUi.getState().setLanguage(saved);
    });
    await firstScreen;
    performance.mark('casefile:first-screen');
    root.render(
      <StrictMode>
        <DbContext.Provider value={db}>
          <App />
        </DbContext.Provider>
      </StrictMode>,
    );
    askPersistenceAfterFirstPaint();
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      showFatal(translate(lang0, 'error.newerDatabase', { found: error.found, supported: error.supported }));
    } else {
      showFatal(translate(lang0, 'error.openFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }
}

void start();
