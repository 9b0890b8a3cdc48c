import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, sha256Hex, utf8 } from './bytes';
import { craftZip } from './testing/craftZip';
import { blobSource } from './stream';
import { readZip, readZipSource } from './zipRead';
import { writeZip } from './zipWrite';

const text = (s: string): Uint8Array => utf8(s);

/** Reads from memory and from a Blob (the streaming path): both must refuse alike. */
async function codeOf(bytes: Uint8Array): Promise<string> {
  const result = await readZip(bytes);
  const viaBlob = await readZipSource(blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>])));
  expect(viaBlob.ok ? 'ok' : viaBlob.error).toEqual(result.ok ? 'ok' : result.error);
  if (result.ok) return 'ok';
  expect(result.error.message.length).toBeGreaterThan(20);
  return result.error.code;
}

describe('bytes', () => {
  it('computes known SHA-256 and CRC-32 values', async () => {
    expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(text('a'.repeat(55)))).toBe('9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318');
    expect(sha256Hex(text('a'.repeat(56)))).toBe('b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a');
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });
});

describe('writeZip and readZip', () => {
  it('round-trips stored and deflated entries byte for byte, deterministically', async () => {
    const pdf = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    const json = text(JSON.stringify({ hello: 'wörld', list: Array.from({ length: 500 }, (_, i) => i) }));
    const inputs = [
      { name: 'records/a.json', data: json, method: 'deflate' as const },
      { name: 'files/x.pdf', data: pdf, method: 'store' as const },
      { name: 'empty.json', data: new Uint8Array(0), method: 'deflate' as const },
    ];
    const zip = writeZip(inputs, Date.UTC(2024, 4, 1, 12, 30, 10));
    expect(writeZip(inputs, Date.UTC(2024, 4, 1, 12, 30, 10))).toEqual(zip);
    const result = await readZip(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.map((e) => e.name)).toEqual(['records/a.json', 'files/x.pdf', 'empty.json']);
    expect(result.entries[0]!.data).toEqual(json);
    expect(result.entries[1]!.data).toEqual(pdf);
    expect(result.entries[2]!.data.length).toBe(0);
  });

  it('refuses to write an unsafe or duplicate name', async () => {
    expect(() => writeZip([{ name: '../x', data: text('x'), method: 'store' }], 0)).toThrow(/outside/);
    expect(() => writeZip([{ name: 'a', data: text('x'), method: 'store' }, { name: 'A', data: text('x'), method: 'store' }], 0)).toThrow(/twice/);
  });
});

