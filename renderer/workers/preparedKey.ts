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

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The import's side: while the user types the passphrase of an encrypted bundle, scrypt runs on
 * what is typed so far (the file's salt and work factor, once the typing pauses), so pressing
 * "Open bundle" usually finds the key made. An inspection `claim`s it: its ScryptFn takes the
 * prepared key for exactly the prepared arguments (once), else it stretches as before.
 * A new preparation ends the one before it; nothing is kept beyond one key.
 */
export class PreparedScrypt {
  private current: { password: Uint8Array; salt: Uint8Array; logN: number; key: Promise<Uint8Array>; stop: AbortController } | null = null;

  constructor(private readonly base: ScryptFn) {}

  prepare(password: Uint8Array, salt: Uint8Array, logN: number): { ready: Promise<void>; cancel(): void } {
    this.drop();
    const stop = new AbortController();
    const key = this.base(password, salt, logN, stop.signal);
    key.catch(() => undefined); // seen by whoever takes it, or by `ready`
    const mine = { password, salt, logN, key, stop };
    this.current = mine;
    return { ready: key.then(() => undefined), cancel: () => { if (this.current === mine) this.drop(); } };
  }

  /**
   * The ScryptFn for one inspection, which takes the prepared key (detached at once: the field's
   * cancel, sent as the prompt closes, may arrive before scrypt is asked for) for exactly its
   * arguments, else stretches anew; `release` ends a prepared scrypt the inspection did not use.
   */
  claim(): { scrypt: ScryptFn; release(): void } {
    const p = this.current;
    this.current = null;
    let used = false;
    return {
      scrypt: (password, salt, logN, signal) => {
        if (p && !used && p.logN === logN && sameBytes(p.password, password) && sameBytes(p.salt, salt)) {
          used = true;
          return p.key;
        }
        return this.base(password, salt, logN, signal);
      },
      release: () => { if (p && !used) p.stop.abort(); },
    };
  }

  drop(): void {
    this.current?.stop.abort();
    this.current = null;
  }
}
