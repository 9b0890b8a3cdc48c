import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent, SourceDocument } from '../model';
import { blankDocument } from '../model';
import { encryptBlob } from './age';
import type { BundleProgressEvent } from './bundle';
import { readBundleBlob, writeBundleBlob } from './bundle';
import { crc32, crc32Update, Sha256, sha256Hex, utf8 } from './bytes';
import type { BundleErrorCode, CaseSnapshot } from './manifest';
import { blobSource, digestBlob, HASH_CHUNK_BYTES, inOrder, plannedSource, WHOLE_FILE_DIGEST_BYTES } from './stream';

/**
 * The streaming side of bundles: Blob in, Blob out, checked chunk by chunk; aborting;
 * age passphrase encryption, and interoperability with the real `age` command-line tool.
 */

const CREATED = Date.UTC(2026, 10, 27, 12, 0, 0);
const INFO = { appVersion: '0.1.0', createdAt: CREATED };
/** Low scrypt work factor for speed; real bundles use age's default of 18. */
const FAST = { scryptWorkFactor: 10 };
const PASSPHRASE = 'violet tractor 42 mango';

const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

function pdfBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out.set(utf8('%PDF-1.7\n'));
  return out;
}

function snapshotWith(pdfs: Uint8Array[]): CaseSnapshot {
  const data = sample as unknown as { case: Case; actors: Actor[]; events: CaseEvent[] };
  const documents: SourceDocument[] = pdfs.map((bytes, i) => ({
    ...blankDocument({ sha256: sha256Hex(bytes), fileName: `source-${i + 1}.pdf`, byteLength: bytes.length },
      { state: 'extracted', pageCount: 1, message: '', extractedAt: CREATED, characters: 10 }, CREATED),
    id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    caseIds: [data.case.id],
  }));
  return {
    caseId: data.case.id, cases: [data.case], actors: structuredClone(data.actors), events: structuredClone(data.events),
    documents, pages: documents.map((d) => ({ documentId: d.id, pages: [{ text: `text of ${d.fileName}`, state: 'text' as const }] })),
    files: pdfs.map((bytes) => ({ sha256: sha256Hex(bytes), byteLength: bytes.length, blob: blobOf(bytes) })),
  };
}

async function codeOf(blob: Blob, passphrase?: string): Promise<BundleErrorCode | 'ok'> {
  const r = await readBundleBlob(blob, { passphrase });
  return r.ok ? 'ok' : r.error.code;
}

describe('checksums', () => {
  it('hashes incrementally exactly as in one piece, at any chunk boundary', () => {
    const data = pdfBytes(7, 10_000);
    for (const cut of [0, 1, 55, 63, 64, 65, 127, 4096, 9_999]) {
      expect(new Sha256().update(data.subarray(0, cut)).update(data.subarray(cut)).hex()).toBe(sha256Hex(data));
      expect(crc32Update(crc32Update(0, data.subarray(0, cut)), data.subarray(cut))).toBe(crc32(data));
    }
  });

  it('digests a Blob larger than one read in chunks, same as in memory', async () => {
    const data = pdfBytes(3, WHOLE_FILE_DIGEST_BYTES + HASH_CHUNK_BYTES + 12_345);
    const d = await digestBlob(blobOf(data));
    expect(d).toEqual({ sha256: sha256Hex(data), crc: crc32(data), size: data.length });
    const small = await digestBlob(blobOf(data.subarray(0, 1000)));
    expect(small).toEqual({ sha256: sha256Hex(data.subarray(0, 1000)), crc: crc32(data.subarray(0, 1000)), size: 1000 });
  }, 60_000);
});

