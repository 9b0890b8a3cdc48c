import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageHeader, ageKey, assertPassphraseFile, encryptBlob, encryptParts, passphraseScryptArgs, payloadKeyOf } from './age';
import { decryptBlob } from './ageDecrypt';
import type { ChunkSealer } from './ageStream';
import { BATCH_BYTES, BATCH_CHUNKS, sealInProcess } from './ageStream';
import type { ByteParts } from './parts';
import { byteParts, partsBlob } from './parts';
import type { StreamedSealedParts } from './ageSealed';
import { sealAtSave, sealedBlob, streamedSealedBlob, writeSealed, writeStreamedSealed } from './ageSealed';
import { loadSodium, scryptInProcess, streamNonce } from './ageCrypto';
import type { ScryptFn } from './ageCrypto';
import { base64NoPad, fromBase64NoPad, headerBytes, headerMacInput, parseHeader } from './ageHeader';
import { utf8 } from './bytes';
import type { BundleError } from './manifest';
import { BundleFailure } from './manifest';

/**
 * Our age v1 implementation (scrypt recipient + STREAM over libsodium) against the `age`
 * command-line tool in both directions, at the chunk boundaries, and the refusals a user sees:
 * files a passphrase cannot open (keys, armor) and damage said precisely (header, MAC, which
 * chunk, cut short, trailing bytes).
 */

const AGE = '/usr/bin/age';
const PASSPHRASE = 'correct horse battery staple ñ';
const FAST = { scryptWorkFactor: 10 };
const K = 64 * 1024;

const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());
/**
 * The same bytes (Buffer.equals: toEqual walks several MiB element by element, minutes under
 * load); toEqual only when they differ, for its message.
 */
function expectSame(actual: Uint8Array, expected: Uint8Array, label?: string): void {
  const buf = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  if (!buf(actual).equals(buf(expected))) expect(actual, label).toEqual(expected);
}

function bytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function refusal(work: Promise<unknown>): Promise<BundleError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof BundleFailure) return e.error;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** `age` reads passphrases only from a terminal: driven through a pseudo-terminal (python3's pty). */
const DRIVE_PY = String.raw`
import os, pty, sys, select, time
passphrase = os.environ['AGE_TEST_PASSPHRASE'].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out, sent, deadline = b'', 0, time.time() + 120
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if fd in r:
        try:
            data = os.read(fd, 1024)
        except OSError:
            break
        if not data:
            break
        out += data
        while sent < out.count(b'passphrase') and out.rstrip().endswith(b':'):
            os.write(fd, passphrase + b'\n')
            sent += 1
    elif os.waitpid(pid, os.WNOHANG)[0]:
        break
_, status = os.waitpid(pid, 0)
sys.stderr.write('\n'.join(l for l in out.decode(errors='replace').splitlines() if l.startswith('age:')))
sys.exit(os.waitstatus_to_exitcode(status))
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'casefile-age2-'));
  writeFileSync(join(dir, 'drive.py'), DRIVE_PY);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runAge = (args: string[]) => {
  const r = spawnSync('python3', [join(dir, 'drive.py'), AGE, ...args], { env: { ...process.env, AGE_TEST_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`age ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
};

