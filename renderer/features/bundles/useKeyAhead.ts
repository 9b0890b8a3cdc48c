import { useEffect } from 'react';
import { getBundleClient } from '../../bundle/bundleClient';

/** How long the passphrase must stay as it is before its key is stretched (typing on past a match costs nothing). */
export const KEY_AHEAD_DELAY_MS = 300;

/**
 * Stretches the export's passphrase while the dialog is still open: `passphrase` is the one the
 * export will use once it is acceptable (typed twice alike, long enough), else null. The bundle
 * worker keeps the key (PreparedKey) for the export with that passphrase; a change, or closing
 * the dialog, drops it and ends its scrypt.
 */
export function useKeyAhead(passphrase: string | null): void {
  useEffect(() => {
    if (passphrase === null) return undefined;
    const stop = new AbortController();
    const timer = setTimeout(() => {
      // An abandoned key rejects with an AbortError; a failure here is met again by the export itself.
      getBundleClient().prepareKey(passphrase, { signal: stop.signal }).catch(() => undefined);
    }, KEY_AHEAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [passphrase]);
}

/**
 * Starts the bundle worker and opens its database while the export dialog is open with a bundle
 * chosen (`active`): pressing Export then starts reading at once, instead of waiting for the
 * worker's code and the database connection (~0.1 s; docs/benchmarks.md, session 11).
 */
export function useBundleWorkerAhead(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    // Nothing to report: a worker or database that cannot start fails the export itself, with its message.
    getBundleClient().warm().catch(() => undefined);
  }, [active]);
}

/**
 * Opening an encrypted bundle: the passphrase is stretched with the file's salt whenever the
 * typing pauses (the bundle worker's PreparedScrypt), so "Open bundle" usually finds scrypt done.
 * A key for what was typed before goes as soon as the field changes.
 */
export function useImportKeyAhead(file: Blob, passphrase: string): void {
  useEffect(() => {
    if (!passphrase) return undefined;
    const stop = new AbortController();
    const timer = setTimeout(() => {
      getBundleClient().prepareImportKey(file, passphrase, { signal: stop.signal }).catch(() => undefined);
    }, KEY_AHEAD_DELAY_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [file, passphrase]);
}
