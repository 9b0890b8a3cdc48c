import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { constants as zlibConstants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseDigest } from '../../renderer/bundle/digest';
import type { CasefileDb } from '../../renderer/db/db';
import { MANIFEST_PATH, digestBlob, writeBundleBlob } from '../../shared/bundle';
import { crc32 } from '../../shared/bundle/bytes';
import type { CraftEntry } from '../../shared/bundle/testing/craftZip';
import { craftZip } from '../../shared/bundle/testing/craftZip';
import { SAMPLE_INFO, sampleSnapshot } from '../../shared/bundle/testing/sampleSnapshot';
import { readZip } from '../../shared/bundle/zipRead';
import { freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * Issue #13: a hostile bundle costs seconds, not minutes. Each bundle below is under 50 MB and
 * built to cost as much as it can (huge page texts, a bomb, a lying entry, 20,000 entries, a
 * record list of junk…). Each must be refused within 3 s and 300 MB of extra memory — scaled by
 * the machine's load, which is printed with the figures — and leave the library as it was.
 * Memory is the process's peak resident size (VmHWM, reset before each case through
 * /proc/self/clear_refs) over its size before the case.
 */
const MiB = 1024 * 1024;
const TEXT_BYTES = 63 * MiB;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);
const docId = (i: number) => `00000000-0000-4000-8000-${(0xd00000000000 + i).toString(16)}`;

/** ASCII text that deflates ~30×: a 16 KiB block of letters repeated, one letter in 700 changed. */
function bulkyText(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12345;
  const next = () => 97 + ((x = (x * 1103515245 + 12345) >>> 0) % 26);
  const block = new Uint8Array(16384).map(next);
  for (let i = 0; i < length; i += block.length) out.set(block.subarray(0, Math.min(block.length, length - i)), i);
  for (let i = 0; i < length; i += 700) out[i] = next();
  return out;
}

/** An entry whose compressed body is given; its declared size, CRC and SHA-256 are those of `plain` unless overridden. */
interface Piece { name: string; plain: { size: number; crc: number; sha256: string }; body?: Uint8Array; data?: Uint8Array; method: 0 | 8; declared?: number }

const pieceOf = (name: string, data: Uint8Array, method: 0 | 8 = 8): Piece => ({ name, plain: { size: data.length, crc: crc32(data), sha256: sha(data) }, data, method });

/** A zip of the pieces with a manifest listing every one of them honestly (unless `edit` says otherwise). */
function bundleOf(pieces: Piece[], edit: (manifest: Record<string, unknown>) => void = () => undefined, base?: Record<string, unknown>): Uint8Array {
  const manifest: Record<string, unknown> = { ...base, entries: pieces.map((p) => ({ path: p.name, sha256: p.plain.sha256, size: p.plain.size })) };
  edit(manifest);
  const entries: CraftEntry[] = [{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest)), method: 8 }];
  for (const p of pieces) {
    entries.push({ name: p.name, data: p.data ?? new Uint8Array(0), body: p.body, method: p.method, size: p.declared ?? p.plain.size, crc: p.plain.crc });
  }
  return craftZip(entries);
}

const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const gc = (globalThis as { gc?: () => void }).gc;

