/**
 * The database opened on the page as the search worker is created, and closed at once: the
 * browser opens a database's files once for all its connections, and that first open took
 * 25–35 ms on a cold start, which the worker paid after its own 15–25 ms of start-up
 * (docs/benchmarks-search.md, session 12). Opened here, it overlaps the worker's start-up, and
 * the worker's own open (renderer/workers/searchEarlyRead.ts) finds the files open. Where the
 * page has the database open already (the app opens it first thing: renderer/startupOpen.ts),
 * this costs one more open of an open database.
 *
 * Opened without a version, so it never upgrades; a database that does not exist is not
 * created (its creation is aborted, as the worker's first chunk does). Imports nothing.
 * Resolves once the connection is closed again, or at once without IndexedDB; never rejects.
 */
export function openAhead(factory: IDBFactory | undefined, name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!factory) { resolve(); return; }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve();
      return;
    }
    // Only fires when the database does not exist: abort its creation.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => { event.preventDefault(); resolve(); };
    request.onblocked = () => resolve();
    request.onsuccess = () => { request.result.close(); resolve(); };
  });
}
