import { describe, expect, it } from 'vitest';
import { scryptInProcess } from '../../shared/bundle';
import type { ScryptFn } from '../../shared/bundle';
import { PreparedKey, PreparedScrypt } from './preparedKey';

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

describe('PreparedScrypt: an import\'s passphrase stretched while it is typed', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('an inspection takes the prepared key for exactly the prepared arguments, once; anything else is stretched anew', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedScrypt(scrypt);
    const salt = bytes('age-encryption.org/v1/scrypt0123456789abcdef');
    await keys.prepare(bytes('correct horse'), salt, 4).ready;
    const direct = await scryptInProcess(bytes('correct horse'), salt, 4);
    const one = keys.claim();
    expect(await one.scrypt(bytes('correct horse'), salt, 4)).toEqual(direct);
    expect(calls.length).toBe(1);
    // Taken: the same arguments again, and a later inspection, are stretched anew.
    await one.scrypt(bytes('correct horse'), salt, 4);
    await keys.claim().scrypt(bytes('correct horse'), salt, 4);
    expect(calls.length).toBe(3);
    // Another salt, work factor or passphrase than the prepared one: stretched, and the unused key ended on release.
    for (const [password, s, logN] of [['correct horse', bytes('another salt'), 4], ['correct horse', salt, 5], ['correct horsE', salt, 4]] as const) {
      await keys.prepare(bytes(password === 'correct horsE' ? 'correct horse' : password), salt, 4).ready;
      const claimed = keys.claim();
      await claimed.scrypt(bytes(password), s, logN);
      claimed.release();
    }
    expect(calls.length).toBe(9);
    expect([calls[3], calls[5], calls[7]].every((c) => c!.signal?.aborted)).toBe(true);
  });

  it('once claimed, the prompt\'s cancel (sent as it closes) no longer drops the key', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedScrypt(scrypt);
    const salt = bytes('salt');
    const prep = keys.prepare(bytes('correct horse'), salt, 4);
    const claimed = keys.claim();
    prep.cancel();
    expect(calls[0]!.signal?.aborted).toBe(false);
    await claimed.scrypt(bytes('correct horse'), salt, 4);
    claimed.release();
    expect(calls.length).toBe(1);
  });

  it('what was typed before is dropped as the field changes, its scrypt ended', async () => {
    const { calls, scrypt } = countingScrypt();
    const keys = new PreparedScrypt(scrypt);
    const salt = bytes('salt');
    const first = keys.prepare(bytes('correct hor'), salt, 4);
    first.ready.catch(() => undefined);
    const second = keys.prepare(bytes('correct horse'), salt, 4);
    expect(calls[0]!.signal?.aborted).toBe(true);
    first.cancel(); // a stale cancel leaves the newer key alone
    await second.ready;
    expect(calls[1]!.signal?.aborted).toBe(false);
    second.cancel();
    expect(calls[1]!.signal?.aborted).toBe(true);
    await keys.claim().scrypt(bytes('correct horse'), salt, 4);
    expect(calls.length).toBe(3);
  });
});
