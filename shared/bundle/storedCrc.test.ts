import { describe, expect, it } from 'vitest';
import { blankDocument } from '../model';
import { readBundleBlob, writeBundleBlob } from './bundle';
import { crc32, sha256Hex, utf8 } from './bytes';
import type { CaseSnapshot } from './manifest';

/**
 * A file that comes with its CRC-32 (the library keeps it since the file was added or
 * imported) is laid into the zip by reference and never read by the writer; the reader still
 * checks its CRC-32 and SHA-256, and hands the CRC on so the next export need not read it either.
 */

const CREATED = Date.UTC(2026, 11, 6);
const CASE_ID = '00000000-0000-4000-8000-000000000001';

function snapshot(pdf: Uint8Array, blob: Blob, crc?: number): CaseSnapshot {
  const sha256 = sha256Hex(pdf);
  const doc = { ...blankDocument({ sha256, fileName: 'a.pdf', byteLength: pdf.length }, { state: 'extracted', pageCount: 1, message: '', extractedAt: CREATED, characters: 1 }, CREATED), id: '00000000-0000-4000-8000-0000000000d1', caseIds: [CASE_ID] };
  return {
    caseId: CASE_ID, cases: [{ id: CASE_ID, name: 'C', description: '', createdAt: CREATED, updatedAt: CREATED }],
    actors: [], events: [], documents: [doc], pages: [],
    files: [{ sha256, byteLength: pdf.length, blob, ...(crc !== undefined ? { crc32: crc } : {}) }],
  };
}

/** A Blob that refuses to be read, but can be sliced and assembled like any other. */
function unreadable(bytes: Uint8Array): Blob {
  const b = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  return Object.assign(b, { arrayBuffer: () => Promise.reject(new Error('read')), stream: () => { throw new Error('read'); } });
}

describe('files with a known CRC-32', () => {
  const pdf = utf8(`%PDF-1.7\n${'x'.repeat(70_000)}`);

  it('are written without being read, and read back intact with their CRC', async () => {
    const zip = await writeBundleBlob(snapshot(pdf, unreadable(pdf), crc32(pdf)), { appVersion: 't', createdAt: CREATED });
    const r = await readBundleBlob(zip);
    if (!r.ok) throw new Error(r.error.message);
    expect(new Uint8Array(await r.snapshot.files[0]!.blob.arrayBuffer())).toEqual(pdf);
    expect(r.snapshot.files[0]!.crc32).toBe(crc32(pdf));
  });

  it('give the same bytes as files whose CRC-32 the writer computes', async () => {
    const known = await writeBundleBlob(snapshot(pdf, new Blob([pdf as Uint8Array<ArrayBuffer>]), crc32(pdf)), { appVersion: 't', createdAt: CREATED });
    const computed = await writeBundleBlob(snapshot(pdf, new Blob([pdf as Uint8Array<ArrayBuffer>])), { appVersion: 't', createdAt: CREATED });
    expect(new Uint8Array(await known.arrayBuffer())).toEqual(new Uint8Array(await computed.arrayBuffer()));
  });

  it('a wrong kept CRC-32 is caught by the reader', async () => {
    const zip = await writeBundleBlob(snapshot(pdf, new Blob([pdf as Uint8Array<ArrayBuffer>]), crc32(pdf) ^ 1), { appVersion: 't', createdAt: CREATED });
    const r = await readBundleBlob(zip);
    expect(r.ok ? 'ok' : r.error.code).toBe('crc-mismatch');
  });
});
