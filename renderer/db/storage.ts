import type { StorageEstimateBytes } from './space';

export type PersistResult = 'granted' | 'denied' | 'unsupported';

type Storage = StorageManager | undefined;
const defaultStorage = (): Storage => globalThis.navigator?.storage;

/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Without it,
 * a browser profile low on disk may silently drop a researcher's case files.
 * Electron grants it; browsers may grant it or ask the user.
 */
export async function requestPersistentStorage(storage: Storage = defaultStorage()): Promise<PersistResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Some embedded contexts throw instead of answering; treat as not granted.
    return 'denied';
  }
}

/** Whether storage is persistent now, without asking (no prompt): for Settings to show. */
export async function persistenceState(storage: Storage = defaultStorage()): Promise<PersistResult> {
  if (!storage || typeof storage.persist !== 'function' || typeof storage.persisted !== 'function') return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Usage and quota of this origin's storage; null when the browser cannot say. */
export async function readStorageEstimate(storage: Storage = defaultStorage()): Promise<StorageEstimateBytes | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof quota !== 'number' || !Number.isFinite(quota) || quota <= 0) return null;
    return { usage: typeof usage === 'number' && Number.isFinite(usage) ? usage : 0, quota };
  } catch {
    return null;
  }
}
