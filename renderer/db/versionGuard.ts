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
  return new Promise((resolve, reject) => {
    let absent = false;
    // No version argument: opens at whatever version is installed and never upgrades.
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only fires when the database does not exist; aborting leaves nothing behind.
      absent = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (absent) resolve(null);
      else reject(request.error ?? new Error(`Could not inspect database ${name}`));
    };
    request.onsuccess = () => {
      const idb = request.result;
      const nativeVersion = idb.version;
      if (!idb.objectStoreNames.contains('meta')) {
        idb.close();
        resolve({ nativeVersion, metaSchemaVersion: null });
        return;
      }
      const get = idb.transaction('meta', 'readonly').objectStore('meta').get('schemaVersion');
      get.onsuccess = () => {
        idb.close();
        const row = get.result as { value?: unknown } | undefined;
        resolve({ nativeVersion, metaSchemaVersion: typeof row?.value === 'number' ? row.value : null });
      };
      get.onerror = () => {
        idb.close();
        reject(get.error ?? new Error(`Could not read meta of ${name}`));
      };
    };
  });
}

/** The data-format version an installed database claims, the higher of its two witnesses. */
export function installedSchemaVersion(installed: InstalledDatabase): number {
  return Math.max(Math.floor(installed.nativeVersion / DEXIE_VERSION_FACTOR), installed.metaSchemaVersion ?? 0);
}

export async function assertNotNewer(factory: IDBFactory, name: string, supported: number): Promise<void> {
  const installed = await inspectInstalled(factory, name);
  if (!installed) return;
  const found = installedSchemaVersion(installed);
  if (found > supported) throw new NewerDatabaseError(name, found, supported);
}