describe('work in flight, results in order', () => {
  /** Runs inOrder over sizes whose work resolves when told; records the most in flight, in items and in bytes. */
  async function run(sizes: number[], limit: Parameters<typeof inOrder<number, number>>[1]) {
    let items = 0, bytes = 0, maxItems = 0, maxBytes = 0;
    const used: number[] = [];
    await inOrder(sizes, limit, async (size) => {
      items++; bytes += size;
      maxItems = Math.max(maxItems, items); maxBytes = Math.max(maxBytes, bytes);
      await new Promise((r) => setTimeout(r, size % 3));
      items--; bytes -= size;
      return size * 2;
    }, (size, result) => used.push(result - size));
    return { used, maxItems, maxBytes };
  }

  it('keeps to the count and the byte budget, but always runs one item however large', async () => {
    const sizes = [5, 1, 1, 1, 90, 1, 1, 30, 30, 30, 1, 2, 3];
    const r = await run(sizes, { count: 4, bytes: 60, sizeOf: (n) => n });
    expect(r.used).toEqual(sizes);
    expect(r.maxItems).toBeLessThanOrEqual(4);
    expect(r.maxBytes).toBe(90);
    const small = await run(sizes.filter((n) => n <= 60), { count: 4, bytes: 60, sizeOf: (n) => n });
    expect(small.maxBytes).toBeLessThanOrEqual(60);
    expect((await run(sizes, 2)).maxItems).toBe(2);
  });

  it('stops at the first failure and lets nothing run on', async () => {
    let started = 0;
    const failing = inOrder([1, 2, 3, 4, 5, 6], { count: 2, bytes: 10, sizeOf: () => 1 }, async (n) => {
      started++;
      if (n === 2) throw new Error('bad item');
      return n;
    }, () => undefined);
    await expect(failing).rejects.toThrow('bad item');
    expect(started).toBeLessThanOrEqual(3);
  });
});

describe('read-ahead source', () => {
  it('answers every read exactly as the source does, in a few reads, planned or not', async () => {
    const data = pdfBytes(11, 300_000);
    let reads = 0;
    const base = blobSource(blobOf(data));
    const counted = { ...base, read: (a: number, b: number) => { reads++; return base.read(a, b); } };
    const planned: [number, number][] = Array.from({ length: 200 }, (_, i) => [i * 1400, i * 1400 + 100]);
    const ahead = plannedSource(counted, [...planned, [250_000, 299_999], [5, 4], [-1, 10]], 64 * 1024, 2048);
    for (const [a, b] of [...planned, [250_010, 260_000], [100, 120_000], [299_990, 300_000]] as [number, number][]) {
      expect(await ahead.read(a, b)).toEqual(data.subarray(a, b));
    }
    expect(reads).toBeLessThanOrEqual(10);
    ahead.release(200_000);
    expect(await ahead.read(0, 50)).toEqual(data.subarray(0, 50)); // fetched again after release
  });
});

