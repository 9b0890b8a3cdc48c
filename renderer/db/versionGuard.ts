/**
 * Refuses to open a database written by a newer Casefile.
 *
 * Dexie 4 does not throw VersionError when the installed database is newer than
 * the declared schema: it retries without a version, opens it, and if the newer
 * schema lacks a store or index it "patches" it by bumping the native version
 * (checked with Dexie 4.4.7: native 20 became 21). An old app must not do that to a
 * newer app's data, so this check reads the raw IndexedDB version, and the
 * `schemaVersion` row in `meta`, before Dexie is allowed near the database.
 */

/** Dexie stores version(n) as native IndexedDB version n * 10 (plus schema patches, < 10). */
export const DEXIE_VERSION_FACTOR = 10;

export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly databaseName: string,
    /** Data-format version of the installed database. */
    readonly found: number,
    /** Highest data-format version this build reads. */
    readonly supported: number,
  ) {
    super(
      `This case file was saved by a newer version of Casefile (data format ${found}); ` +
        `this version understands format ${supported} or older. ` +
        'Install the newer Casefile to open it. Nothing has been changed.',
    );
  }
}

export interface InstalledDatabase {
  /** Native IndexedDB version. */
  nativeVersion: number;
  /** The `schemaVersion` row in `meta`, when there is one. */
  metaSchemaVersion: number | null;
}

/**
 * What is installed under `name`, read without creating or upgrading anything;
 * null when no such database exists.
 */
export async function inspectInstalled(factory: IDBFactory, name: string): Promise<InstalledDatabase | null> {
  // databases() lets us skip the probe for a missing database entirely; where it is
  // missing (older Firefox), the probe below aborts its own creation instead.
  if (typeof factory.databases === 'function') {
    const list = await factory.databases();
    if (!list.some((info) => info.name === name)) return null;
  }
  return probeInstalled(factory, name).installed;
}

/** A first read made on the guard's own connection: the first `limit` rows of one index. */
export interface FirstRead {
  store: string;
  index: string;
  limit: number;
}

export interface InstalledProbe {
  /** What is installed (null: no database yet), as soon as its meta row is read. */
  installed: Promise<InstalledDatabase | null>;
  /**
   * The first read's rows, read in the same transaction as the meta row, when the database
   * is at format `current` (no upgrade pending that could change the rows); else undefined.
   * Never rejects. Only to be used once the guard has accepted `installed`.
   */
  rows: Promise<unknown[] | undefined>;
}

/**
 * One raw connection, opened without a version (so it never upgrades, and a missing
 * database's creation is aborted), that reads the native version and the `meta` row the
 * guard needs and, when asked, a first read beside them: the window's first screen is then
 * read as soon as the database can be (one open, one transaction), while Dexie's own open
 * waits only for the guard's answer. The connection is closed at once (its transaction still
 * runs to the end), and gives way to any upgrade.
 */
export function probeInstalled(factory: IDBFactory, name: string, current?: number, read?: FirstRead): InstalledProbe {
  let resolveInstalled!: (installed: InstalledDatabase | null) => void;
  let rejectInstalled!: (error: unknown) => void;
  let resolveRows!: (rows: unknown[] | undefined) => void;
  const installed = new Promise<InstalledDatabase | null>((resolve, reject) => { resolveInstalled = resolve; rejectInstalled = reject; });
  const rows = new Promise<unknown[] | undefined>((resolve) => { resolveRows = resolve; });
  const fail = (error: unknown) => { resolveRows(undefined); rejectInstalled(error); };
  let absent = false;
  let request: IDBOpenDBRequest;
  try {
    // No version argument: opens at whatever version is installed and never upgrades.
    request = factory.open(name);
  } catch (error) {
    fail(error);
    return { installed, rows };
  }
  request.onupgradeneeded = () => {
    // Only fires when the database does not exist; aborting leaves nothing behind.
    absent = true;
    request.transaction?.abort();
  };
  request.onerror = (event) => {
    event.preventDefault();
    if (absent) { resolveRows(undefined); resolveInstalled(null); } else fail(request.error ?? new Error(`Could not inspect database ${name}`));
  };
  request.onsuccess = () => {
    const idb = request.result;
    idb.onversionchange = () => idb.close();
    const nativeVersion = idb.version;
    const stores = idb.objectStoreNames;
    if (!stores.contains('meta')) {
      idb.close();
      resolveRows(undefined);
      resolveInstalled({ nativeVersion, metaSchemaVersion: null });
      return;
    }
    const withRows = read !== undefined && current !== undefined
      && Math.floor(nativeVersion / DEXIE_VERSION_FACTOR) === current && stores.contains(read.store);
    try {
      const tx = idb.transaction(withRows ? ['meta', read.store] : ['meta'], 'readonly');
      const get = tx.objectStore('meta').get('schemaVersion');
      get.onsuccess = () => {
        const row = get.result as { value?: unknown } | undefined;
        resolveInstalled({ nativeVersion, metaSchemaVersion: typeof row?.value === 'number' ? row.value : null });
      };
      get.onerror = () => fail(get.error ?? new Error(`Could not read meta of ${name}`));
      const store = withRows ? tx.objectStore(read.store) : null;
      if (store && read && store.indexNames.contains(read.index)) {
        const first = store.index(read.index).getAll(null, read.limit);
        first.onsuccess = () => resolveRows(first.result as unknown[]);
        first.onerror = (event) => { event.preventDefault(); resolveRows(undefined); };
      } else {
        resolveRows(undefined);
      }
      tx.onabort = () => fail(tx.error ?? new Error(`Could not read meta of ${name}`));
    } catch (error) {
      fail(error);
    }
    idb.close();
  };
  return { installed, rows };
}

/** The data-format version an installed database claims, the higher of its two witnesses. */
export function installedSchemaVersion(installed: InstalledDatabase): number {
  return Math.max(Math.floor(installed.nativeVersion / DEXIE_VERSION_FACTOR), installed.metaSchemaVersion ?? 0);
}

/** `inspected`: what a probe already read (probeInstalled), instead of inspecting again. */
export async function assertNotNewer(
  factory: IDBFactory, name: string, supported: number, inspected?: Promise<InstalledDatabase | null>,
): Promise<void> {
  const installed = await (inspected ?? inspectInstalled(factory, name));
  if (!installed) return;
  const found = installedSchemaVersion(installed);
  if (found > supported) throw new NewerDatabaseError(name, found, supported);
}
