import { describe, expect, it } from 'vitest';
import { scryptInProcess } from '../../shared/bundle';
import type { ScryptFn } from '../../shared/bundle';
import { PreparedKey } from './preparedKey';

/** scrypt at a low work factor that records each call and whether its caller gave it up. */
function countingScrypt() {
  const calls: { password: string; signal: AbortSignal | undefined }[] = [];
  const scrypt: ScryptFn = async (password, salt, logN, signal) => {
    calls.push({ password: new TextDecoder().decode(password), signal });
    return scryptInProcess(password, salt, logN);
  };
  return { calls, scrypt };
}

describe('PreparedKey: age\'s key stretched while the export dialog is open', () => {
  it('the export with the prepared passphrase takes the key once; another passphrase gets none', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedKey({ scrypt, scryptWorkFactor: 4 });
    const { ready } = keys.prepare('correct horse');
    await ready;
    expect(keys.take('correct horsE')).toBeUndefined();
    const key = keys.take('correct horse');
    expect(key).toBeDefined();
    expect((await key!.stanza).type).toBe('scrypt');
    // One file per key: a second export stretches its own.
    expect(keys.take('correct horse')).toBeUndefined();
    expect(calls.map((c) => c.password)).toEqual(['correct horse']);
  });

  it('a new passphrase or a drop ends the earlier scrypt and forgets its key', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedKey({ scrypt, scryptWorkFactor: 4 });
    const first = keys.prepare('first passphrase');
    first.ready.catch(() => undefined);
    const second = keys.prepare('second passphrase');
    expect(calls[0]!.signal?.aborted).toBe(true);
    expect(keys.take('first passphrase')).toBeUndefined();
    await second.ready;
    keys.drop();
    expect(calls[1]!.signal?.aborted).toBe(true);
    expect(keys.take('second passphrase')).toBeUndefined();
  });

  it('cancelling a preparation an export already took leaves the export\'s key alone', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedKey({ scrypt, scryptWorkFactor: 4 });
    const prep = keys.prepare('correct horse');
    const key = keys.take('correct horse');
    prep.cancel();
    expect(calls[0]!.signal?.aborted).toBe(false);
    await expect(key!.stanza).resolves.toMatchObject({ type: 'scrypt' });
    // A cancel of an earlier preparation does not drop a later one either.
    const later = keys.prepare('another one');
    prep.cancel();
    await later.ready;
    expect(keys.take('another one')).toBeDefined();
  });
});
