import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleProgressEvent, DigestFile } from './bundle';
import { readBundleBlob, writeBundleBlob } from './bundle';
import { FILE_PATH } from './manifest';
import { digestBlob } from './stream';
import { SAMPLE_CREATED, SAMPLE_INFO, sampleSnapshot } from './testing/sampleSnapshot';
import { invalidRecordAndChangedPdf, tamper } from './testing/tamper';

/**
 * `digestFile`: the PDFs hashed on another thread (the app's hashing worker) while the records
 * are read. Same bundle, same verdicts, same order of refusals as hashing them last on one thread.
 */
const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());
const asBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** digestBlob, a few milliseconds later (another thread's answer), counting its calls. */
function elsewhere(): { digestFile: DigestFile; calls: number } {
  const spy = {
    calls: 0,
    digestFile: (async (blob, opts) => {
      spy.calls++;
      await new Promise((r) => setTimeout(r, 3));
      return digestBlob(blob, opts);
    }) as DigestFile,
  };
  return spy;
}

describe('readBundleBlob with the PDFs hashed elsewhere', () => {
  let good: Uint8Array;
  let files: number;
  beforeAll(async () => {
    const snapshot = sampleSnapshot();
    files = snapshot.files.length;
    good = await bytesOf(await writeBundleBlob(snapshot, SAMPLE_INFO));
  });

  it('reads the same bundle, every PDF hashed there once, and reports the PDFs only after the records', async () => {
    const spy = elsewhere();
    const events: BundleProgressEvent<'decrypting' | 'reading' | 'verifying'>[] = [];
    const there = await readBundleBlob(asBlob(good), { digestFile: spy.digestFile, onProgress: (p) => events.push(p) });
    const here = await readBundleBlob(asBlob(good));
    expect(there.ok && here.ok).toBe(true);
    if (!there.ok || !here.ok) return;
    expect(spy.calls).toBe(files);
    expect(there.snapshot.files.map((f) => [f.sha256, f.byteLength, f.crc32])).toEqual(here.snapshot.files.map((f) => [f.sha256, f.byteLength, f.crc32]));
    expect({ ...there.snapshot, files: [] }).toEqual({ ...here.snapshot, files: [] });
    // The progress line never goes back from the PDFs to the records.
    const lastReading = events.map((e) => e.phase).lastIndexOf('reading');
    const jsonBytes = here.manifest.entries.filter((e) => !FILE_PATH.test(e.path)).reduce((s, e) => s + e.size, 0);
    const verifiedBefore = Math.max(0, ...events.slice(0, lastReading).filter((e) => e.phase === 'verifying').map((e) => e.done));
    expect(verifiedBefore).toBeLessThanOrEqual(jsonBytes);
    expect(events.at(-1)).toMatchObject({ phase: 'verifying', done: events.at(-1)!.total });
  });

  it('names the records\' problem, not a PDF\'s, when both are wrong (the PDFs are stopped)', async () => {
    const bundle = await tamper(good, invalidRecordAndChangedPdf, { rehash: false, createdAt: SAMPLE_CREATED, method: 'store' });
    const r = await readBundleBlob(asBlob(bundle), elsewhere());
    expect(!r.ok && r.error.code).toBe('invalid-records');
  });

  it('refuses a changed PDF (stored, hashed there) with hash-mismatch, and one it cannot hash with the error', async () => {
    const bundle = await tamper(good, (e) => {
      const name = [...e.keys()].find((n) => n.startsWith('files/'))!;
      const pdf = e.get(name)!.slice();
      pdf[0]! ^= 1;
      e.set(name, pdf);
    }, { rehash: false, createdAt: SAMPLE_CREATED, method: 'store' });
    const r = await readBundleBlob(asBlob(bundle), elsewhere());
    expect(!r.ok && r.error.code).toBe('hash-mismatch');
    const failing: DigestFile = async () => { throw new Error('The file-checking worker stopped.'); };
    await expect(readBundleBlob(asBlob(good), { digestFile: failing })).rejects.toThrow(/file-checking worker stopped/);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const spy = elsewhere();
    const reading = readBundleBlob(asBlob(good), { digestFile: spy.digestFile, signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
