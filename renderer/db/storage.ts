export type PersistResult = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Without it,
 * a browser profile low on disk may silently drop a researcher's case files.
 * Electron grants it; browsers may grant it or ask the user.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Some embedded contexts throw instead of answering; treat as not granted.
    return 'denied';
  }
}
