// The records of the bundle bench put into a database with no index at all (primary keys only),
// in one raw IndexedDB transaction: with the raw blob write, the floor of any import of them,
// whatever the schema (scripts/bench-bundle.mjs prints it beside the import).

const BARE_DB = 'bench-bundle-bare';
const STORES: Readonly<Record<string, string | string[]>> = {
  cases: 'id', actors: 'id', events: 'id', documents: 'id', pages: ['documentId', 'page'],
};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
}

/** Puts every row in one read-write transaction and returns how long it took to commit (ms). */
export async function putBare(rows: Readonly<Record<keyof typeof STORES, readonly unknown[]>>): Promise<number> {
  await request(indexedDB.deleteDatabase(BARE_DB));
  const open = indexedDB.open(BARE_DB, 1);
  open.onupgradeneeded = () => {
    for (const [name, keyPath] of Object.entries(STORES)) open.result.createObjectStore(name, { keyPath });
  };
  const db = await request(open);
  try {
    const t0 = performance.now();
    // Durability as the app's database writes user data (renderer/db/db.ts: 'strict').
    const tx = db.transaction(Object.keys(STORES), 'readwrite', { durability: 'strict' });
    for (const [name, list] of Object.entries(rows)) {
      const store = tx.objectStore(name);
      for (const row of list) store.put(row);
    }
    await new Promise<void>((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
    return performance.now() - t0;
  } finally {
    db.close();
    await request(indexedDB.deleteDatabase(BARE_DB));
  }
}