describe('streaming bundles', () => {
  const pdfs = [pdfBytes(1, 300_000), pdfBytes(2, 5_000), pdfBytes(3, 70_000)];
  let plain: Blob;
  beforeAll(async () => {
    plain = await writeBundleBlob(snapshotWith(pdfs), INFO);
  });

  it('returns every PDF as a Blob of exactly its bytes, with progress in bytes up to the total', async () => {
    const events: BundleProgressEvent<string>[] = [];
    const r = await readBundleBlob(plain, { onProgress: (p) => events.push(p) });
    if (!r.ok) throw new Error(r.error.message);
    for (const pdf of pdfs) {
      const file = r.snapshot.files.find((f) => f.sha256 === sha256Hex(pdf))!;
      expect(file.byteLength).toBe(pdf.length);
      expect(await bytesOf(file.blob)).toEqual(pdf);
    }
    const verifying = events.filter((e) => e.phase === 'verifying');
    expect(verifying.at(-1)!.done).toBe(verifying.at(-1)!.total);
    expect(verifying.map((e) => e.done)).toEqual([...verifying.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.some((e) => e.phase === 'reading')).toBe(true);
  });

  it('refuses a PDF altered inside the zip (its CRC-32 no longer matches)', async () => {
    const bytes = await bytesOf(plain);
    const at = Buffer.from(bytes).indexOf(Buffer.from(pdfs[0]!.subarray(0, 64)));
    bytes[at + 1000]! ^= 0xff;
    expect(await codeOf(blobOf(bytes))).toBe('crc-mismatch');
  });

  it('refuses to write a file whose bytes no longer match its SHA-256 or size', async () => {
    const s = snapshotWith(pdfs);
    s.files[1] = { ...s.files[1]!, blob: blobOf(pdfBytes(9, 5_000)) };
    await expect(writeBundleBlob(s, INFO)).rejects.toThrow(/no longer matches its SHA-256/);
    const t = snapshotWith(pdfs);
    t.files[0] = { ...t.files[0]!, byteLength: 1 };
    await expect(writeBundleBlob(t, INFO)).rejects.toThrow(/not the 1 recorded/);
  });

  it('aborts reading and writing with an AbortError, before or during the work', async () => {
    const done = new AbortController();
    done.abort();
    await expect(readBundleBlob(plain, { signal: done.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(writeBundleBlob(snapshotWith(pdfs), INFO, { signal: done.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const midRead = new AbortController();
    await expect(readBundleBlob(plain, {
      signal: midRead.signal,
      onProgress: (p) => { if (p.phase === 'verifying' && p.done > 0) midRead.abort(); },
    })).rejects.toMatchObject({ name: 'AbortError' });
    const midWrite = new AbortController();
    await expect(writeBundleBlob(snapshotWith(pdfs), INFO, {
      signal: midWrite.signal,
      onProgress: (p) => { if (p.done > 0) midWrite.abort(); },
    })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('age passphrase encryption', () => {
  const pdfs = [pdfBytes(4, 200_000), pdfBytes(5, 9_000)];
  let plainBytes: Uint8Array;
  let encrypted: Blob;
  beforeAll(async () => {
    plainBytes = await bytesOf(await writeBundleBlob(snapshotWith(pdfs), INFO));
    encrypted = await writeBundleBlob(snapshotWith(pdfs), INFO, { passphrase: PASSPHRASE, ...FAST });
  });

  it('writes an age file whose plaintext is the same zip', async () => {
    const head = new TextDecoder().decode((await bytesOf(encrypted)).subarray(0, 80));
    expect(head).toMatch(/^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 10\n/);
    const r = await readBundleBlob(encrypted, { passphrase: PASSPHRASE });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.encrypted).toBe(true);
    for (const pdf of pdfs) expect(await bytesOf(r.snapshot.files.find((f) => f.sha256 === sha256Hex(pdf))!.blob)).toEqual(pdf);
    expect(new TextDecoder().decode(plainBytes)).not.toContain(PASSPHRASE);
  });

  it('uses age\'s default work factor unless told otherwise', async () => {
    const head = new TextDecoder().decode((await bytesOf(await encryptBlob(blobOf(utf8('x')), 'p'))).subarray(0, 60));
    expect(head).toMatch(/-> scrypt \S+ 18\n/);
  }, 60_000); // scrypt at 2^18 takes seconds in JS, more on a busy machine

  it('asks for a passphrase, and tells a wrong one apart from damage', async () => {
    const none = await readBundleBlob(encrypted);
    expect(none.ok ? 'ok' : none.error).toEqual({ code: 'passphrase-required', message: 'This bundle is encrypted. Enter its passphrase to open it.' });
    const wrong = await readBundleBlob(encrypted, { passphrase: 'violet tractor 42 mang0' });
    expect(wrong.ok ? 'ok' : wrong.error).toEqual({ code: 'wrong-passphrase', message: 'The passphrase does not open this bundle.' });
  });

  it('refuses damaged or cut-short ciphertext with its own message', async () => {
    const bytes = await bytesOf(encrypted);
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
    const r = await readBundleBlob(blobOf(flipped), { passphrase: PASSPHRASE });
    expect(r.ok ? 'ok' : r.error.code).toBe('decryption-failed');
    expect(r.ok ? '' : r.error.message).toMatch(/^Part \d+ of the encrypted bundle \(64 KiB from byte \d+\) does not decrypt/);
    expect(await codeOf(blobOf(bytes.slice(0, bytes.length - 70_000)), PASSPHRASE)).toBe('decryption-failed');
    expect(await codeOf(blobOf(bytes.slice(0, 200)), PASSPHRASE)).toBe('decryption-failed');
    const header = bytes.slice();
    const mac = Buffer.from(bytes).indexOf(Buffer.from('\n--- ')) + 8;
    header[mac] = header[mac] === 0x41 ? 0x42 : 0x41; // the header's MAC no longer matches it
    expect(await codeOf(blobOf(header), PASSPHRASE)).toBe('decryption-failed');
  });

  it('refuses an age file encrypted to a key instead of a passphrase, before asking for one', async () => {
    const { Encrypter, generateIdentity, identityToRecipient } = await import('age-encryption');
    const e = new Encrypter();
    e.addRecipient(await identityToRecipient(await generateIdentity()));
    const file = blobOf(await e.encrypt(plainBytes));
    for (const r of [await readBundleBlob(file), await readBundleBlob(file, { passphrase: PASSPHRASE })]) {
      expect(r.ok ? 'ok' : r.error.code).toBe('age-recipient-key');
    }
  });

  it('does not decrypt an age file too large to hold a bundle', async () => {
    const head = (await bytesOf(encrypted)).subarray(0, 4096);
    const huge = { size: 2 ** 32 + 2 ** 25, type: '', slice: (a = 0, b = head.length) => blobOf(head.slice(a, Math.min(b, head.length))) } as unknown as Blob;
    const r = await readBundleBlob(huge, { passphrase: PASSPHRASE });
    expect(r.ok ? 'ok' : r.error.code).toBe('total-too-large');
  });

  it('aborts decryption with an AbortError', async () => {
    const c = new AbortController();
    await expect(readBundleBlob(encrypted, { passphrase: PASSPHRASE, signal: c.signal, onProgress: (p) => { if (p.phase === 'decrypting') c.abort(); } }))
      .rejects.toMatchObject({ name: 'AbortError' });
  });
});

/**
 * The `age` tool (Debian package `age`) reads passphrases only from a terminal, so it is driven
 * through a pseudo-terminal (python3's pty module). The passphrase is typed after each prompt.
 */
const AGE = '/usr/bin/age';
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
# Only age's own error lines: the terminal echo could contain the passphrase.
sys.stderr.write('\n'.join(l for l in out.decode(errors='replace').splitlines() if l.startswith('age:')))
sys.exit(os.waitstatus_to_exitcode(status))
`;

describe('interoperability with the age command-line tool', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casefile-age-'));
    writeFileSync(join(dir, 'drive.py'), DRIVE_PY);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runAge = (args: string[]) => {
    const r = spawnSync('python3', [join(dir, 'drive.py'), AGE, ...args], { env: { ...process.env, AGE_TEST_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`age ${args[0]} failed (${r.status}): ${r.stderr}`);
  };

  it('`age -d` decrypts our encrypted bundle to the plain zip', async () => {
    const s = snapshotWith([pdfBytes(6, 150_000)]);
    const encrypted = await writeBundleBlob(s, INFO, { passphrase: PASSPHRASE, ...FAST });
    writeFileSync(join(dir, 'ours.casefile.age'), await bytesOf(encrypted));
    runAge(['-d', '-o', join(dir, 'ours.casefile'), join(dir, 'ours.casefile.age')]);
    const zip = readFileSync(join(dir, 'ours.casefile'));
    expect(new Uint8Array(zip)).toEqual(await bytesOf(await writeBundleBlob(snapshotWith([pdfBytes(6, 150_000)]), INFO)));
  }, 120_000);

  it('a bundle encrypted by `age -p` opens in our reader', async () => {
    const plain = await bytesOf(await writeBundleBlob(snapshotWith([pdfBytes(8, 120_000)]), INFO));
    writeFileSync(join(dir, 'theirs.casefile'), plain);
    runAge(['-p', '-o', join(dir, 'theirs.casefile.age'), join(dir, 'theirs.casefile')]);
    const cipher = new Uint8Array(readFileSync(join(dir, 'theirs.casefile.age')));
    expect(new TextDecoder().decode(cipher.subarray(0, 22))).toBe('age-encryption.org/v1\n');
    const r = await readBundleBlob(blobOf(cipher), { passphrase: PASSPHRASE });
    if (!r.ok) throw new Error(r.error.message);
    expect(await bytesOf(r.snapshot.files[0]!.blob)).toEqual(pdfBytes(8, 120_000));
  }, 120_000);

  it('is installed where CI expects it', () => {
    expect(execFileSync(AGE, ['--version'], { encoding: 'utf8' })).toMatch(/^v?1\./);
  });
});
