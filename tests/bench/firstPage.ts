// The reference for the actor list's cold first paint (scripts/bench.mjs): a bare page in a
// newly started browser opens the app's database with raw IndexedDB (no version, so no
// upgrade) and reads the list's first screen of actors by the index the list uses
// (`sortName`, 40 rows: renderer/features/actors/useActorIds.ts). Imports nothing, so its
// script starts as early as a page's can; the bench adds the app's own script-start time.
export interface FirstPageReference {
  scriptStart: number;
  openMs: number;
  readMs: number;
  rows: number;
}

declare global {
  interface Window {
    __firstPage: Promise<FirstPageReference>;
  }
}

const FIRST_SCREEN = 40;

window.__firstPage = new Promise((resolve, reject) => {
  const scriptStart = performance.now();
  const open = indexedDB.open('casefile');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const opened = performance.now();
    const db = open.result;
    const req = db.transaction('actors', 'readonly').objectStore('actors').index('sortName').getAll(null, FIRST_SCREEN);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const read = performance.now();
      db.close();
      resolve({ scriptStart, openMs: opened - scriptStart, readMs: read - opened, rows: req.result.length });
    };
  };
});
