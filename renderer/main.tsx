import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DbContext } from './app/dbContext';
import { NewerDatabaseError, openDatabase } from './db/db';
import { getSetting } from './db/settings';
import { initialLanguage, translate } from './i18n';
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

async function start() {
  const lang0 = initialLanguage(localStorage.getItem('casefile.language'), navigator.languages);
  try {
    const db = await openDatabase();
    const saved = await getSetting(db, 'language');
    const language = initialLanguage(typeof saved === 'string' ? saved : null, [lang0]);
    useUi.getState().setLanguage(language);
    document.documentElement.lang = language;
    root.render(
      <StrictMode>
        <DbContext.Provider value={db}>
          <App />
        </DbContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      showFatal(translate(lang0, 'error.newerDatabase', { found: error.found, supported: error.supported }));
    } else {
      showFatal(translate(lang0, 'error.openFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  }
}

void start();