describe('a hostile bundle costs seconds, not minutes', () => {
  let db: CasefileDb;
  let digest: string;
  /** The sample bundle's pieces, parsed, for building hostile variants of a genuine bundle. */
  let base: { manifest: Record<string, unknown>; records: Map<string, unknown>; files: Piece[] };
  let bigPage: { json: (id: string) => { body: Uint8Array; plain: Piece['plain'] } };
  const figures: string[] = [];
  /** Reference, same run: ms to read and SHA-256 a 50 MiB Blob once (one look at every byte of the largest bundle the target covers). */
  let onePass = 0;
  const loadFactor = () => Math.max(1, loadavg()[0]! / cpus().length);

  beforeAll(async () => {
    ({ db } = await seededProfile());
    const fifty = new Blob([bulkyText(50 * MiB) as Uint8Array<ArrayBuffer>]);
    const t0 = performance.now();
    await digestBlob(fifty);
    onePass = performance.now() - t0;
    digest = await databaseDigest(db);
    const good = new Uint8Array(await (await writeBundleBlob(sampleSnapshot(), SAMPLE_INFO)).arrayBuffer());
    const zip = await readZip(good);
    if (!zip.ok) throw new Error(zip.error.message);
    const records = new Map<string, unknown>();
    const files: Piece[] = [];
    let manifest: Record<string, unknown> = {};
    for (const e of zip.entries) {
      if (e.name === MANIFEST_PATH) manifest = JSON.parse(new TextDecoder().decode(e.data)) as Record<string, unknown>;
      else if (e.name.startsWith('files/')) files.push(pieceOf(e.name, e.data, 0));
      else records.set(e.name, JSON.parse(new TextDecoder().decode(e.data)));
    }
    base = { manifest, records, files };
    // One page of 63 MiB of text (the schema holds 2,000,000 characters a page), deflated once:
    // the text comes first and ends on a sync flush, so each document's page list is that
    // prefix plus its own short deflated tail (`"documentId":"…"}`), a valid deflate stream.
    const prefix = utf8('{"pages":[{"text":"');
    const text = bulkyText(TEXT_BYTES);
    const middle = utf8('","state":"text"}],"documentId":"');
    const head = new Uint8Array(prefix.length + text.length + middle.length);
    head.set(prefix, 0);
    head.set(text, prefix.length);
    head.set(middle, prefix.length + text.length);
    const headBody = deflateRawSync(head, { level: 6, finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const headCrc = zlibCrc32(head);
    const headHash = createHash('sha256').update(head);
    bigPage = {
      json: (id) => {
        const tail = utf8(`${id}"}`);
        const tailBody = deflateRawSync(tail);
        const body = new Uint8Array(headBody.length + tailBody.length);
        body.set(headBody, 0);
        body.set(tailBody, headBody.length);
        return { body, plain: { size: head.length + tail.length, crc: zlibCrc32(tail, headCrc), sha256: headHash.copy().update(tail).digest('hex') } };
      },
    };
  }, 120_000);

  /** The sample bundle with `documents` more documents (copies of the first, same file) and their page lists. */
  function genuineWith(extraDocs: number, pageList: (id: string) => Piece, edit?: (m: Record<string, unknown>) => void): Uint8Array {
    const docs = structuredClone(base.records.get('records/documents.json')) as { id: string; extraction: { pageCount: number } }[];
    const extra = Array.from({ length: extraDocs }, (_, i) => ({ ...structuredClone(docs[0]!), id: docId(i), extraction: { ...docs[0]!.extraction, pageCount: 1 } }));
    const records = new Map(base.records);
    records.set('records/documents.json', [...docs, ...extra]);
    const pieces = [...records].map(([name, value]) => pieceOf(name, utf8(JSON.stringify(value))));
    pieces.push(...extra.map((d) => pageList(d.id)), ...base.files);
    const counts = { ...(base.manifest.counts as object), documents: docs.length + extraDocs, pages: (base.manifest.counts as { pages: number }).pages + extraDocs };
    return bundleOf(pieces, edit, { ...base.manifest, counts });
  }

  const bigPageList = (id: string): Piece => ({ name: `records/pages/${id}.json`, method: 8, ...bigPage.json(id) });

  const cases: [string, () => Uint8Array, string][] = [
    ['22 page texts of 63 MiB each (the issue\'s 83 s case)', () => genuineWith(22, bigPageList), 'total-too-large'],
    ['3 page texts of 63 MiB, each one page longer than the schema holds', () => genuineWith(3, bigPageList), 'invalid-records'],
    ['the same, with one size in the manifest not the directory\'s', () => genuineWith(3, bigPageList, (m) => {
      (m.entries as { size: number }[]).at(-3)!.size += 1;
    }), 'manifest-size-mismatch'],
    ['the same, with a page list the manifest does not name', () => genuineWith(3, bigPageList, (m) => { (m.entries as unknown[]).splice(-3, 1); }), 'entry-unlisted'],
    ['a page list that declares 1 MiB and inflates to 63 MiB', () => genuineWith(1, (id) => {
      const honest = bigPageList(id);
      return { ...honest, plain: { ...honest.plain, size: MiB } };
    }), 'size-mismatch'],
    ['a zip bomb: 120 MiB of page text in 120 KiB', () => genuineWith(1, (id) => {
      const bytes = new Uint8Array(120 * MiB).fill(32);
      return { name: `records/pages/${id}.json`, method: 8, body: deflateRawSync(bytes, { level: 9 }), plain: { size: bytes.length, crc: 0, sha256: '0'.repeat(64) } };
    }), 'ratio-too-high'],
    ['20,000 page lists for documents it does not hold', () => {
      const pieces = [...base.records].map(([name, value]) => pieceOf(name, utf8(JSON.stringify(value))));
      for (let i = 0; i < 20_000 - pieces.length - 1; i++) pieces.push(pieceOf(`records/pages/${docId(i)}.json`, utf8(`{"documentId":"${docId(i)}","pages":[]}`), 0));
      const pages = pieces.filter((p) => p.name.startsWith('records/pages/')).length;
      return bundleOf(pieces, (m) => { m.counts = { ...(m.counts as object), pages, files: 0 }; }, base.manifest);
    }, 'broken-reference'],
    ['20,001 entries', () => craftZip(Array.from({ length: 20_001 }, (_, i) => ({ name: i === 0 ? MANIFEST_PATH : `records/pages/${docId(i)}.json`, data: utf8('{}') }))), 'too-many-entries'],
    ['a record list of 128 MiB of junk (the most one may hold)', () => {
      const junk = bulkyText(128 * MiB);
      junk[0] = 0x5b; // "[": it looks like a list until it is parsed
      const records = new Map(base.records);
      records.delete('records/actors.json');
      const pieces = [...records].map(([name, value]) => pieceOf(name, utf8(JSON.stringify(value))));
      pieces.unshift({ name: 'records/actors.json', method: 8, body: deflateRawSync(junk, { level: 1 }), plain: { size: junk.length, crc: crc32(junk), sha256: sha(junk) } });
      return bundleOf([...pieces, ...base.files], undefined, base.manifest);
    }, 'invalid-json'],
  ];

  for (const [label, make, code] of cases) {
    it(`refuses ${label}`, async () => {
      const bytes = make();
      expect(bytes.length).toBeLessThan(50 * 1024 * 1024);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const client = inProcessClient(db);
      gc?.();
      const before = rss();
      writeFileSync('/proc/self/clear_refs', '5');
      const started = performance.now();
      const r = await client.inspectBundle(blob);
      const ms = performance.now() - started;
      const extraMb = hwm() - before;
      const factor = loadFactor();
      figures.push(`${label}: ${(bytes.length / MiB).toFixed(1)} MB → ${r.ok ? 'accepted' : r.error.code} in ${Math.round(ms)} ms (${(ms / onePass).toFixed(2)}× one pass over 50 MiB, ${Math.round(onePass)} ms), +${Math.round(extraMb)} MB peak; load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (×${factor.toFixed(1)})`);
      console.log(figures.at(-1));
      expect(r.ok ? 'accepted' : r.error.code).toBe(code);
      expect(ms).toBeLessThan(3000 * factor);
      expect(extraMb).toBeLessThan(300);
      expect(await databaseDigest(db)).toBe(digest);
    }, 120_000);
  }

  it('still accepts the genuine bundle these are built from', async () => {
    const target = await freshDb();
    const r = await inProcessClient(target).inspectBundle(new Blob([genuineWith(0, bigPageList) as Uint8Array<ArrayBuffer>]));
    expect(r.ok ? 'accepted' : `${r.error.code} ${r.error.message}`).toBe('accepted');
  });
});