describe('age files the `age` tool reads and writes', () => {
  // Empty, one byte, each side of the 64 KiB chunk boundary, two full chunks, several chunks.
  const sizes = [0, 1, K - 1, K, K + 1, 2 * K, 5 * K + 123];

  it('`age -d` decrypts what we encrypt, at every chunk boundary', async () => {
    for (const size of sizes) {
      const plain = bytes(size + 1, size);
      const file = join(dir, `ours-${size}.age`);
      writeFileSync(file, await bytesOf(await encryptBlob(blobOf(plain), PASSPHRASE, FAST)));
      runAge(['-d', '-o', `${file}.out`, file]);
      // age creates no output file for an empty plaintext
      const out = existsSync(`${file}.out`) ? new Uint8Array(readFileSync(`${file}.out`)) : new Uint8Array(0);
      expectSame(out, plain, `${size} bytes`);
    }
  }, 180_000);

  it('we decrypt what `age -p` encrypts (work factor 18), at the chunk boundaries', async () => {
    for (const size of [0, K, K + 1, 3 * K + 7]) {
      const plain = bytes(size + 7, size);
      const file = join(dir, `theirs-${size}`);
      writeFileSync(file, plain);
      runAge(['-p', '-o', `${file}.age`, file]);
      const out = await decryptBlob(blobOf(new Uint8Array(readFileSync(`${file}.age`))), PASSPHRASE);
      expectSame(await bytesOf(out), plain, `${size} bytes`);
    }
  }, 240_000);

  it('`age -d` decrypts what is sealed out of order by several lanes, from parts, with scrypt begun beforehand', async () => {
    // A sealer of three lanes whose batches finish in reverse order of asking: the payload must still be laid in order.
    let delay = 12;
    // Some batches come back as Blobs (as the app's workers give them), some as bytes.
    const sealedAs = async (key: Uint8Array, plain: Uint8Array, first: number, final: boolean) => {
      const sealed = await sealInProcess.seal(key, plain, first, final);
      return (first / BATCH_CHUNKS) % 2 ? new Blob([sealed as Uint8Array<ArrayBuffer>]) : sealed;
    };
    const lanes: ChunkSealer = { lanes: 3, seal: (key, plain, first, final) => new Promise((r) => setTimeout(() => r(sealedAs(key, plain, first, final)), (delay = delay > 2 ? delay - 2 : 12))) };
    for (const size of [0, 1, K, BATCH_BYTES - 1, BATCH_BYTES, BATCH_BYTES + 1, 3 * BATCH_BYTES + 5 * K + 3]) {
      const plain = bytes(size + 3, size);
      // As a laid-out bundle comes: small byte arrays and Blobs of any size, in order.
      const cut = [0, Math.min(size, 30), Math.floor(size / 3), Math.floor(size / 2), size].sort((a, b) => a - b);
      const parts = byteParts(cut.slice(1).map((end, i) => (i % 2 ? blobOf(plain.slice(cut[i], end)) : plain.slice(cut[i], end))));
      // The key and its scrypt begun before the bundle was laid out, as the export does.
      const key = ageKey(PASSPHRASE, FAST);
      const sealed = await encryptParts(parts, PASSPHRASE, { sealer: lanes, key });
      const cipher = await bytesOf(partsBlob(sealed));
      expect(cipher.length).toBe(sealed.size);
      const file = join(dir, `lanes-${size}.age`);
      writeFileSync(file, cipher);
      runAge(['-d', '-o', `${file}.out`, file]);
      const out = existsSync(`${file}.out`) ? new Uint8Array(readFileSync(`${file}.out`)) : new Uint8Array(0);
      expectSame(out, plain, `${size} bytes`);
    }
  }, 180_000);

  it('`age -d` decrypts what the save seals as it writes (header first, batches out of order), the same bytes as sealing beforehand', async () => {
    let delay = 12;
    const lanes: ChunkSealer = { lanes: 2, seal: (key, plain, first, final) => new Promise((r) => setTimeout(() => r(sealInProcess.seal(key, plain, first, final)), (delay = delay > 2 ? delay - 3 : 12))) };
    for (const size of [0, 1, K - 1, K, BATCH_BYTES + 1, 2 * BATCH_BYTES + 3 * K + 11]) {
      const plain = bytes(size + 5, size);
      const cut = [0, Math.min(size, 40), Math.floor(size / 2), size].sort((a, b) => a - b);
      const parts = byteParts(cut.slice(1).map((end, i) => (i % 2 ? blobOf(plain.slice(cut[i], end)) : plain.slice(cut[i], end))));
      const file = await sealAtSave(parts, PASSPHRASE, { key: ageKey(PASSPHRASE, FAST) });
      const written: Uint8Array[] = [];
      await writeSealed(file, async (b) => { written.push(b.slice()); }, { sealer: lanes });
      const cipher = await bytesOf(new Blob(written as Uint8Array<ArrayBuffer>[]));
      expect(cipher.length, `${size} bytes`).toBe(file.size);
      expect(written[0]).toEqual(file.head);
      const path = join(dir, `at-save-${size}.age`);
      writeFileSync(path, cipher);
      runAge(['-d', '-o', `${path}.out`, path]);
      const out = existsSync(`${path}.out`) ? new Uint8Array(readFileSync(`${path}.out`)) : new Uint8Array(0);
      expectSame(out, plain, `${size} bytes`);
      // And as a Blob (a browser download of it), which we open too.
      expectSame(await bytesOf(await decryptBlob(await sealedBlob(file), PASSPHRASE)), plain, `${size} bytes`);
    }
  }, 180_000);

  it('`age -d` decrypts a streamed save (the plaintext\'s head before its rest, the header when scrypt is done), the same bytes as sealing beforehand', async () => {
    let delay = 12;
    const lanes: ChunkSealer = { lanes: 2, seal: (key, plain, first, final) => new Promise((r) => setTimeout(() => r(sealInProcess.seal(key, plain, first, final)), (delay = delay > 2 ? delay - 3 : 12))) };
    // Head and rest split at and around chunk and batch boundaries; an empty head (a bundle of no PDFs).
    for (const [size, at] of [[1, 0], [K, K], [K + 1, K], [BATCH_BYTES, BATCH_BYTES - 1], [BATCH_BYTES + K, BATCH_BYTES], [2 * BATCH_BYTES + 3 * K + 11, K + 7]] as const) {
      const plain = bytes(size + 9, size);
      const head = byteParts([blobOf(plain.slice(0, at))]);
      let restNow!: (p: ByteParts) => void;
      const rest = new Promise<ByteParts>((r) => { restNow = r; });
      const key = ageKey(PASSPHRASE, FAST);
      const nonce = new Uint8Array(16).fill(size % 251);
      const file: StreamedSealedParts = { headerLength: key.headerLength, header: ageHeader(key), nonce, payloadKey: await payloadKeyOf(key, nonce), plain: { head, rest } };
      const written: Uint8Array[] = [];
      const saving = writeStreamedSealed(file, async (b) => { written.push(b.slice()); }, { sealer: lanes });
      await new Promise((r) => setTimeout(r, 20));
      restNow(byteParts([plain.slice(at, at + 3), blobOf(plain.slice(at + 3))]));
      await saving;
      const cipher = await bytesOf(new Blob(written as Uint8Array<ArrayBuffer>[]));
      // The same bytes as the whole plaintext sealed at the save under this key and nonce.
      const whole: Uint8Array[] = [];
      await writeSealed({ head: utf8(''), plain: byteParts([plain]), payloadKey: file.payloadKey, size: 0 }, async (b) => { whole.push(b.slice()); });
      const header = await file.header;
      expect(header.length).toBe(key.headerLength);
      expectSame(cipher, await bytesOf(new Blob([header, nonce, ...whole] as Uint8Array<ArrayBuffer>[])), `${size} bytes split at ${at}`);
      const path = join(dir, `streamed-${size}-${at}.age`);
      writeFileSync(path, cipher);
      runAge(['-d', '-o', `${path}.out`, path]);
      expectSame(new Uint8Array(readFileSync(`${path}.out`)), plain, `${size} bytes split at ${at}`);
      expectSame(await bytesOf(await decryptBlob(await streamedSealedBlob(file), PASSPHRASE)), plain);
    }
  }, 180_000);

  it('a streamed save hands the sealer whole batches (4 MiB) as read, never a byte array the caller still holds (the workers take what they are handed)', async () => {
    const header = bytes(5, BATCH_BYTES); // a part of exactly one batch, kept by the caller
    const pdf = bytes(6, 2 * BATCH_BYTES + 100);
    const tail = bytes(7, 3 * K + 5);
    const plain = new Uint8Array(header.length + pdf.length + tail.length);
    plain.set(header);
    plain.set(pdf, header.length);
    plain.set(tail, header.length + pdf.length);
    const key = ageKey(PASSPHRASE, FAST);
    const nonce = new Uint8Array(16).fill(3);
    const file: StreamedSealedParts = {
      headerLength: key.headerLength, header: ageHeader(key), nonce, payloadKey: await payloadKeyOf(key, nonce),
      plain: { head: byteParts([header, blobOf(pdf)]), rest: Promise.resolve(byteParts([blobOf(tail)])) },
    };
    const handed: { length: number; whole: boolean }[] = [];
    // As the sealing workers do: a whole buffer is transferred (detached here) once sealed.
    const taking: ChunkSealer = {
      lanes: 2,
      seal: async (k, batch, first, final) => {
        const whole = batch.byteOffset === 0 && batch.byteLength === batch.buffer.byteLength;
        handed.push({ length: batch.length, whole });
        const sealed = await sealInProcess.seal(k, batch, first, final);
        if (whole) structuredClone(batch.buffer, { transfer: [batch.buffer as ArrayBuffer] });
        return sealed;
      },
    };
    const written: Uint8Array[] = [];
    await writeStreamedSealed(file, async (b) => { written.push(b.slice()); }, { sealer: taking });
    expectSame(header, bytes(5, BATCH_BYTES));
    expect(handed.slice(0, 3)).toEqual([{ length: BATCH_BYTES, whole: true }, { length: BATCH_BYTES, whole: true }, { length: BATCH_BYTES, whole: true }]);
    expect(handed.reduce((sum, h) => sum + h.length, 0)).toBe(plain.length);
    expectSame(await bytesOf(await decryptBlob(new Blob(written as Uint8Array<ArrayBuffer>[]), PASSPHRASE)), plain);
  });

  it('a streamed save writes nothing before its header, and stops when the rest fails, with its reason', async () => {
    const key = ageKey(PASSPHRASE, FAST);
    let headerNow!: (h: Uint8Array) => void;
    const nonce = new Uint8Array(16);
    const file: StreamedSealedParts = {
      headerLength: key.headerLength, header: new Promise((r) => { headerNow = r; }), nonce, payloadKey: await payloadKeyOf(key, nonce),
      plain: { head: byteParts([bytes(1, 3 * K)]), rest: Promise.reject(new Error('the records could not be read')) },
    };
    file.plain.rest.catch(() => undefined);
    const written: Uint8Array[] = [];
    const saving = writeStreamedSealed(file, async (b) => { written.push(b); });
    await new Promise((r) => setTimeout(r, 20));
    expect(written).toEqual([]);
    headerNow(await ageHeader(key));
    await expect(saving).rejects.toThrow('the records could not be read');
    // A header of another length than announced is refused before anything is written.
    const odd = { ...file, header: Promise.resolve(new Uint8Array(5)), plain: { head: byteParts([]), rest: Promise.resolve(byteParts([])) } };
    const none: Uint8Array[] = [];
    await expect(writeStreamedSealed(odd, async (b) => { none.push(b); })).rejects.toThrow(/header came to 5 bytes/);
    expect(none).toEqual([]);
  });

  it('sealing at the save stops on an abort and on a failed read, with its reason', async () => {
    const broken = { size: 10, slice: () => broken, arrayBuffer: () => Promise.reject(new Error('the file is gone')) } as unknown as Blob;
    const file = await sealAtSave(byteParts([utf8('zip header'), broken]), PASSPHRASE, FAST);
    await expect(writeSealed(file, async () => undefined)).rejects.toThrow(/the file is gone/);
    const c = new AbortController();
    const big = await sealAtSave(byteParts([blobOf(bytes(4, 3 * BATCH_BYTES))]), PASSPHRASE, FAST);
    await expect(writeSealed(big, async (b) => { if (b.length > 1000) c.abort(); }, { signal: c.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a failed read of a part fails the encryption with its reason', async () => {
    const broken = { size: 10, slice: () => broken, arrayBuffer: () => Promise.reject(new Error('the file is gone')) } as unknown as Blob;
    await expect(encryptParts(byteParts([utf8('zip header'), broken]), PASSPHRASE, FAST)).rejects.toThrow(/the file is gone/);
  });

  it('writes the chunk layout of the spec: 64 KiB + 16-byte tag each, the last one marked', async () => {
    const size = 2 * K + 10;
    const cipher = await bytesOf(await encryptBlob(blobOf(bytes(3, size)), PASSPHRASE, FAST));
    const header = parseHeader(cipher);
    expect(header.stanzas.map((s) => [s.type, s.args[1]])).toEqual([['scrypt', '10']]);
    expect(cipher.length - header.payloadOffset).toBe(16 + 3 * 16 + size);
    expect([...streamNonce(2, true)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1]);
    expect([...streamNonce(256 + 1, false)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
  });

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    await encryptBlob(blobOf(bytes(1, 9 * 1024 * 1024)), PASSPHRASE, { ...FAST, onProgress: (d) => seen.push(d) });
    expect(seen.length).toBeGreaterThan(1);
    const c = new AbortController();
    const big = await encryptBlob(blobOf(bytes(2, 9 * 1024 * 1024)), PASSPHRASE, FAST);
    await expect(decryptBlob(big, PASSPHRASE, { signal: c.signal, onProgress: () => c.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('age files a passphrase cannot open are named before anyone is asked for one', () => {
  it('a file encrypted to an X25519 key', async () => {
    const key = join(dir, 'key.txt');
    execFileSync('/usr/bin/age-keygen', ['-o', key], { stdio: 'ignore' });
    const recipient = /public key: (age1\w+)/.exec(readFileSync(key, 'utf8'))![1]!;
    writeFileSync(join(dir, 'plain'), 'hello');
    execFileSync(AGE, ['-r', recipient, '-o', join(dir, 'tokey.age'), join(dir, 'plain')]);
    const error = await refusal(assertPassphraseFile(blobOf(new Uint8Array(readFileSync(join(dir, 'tokey.age'))))));
    expect(error.code).toBe('age-recipient-key');
    expect(error.message).toMatch(/encrypted to a key \(X25519\), not with a passphrase/);
    expect(error.detail).toEqual({ key: 'bundles.age.keyTypes', values: { types: 'X25519' } });
  });

  it('an armored (text) file', async () => {
    writeFileSync(join(dir, 'plain'), 'hello');
    runAge(['-p', '-a', '-o', join(dir, 'armored.age'), join(dir, 'plain')]);
    const error = await refusal(assertPassphraseFile(blobOf(new Uint8Array(readFileSync(join(dir, 'armored.age'))))));
    expect(error.code).toBe('age-armored');
    expect(error.message).toMatch(/armored \(text\) age file/);
  }, 60_000);

  it('a passphrase file passes', async () => {
    await expect(assertPassphraseFile(await encryptBlob(blobOf(utf8('x')), PASSPHRASE, FAST))).resolves.toBeUndefined();
  });
});

describe('damage is said precisely', () => {
  let cipher: Uint8Array;
  let payloadAt: number;
  const size = 3 * K + 500;
  beforeAll(async () => {
    cipher = await bytesOf(await encryptBlob(blobOf(bytes(9, size)), PASSPHRASE, FAST));
    payloadAt = parseHeader(cipher).payloadOffset + 16;
  });
  const decrypt = (b: Uint8Array, passphrase = PASSPHRASE) => refusal(decryptBlob(blobOf(b), passphrase));

  it('a wrong passphrase is not damage', async () => {
    expect((await decrypt(cipher, 'wrong')).code).toBe('wrong-passphrase');
  });

  it('an altered byte in the second chunk: which part, from which byte', async () => {
    const b = cipher.slice();
    b[payloadAt + K + 16 + 100]! ^= 1;
    const e = await decrypt(b);
    expect(e.code).toBe('decryption-failed');
    expect(e.detail).toEqual({ key: 'bundles.age.chunk', values: { chunk: 2, offset: payloadAt + K + 16 } });
    expect(e.message).toBe(`Part 2 of the encrypted bundle (64 KiB from byte ${payloadAt + K + 16}) does not decrypt: those bytes were altered.`);
  });

  it('the header\'s MAC', async () => {
    const b = cipher.slice();
    const at = Buffer.from(b).indexOf(Buffer.from('\n--- ')) + 8;
    b[at] = b[at] === 0x41 ? 0x42 : 0x41;
    expect((await decrypt(b)).detail).toEqual({ key: 'bundles.age.mac' });
  });

  it('a malformed header', async () => {
    const b = cipher.slice();
    b[3] = 0x20; // "age-encryption.org/v1" no more
    const e = await decrypt(b);
    expect(e.detail).toEqual({ key: 'bundles.age.header' });
    expect(e.message).toMatch(/header is damaged: the first line is not age's version line/);
  });

  it('cut short at a chunk boundary, inside a chunk, or inside the header', async () => {
    expect((await decrypt(cipher.slice(0, payloadAt + 2 * (K + 16)))).detail).toEqual({ key: 'bundles.age.truncated', values: { size: payloadAt + 2 * (K + 16) } });
    const mid = await decrypt(cipher.slice(0, cipher.length - 200));
    expect(mid.detail).toEqual({ key: 'bundles.age.end', values: { offset: payloadAt + 3 * (K + 16) } });
    expect((await decrypt(cipher.slice(0, 40))).detail).toEqual({ key: 'bundles.age.truncated', values: { size: 40 } });
  });

  it('bytes after the end', async () => {
    // A file ending on a full chunk, then more: the chunk sealed as the last is no longer last.
    const whole = await bytesOf(await encryptBlob(blobOf(bytes(4, 2 * K)), PASSPHRASE, FAST));
    const joined = new Uint8Array(whole.length + 5000);
    joined.set(whole);
    expect((await decrypt(joined)).detail).toEqual({ key: 'bundles.age.trailing', values: { offset: whole.length } });
    const few = new Uint8Array(cipher.length + 10);
    few.set(cipher);
    expect((await decrypt(few)).detail?.key).toMatch(/^bundles\.age\.(trailing|end)$/);
  });

  it('a work factor far above age\'s default is refused before scrypt runs', async () => {
    const sodium = await loadSodium();
    const stanza = { type: 'scrypt', args: [base64NoPad(bytes(1, 16)), '21'], body: sodium.randombytes_buf(32) };
    const head = headerBytes(headerMacInput([stanza]), new Uint8Array(32));
    const file = new Uint8Array(head.length + 40);
    file.set(head);
    const e = await decrypt(file);
    expect(e.code).toBe('unsupported-encryption');
    expect(e.message).toMatch(/scrypt 2\^21/);
    // Nor is it stretched ahead while its passphrase is typed (the import prompt's PreparedScrypt).
    expect(await passphraseScryptArgs(blobOf(file), PASSPHRASE)).toBeNull();
  });

  it('a passphrase is stretched ahead only for a sound passphrase file, with the arguments decryption gives scrypt', async () => {
    const good = await bytesOf(await encryptBlob(blobOf(bytes(1, 100)), PASSPHRASE, FAST));
    const seen: { salt: Uint8Array; logN: number }[] = [];
    const recording: ScryptFn = async (password, salt, logN) => { seen.push({ salt, logN }); return scryptInProcess(password, salt, logN); };
    await decryptBlob(blobOf(good), PASSPHRASE, { scrypt: recording });
    const args = await passphraseScryptArgs(blobOf(good), PASSPHRASE);
    expect(args && { salt: args.salt, logN: args.logN }).toEqual(seen[0]);
    expect(args?.password).toEqual(utf8(PASSPHRASE));
    // Not an age file, a damaged header, an empty file: nothing to stretch, and no error either.
    const damagedHeader = good.slice();
    damagedHeader[30] = 0x00;
    for (const other of [bytes(1, 500), damagedHeader, new Uint8Array(0)]) expect(await passphraseScryptArgs(blobOf(other), PASSPHRASE)).toBeNull();
  });
});

describe('the header codec', () => {
  it('base64 without padding is canonical', () => {
    for (let n = 0; n < 40; n++) {
      const b = bytes(n + 1, n);
      expect(fromBase64NoPad(base64NoPad(b))).toEqual(b);
    }
    expect(fromBase64NoPad('QQ==')).toBeNull();
    expect(fromBase64NoPad('QR')).toBeNull(); // trailing bits set: not canonical
    expect(fromBase64NoPad('Q')).toBeNull();
  });

  it('stanza bodies wrap at 64 columns, with an empty last line when the body fills one', () => {
    const body48 = bytes(1, 48); // exactly 64 base64 characters
    const text = new TextDecoder().decode(headerMacInput([{ type: 'x', args: ['a'], body: body48 }]));
    expect(text).toBe(`age-encryption.org/v1\n-> x a\n${base64NoPad(body48)}\n\n---`);
    const parsed = parseHeader(headerBytes(headerMacInput([{ type: 'x', args: ['a'], body: body48 }]), new Uint8Array(32)));
    expect(parsed.stanzas[0]!.body).toEqual(body48);
  });
});
