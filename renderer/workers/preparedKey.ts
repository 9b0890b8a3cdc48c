import { ageKey } from '../bundle/io';
import type { AgeKey } from '../bundle/io';
import type { ScryptFn } from '../../shared/bundle';

/**
 * age's key for an export, stretched while the user is still in the export dialog. scrypt at
 * age's work factor is 1–2 s of one core and 128 MiB by design; begun when the passphrase and
 * its confirmation first agree, it is usually done by the time Export is pressed, so the export
 * neither waits for it nor shares the cores and the memory with it (docs/bundle-format.md,
 * "Encryption").
 *
 * One key at a time, for one file: the export whose passphrase is the prepared one takes it
 * (a fresh file key and salt, never used for a second file), whatever state its scrypt is in;
 * preparing another passphrase, or dropping, ends the earlier scrypt and forgets its key.
 */
export class PreparedKey {
  private current: { passphrase: string; key: AgeKey; stop: AbortController } | null = null;

  constructor(private readonly opts: { scrypt?: ScryptFn; scryptWorkFactor?: number } = {}) {}

  /**
   * Starts stretching `passphrase` (dropping any key prepared before). `ready` resolves when the
   * key is made, and rejects with an AbortError if it is dropped first; `cancel` drops it only
   * while it is still this call's: once an export took it, the export's own.
   */
  prepare(passphrase: string): { ready: Promise<void>; cancel(): void } {
    this.drop();
    const stop = new AbortController();
    const key = ageKey(passphrase, { ...this.opts, signal: stop.signal });
    const mine = { passphrase, key, stop };
    this.current = mine;
    return {
      ready: key.stanza.then(() => undefined),
      cancel: () => { if (this.current === mine) this.drop(); },
    };
  }

  /** The prepared key if it was prepared for `passphrase` (the export's own from then on), else undefined. */
  take(passphrase: string): AgeKey | undefined {
    const prepared = this.current;
    if (!prepared || prepared.passphrase !== passphrase) return undefined;
    this.current = null;
    return prepared.key;
  }

  /** Forgets the prepared key, if it was not taken, ending its scrypt. */
  drop(): void {
    this.current?.stop.abort();
    this.current = null;
  }
}
