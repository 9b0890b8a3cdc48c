/**
 * An IndexedDB request's result as a promise, for the few reads made straight on the open
 * connection's own handle (`db.backendDB()`), past Dexie's layers: the actor list's index
 * reads (./unobserved.ts) and the search worker's start-up rows (search/catalog.ts), and on the
 * raw connections the search worker and its row reader open before Dexie (workers/earlyOpen.ts).
 */
export function idbResult<T>(request: IDBRequest, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error(`${what} failed`));
  });
}