describe('readZip rejects hostile archives, each with its own code', () => {
  const plain = (name: string) => ({ name, data: text('{}') });
  const cases: [string, () => Uint8Array, string][] = [
    ['not a zip at all', () => text('%PDF-1.7 definitely not a zip'), 'not-zip'],
    ['an empty file', () => new Uint8Array(0), 'not-zip'],
    ['a truncated zip', () => writeZip([{ name: 'a.json', data: text('{"a":1}'), method: 'deflate' }], 0).slice(0, 40), 'truncated'],
    ['zip slip', () => craftZip([plain('../x')]), 'unsafe-name'],
    ['zip slip in the middle', () => craftZip([plain('records/../../x')]), 'unsafe-name'],
    ['an absolute path', () => craftZip([plain('/etc/passwd')]), 'unsafe-name'],
    ['a drive letter', () => craftZip([plain('C:/x.json')]), 'unsafe-name'],
    ['a backslash', () => craftZip([plain('records\\x.json')]), 'unsafe-name'],
    ['a NUL byte', () => craftZip([plain('a.json\u0000.pdf')]), 'unsafe-name'],
    ['an empty name', () => craftZip([plain('')]), 'unsafe-name'],
    ['an over-long name', () => craftZip([plain('a'.repeat(300))]), 'unsafe-name'],
    ['a folder entry', () => craftZip([plain('records/')]), 'unsafe-name'],
    ['duplicate names', () => craftZip([plain('a.json'), plain('a.json')]), 'duplicate-name'],
    ['a case collision', () => craftZip([plain('A.json'), plain('a.json')]), 'name-collision'],
    ['an NFC/NFD collision', () => craftZip([plain('caf\u00e9.json'), plain('cafe\u0301.json')]), 'name-collision'],
    ['a file that is also a folder', () => craftZip([plain('a'), plain('a/b.json')]), 'name-collision'],
    ['a symlink', () => craftZip([{ ...plain('link'), madeBy: 0x031e, externalAttr: (0o120777 << 16) >>> 0 }]), 'unsupported-entry-type'],
    ['an encrypted entry', () => craftZip([{ ...plain('a.json'), flags: 0x0801 }]), 'encrypted'],
    ['local and central headers that disagree on the method', () => craftZip([plain('a.json')]).map((b, i) => (i === 8 ? 8 : b)), 'header-mismatch'],
    ['a bomb (huge ratio)', () => craftZip([{ name: 'bomb.json', data: new Uint8Array(20 * 1024 * 1024), method: 8 }]), 'ratio-too-high'],
    ['a stored entry whose two sizes disagree', () => craftZip([{ name: 'big', data: text('x'), size: 600 * 1024 * 1024, body: text('x') }]), 'size-mismatch'],
    ['sizes that lie (local vs central)', () => craftZip([{ ...plain('a.json'), localSize: 99 }]), 'size-mismatch'],
    ['a deflated entry holding more than it declares', () => craftZip([{ name: 'a.json', data: new Uint8Array(1024 * 1024), method: 8, size: 10, crc: 0 }]), 'size-mismatch'],
    ['a deflated entry holding less than it declares', () => craftZip([{ name: 'a.json', data: text('short'), method: 8, size: 50 }]), 'size-mismatch'],
    ['a wrong checksum', () => craftZip([{ ...plain('a.json'), crc: 1234 }]), 'crc-mismatch'],
    ['damaged deflate data', () => craftZip([{ name: 'a.json', data: text('hello'), method: 8, body: new Uint8Array([0xff, 0xff, 0xff]) }]), 'corrupt-data'],
  ];
  for (const [label, make, code] of cases) {
    it(`rejects ${label} as ${code}`, async () => expect(await codeOf(make())).toBe(code));
  }

  it('rejects unsupported methods', async () => {
    const zip = craftZip([plain('a.json')]);
    const view = new DataView(zip.buffer);
    view.setUint16(8, 12, true); // local header method
    view.setUint16(zip.length - 22 - 46 - 6 + 10, 12, true); // central header method
    expect(await codeOf(zip)).toBe('unsupported-method');
  });

  it('rejects an entry over the per-entry limit before inflating it', async () => {
    const zip = craftZip([{ name: 'big.pdf', data: text('x'), size: 600 * 1024 * 1024, body: text('x') }]);
    expect((await readZip(zip, { maxEntries: 10, maxNameBytes: 255, maxEntryBytes: 1024, maxTotalBytes: 1e9, maxRatio: 200, ratioFloorBytes: 1e6 })).ok).toBe(false);
    const r = await readZip(craftZip([{ name: 'a', data: new Uint8Array(2048) }]), { maxEntries: 10, maxNameBytes: 255, maxEntryBytes: 1024, maxTotalBytes: 1e9, maxRatio: 200, ratioFloorBytes: 1e6 });
    expect(r.ok ? 'ok' : r.error.code).toBe('entry-too-large');
  });

  it('rejects too many entries and too much in total', async () => {
    const limits = { maxEntries: 2, maxNameBytes: 255, maxEntryBytes: 1e6, maxTotalBytes: 3000, maxRatio: 200, ratioFloorBytes: 1e6 };
    const many = await readZip(craftZip([plain('a'), plain('b'), plain('c')]), limits);
    expect(many.ok ? 'ok' : many.error.code).toBe('too-many-entries');
    const total = await readZip(craftZip([{ name: 'a', data: new Uint8Array(2000) }, { name: 'b', data: new Uint8Array(2000) }]), limits);
    expect(total.ok ? 'ok' : total.error.code).toBe('total-too-large');
  });

  it('rejects overlapping entries', async () => {
    const one = craftZip([plain('a.json')]);
    // Duplicate the central record under another name, pointing at the same local header.
    const cdStart = one.length - 22 - (46 + 'a.json'.length);
    const record = one.slice(cdStart, one.length - 22);
    const second = record.slice();
    second[46] = 'b'.charCodeAt(0);
    const eocd = one.slice(one.length - 22);
    const ev = new DataView(eocd.buffer);
    ev.setUint16(8, 2, true);
    ev.setUint16(10, 2, true);
    ev.setUint32(12, record.length * 2, true);
    const zip = new Uint8Array([...one.slice(0, cdStart), ...record, ...second, ...eocd]);
    expect(await codeOf(zip)).toBe('header-mismatch'); // local name "a.json" ≠ "b.json" is caught first
    const sameName = new Uint8Array([...one.slice(0, cdStart), ...record, ...record, ...eocd]);
    expect(await codeOf(sameName)).toBe('duplicate-name');
  });

  it('rejects ZIP64 markers clearly', async () => {
    const zip = craftZip([plain('a.json')]);
    new DataView(zip.buffer).setUint32(zip.length - 22 + 16, 0xffffffff, true);
    expect(await codeOf(zip)).toBe('zip64-unsupported');
  });

  // docs/bundle-format.md: what other zip tools add is accepted when it agrees with the rest.
  it('accepts a data descriptor that agrees with the directory, refuses one that does not', async () => {
    const data = text('{"a":1}'.repeat(100));
    const good = await readZip(craftZip([{ name: 'x.json', data, method: 8, descriptor: {} }]));
    expect(good.ok && good.entries[0]!.data).toEqual(data);
    expect(await codeOf(craftZip([{ name: 'x.json', data, method: 8, descriptor: { size: data.length + 1 } }]))).toBe('size-mismatch');
    expect(await codeOf(craftZip([{ name: 'x.json', data, method: 8, descriptor: { crc: 1 } }]))).toBe('size-mismatch');
  });

  it('accepts a ZIP64 extra field beside ordinary 32-bit sizes (they are the sizes read); ZIP64 markers stay refused', async () => {
    const zip64Extra = (size: number) => {
      const extra = new Uint8Array(20);
      const v = new DataView(extra.buffer);
      v.setUint16(0, 0x0001, true);
      v.setUint16(2, 16, true);
      v.setBigUint64(4, BigInt(size), true);
      v.setBigUint64(12, BigInt(size), true);
      return extra;
    };
    const data = text('hello');
    const r = await readZip(craftZip([{ name: 'x.json', data, extra: zip64Extra(data.length) }]));
    expect(r.ok && r.entries[0]!.data).toEqual(data);
    expect(await codeOf(craftZip([{ name: 'x.json', data, extra: zip64Extra(data.length), size: 0xffffffff }]))).toBe('zip64-unsupported');
  });

  it('says a file with other bytes before the zip (a web page around a download) is not a bundle', async () => {
    const zip = craftZip([plain('a.json')]);
    const html = text('<!DOCTYPE html><html><body>Download</body></html>\n');
    const both = new Uint8Array([...html, ...zip]);
    expect(await codeOf(both)).toBe('not-zip');
    expect((await readZip(both)).ok ? '' : (await readZip(both) as { error: { message: string } }).error.message).toMatch(/not a Casefile bundle/);
  });

  it('inflates a real deflate stream with the bounded decoder', async () => {
    const data = text('abc'.repeat(10_000));
    const r = await readZip(craftZip([{ name: 'x.json', data, method: 8, body: deflateSync(data, { level: 9 }) }]));
    expect(r.ok && r.entries[0]!.data).toEqual(data);
  });
});
