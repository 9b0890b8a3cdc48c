/**
 * How the search worker reads its stored segment rows at start-up. Imports nothing, so the
 * search bench's raw-read reference (tests/bench/segmentsRead.ts) reads exactly alike
 * without loading the search engine.
 */

/**
 * The order start-up reads stored segment rows in: records segments first (the biggest header
 * to parse, so its parse overlaps the reads of the others), then the rest as stored. Used by
 * the worker's `load` and by the bench's raw-read reference, which must read alike.
 */
export function startupReadOrder(ids: readonly string[]): string[] {
  const records = ids.filter((id) => id.startsWith('records'));
  return [...records, ...ids.filter((id) => !id.startsWith('records'))];
}

/** Stored segment rows read at once while one is being loaded (start-up read-ahead). */
export const STARTUP_READ_AHEAD = 3;

/**
 * Reads `ids` with up to `ahead` reads in flight, and hands each row to `take` in `ids` order
 * as soon as it and every row before it has arrived: the worker decodes one row while the
 * next ones are read. `ahead` bounds how many rows are alive at once (rows of an old format
 * held tens of MB of JSON each).
 */
export async function readRowsAhead<T>(ids: readonly string[], read: (id: string) => Promise<T>, take: (row: T, index: number) => void,
  ahead = STARTUP_READ_AHEAD): Promise<void> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (next < ids.length && pending.length < ahead) {
      const row = read(ids[next++]!);
      row.catch(() => undefined); // a read failing before its turn is reported when awaited
      pending.push(row);
    }
  };
  fill();
  for (let i = 0; i < ids.length; i++) {
    const row = await pending.shift()!;
    fill();
    take(row, i);
  }
}

/** Stored rows requested before the app's database layer is open (see `readStartupRows`). */
export interface StartupRows<Row> {
  /** The catalog row (undefined when there is none). */
  catalog: Promise<Row | undefined>;
  /** Stored segment ids, the catalog's excluded, in stored (key) order. */
  ids: Promise<string[]>;
  /** A segment row requested at start; rejects when it could not be read this way (read it again). */
  row(id: string): Promise<Row | undefined>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Starts reading the search index's stored rows with raw IndexedDB as soon as the worker's
 * script runs, while the app's database layer (Dexie, after its newer-version guard) is still
 * opening and the search engine's modules still evaluate: the catalog and the keys together,
 * then every segment row at once, in `startupReadOrder`, one transaction each. Opened without
 * a version, so it never creates or upgrades anything (an absent database aborts its creation,
 * as the version guard's probe does), and it gives way to an upgrade (closes on
 * versionchange). Resolves null when the database is absent, newer than `maxNativeVersion`, or
 * has no such store: the caller then reads through its own connection.
 */
export function readStartupRows<Row>(factory: IDBFactory, name: string, store: string, catalogId: string,
  maxNativeVersion: number): Promise<StartupRows<Row> | null> {
  return new Promise((resolve) => {
    let absent = false;
    let open: IDBOpenDBRequest;
    try { open = factory.open(name); } catch { resolve(null); return; }
    open.onupgradeneeded = () => { absent = true; open.transaction?.abort(); };
    open.onerror = (event) => { event.preventDefault(); resolve(null); };
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (absent || db.version > maxNativeVersion || !db.objectStoreNames.contains(store)) { db.close(); resolve(null); return; }
      db.onversionchange = () => db.close();
      const get = <T>(key?: string): Promise<T> => {
        try {
          const s = db.transaction(store, 'readonly').objectStore(store);
          return request((key === undefined ? s.getAllKeys() : s.get(key)) as IDBRequest<T>);
        } catch (error) {
          return Promise.reject(error);
        }
      };
      const catalog = get<Row | undefined>(catalogId);
      const ids = get<IDBValidKey[]>().then((keys) => keys.filter((k): k is string => typeof k === 'string' && k !== catalogId));
      const rows = ids.then((list) => {
        const map = new Map<string, Promise<Row | undefined>>();
        for (const id of startupReadOrder(list)) {
          const row = get<Row | undefined>(id);
          row.catch(() => undefined); // reported to whoever asks for it
          map.set(id, row);
        }
        void Promise.allSettled(map.values()).then(() => db.close());
        return map;
      });
      catalog.catch(() => undefined);
      rows.catch(() => db.close());
      resolve({
        catalog, ids,
        row: (id) => rows.then((map) => map.get(id) ?? Promise.reject(new Error(`row ${id} was not requested at start`))),
      });
    };
  });
}
