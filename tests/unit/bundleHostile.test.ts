import { Encrypter } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH } from '../../shared/bundle';
import { craftZip } from '../../shared/bundle/testing/craftZip';
import { tamper as tamperWith } from '../../shared/bundle/testing/tamper';
import { databaseDigest } from '../../renderer/bundle/digest';
import type { BundleInspectError } from '../../renderer/bundle/types';
import type { CasefileDb } from '../../renderer/db/db';
import { CASE_ID, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * Bundles from someone else may be damaged or hostile. Each is refused by inspectBundle with
 * its own code and a plain-words message, and the profile's database digest is unchanged.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

const tamper = (bundle: Uint8Array, change: Parameters<typeof tamperWith>[1], rehash = true) => tamperWith(bundle, change, { rehash, method: 'store' });

const json = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('hostile bundles change nothing', () => {
  let db: CasefileDb;
  let good: Uint8Array;
  let digest: string;
  beforeAll(async () => {
    ({ db } = await seededProfile());
    good = new Uint8Array(await (await inProcessClient(db).exportBundle({ kind: 'case', caseId: CASE_ID })).blob.arrayBuffer());
    digest = await databaseDigest(db);
  });

  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
    ['not a zip at all', () => utf8('%PDF-1.7 this is a PDF, not a bundle'), 'not-zip'],
    ['a truncated file', () => good.slice(0, Math.floor(good.length * 0.6)), 'truncated'],
    ['zip slip', () => craftZip([{ name: MANIFEST_PATH, data: utf8('{}') }, { name: '../../evil.json', data: utf8('[]') }]), 'unsafe-name'],
    ['an absolute path', () => craftZip([{ name: '/etc/passwd', data: utf8('x') }]), 'unsafe-name'],
    ['a zip bomb', () => craftZip([{ name: 'records/actors.json', data: new Uint8Array(16 * 1024 * 1024).fill(32), method: 8 }]), 'ratio-too-high'],
    ['lying sizes', () => craftZip([{ name: 'manifest.json', data: new Uint8Array(1024 * 1024).fill(32), method: 8, size: 10, crc: 0 }]), 'size-mismatch'],
    ['duplicate names', () => craftZip([{ name: MANIFEST_PATH, data: utf8('{}') }, { name: MANIFEST_PATH, data: utf8('{}') }]), 'duplicate-name'],
    ['names that collide after case-folding', () => craftZip([{ name: 'Records.json', data: utf8('1') }, { name: 'records.json', data: utf8('2') }]), 'name-collision'],
    ['a symlink', () => craftZip([{ name: 'link', data: utf8('/etc/passwd'), madeBy: 0x031e, externalAttr: (0o120777 << 16) >>> 0 }]), 'unsupported-entry-type'],
    ['a wrong hash', () => tamper(good, (_e, m) => { (m.entries as { sha256: string }[])[0]!.sha256 = '0'.repeat(64); }, false), 'hash-mismatch'],
    ['a PDF swapped behind the manifest\'s back', () => tamper(good, (e) => {
      const pdf = [...e.keys()].find((k) => k.startsWith('files/'))!;
      const bytes = e.get(pdf)!.slice();
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
      e.set(pdf, bytes);
    }, false), 'hash-mismatch'],
    ['a future format version', () => tamper(good, (_e, m) => { m.formatVersion = 99; }), 'future-version'],
    ['invalid records', () => tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as Record<string, unknown>[];
      actors[0]!.kind = 'wizard';
      actors[1]!.name = '';
      e.set('records/actors.json', utf8(JSON.stringify(actors)));
    }), 'invalid-records'],
    ['a citation to a document it does not hold', () => tamper(good, (e) => {
      const events = json(e.get('records/events.json')) as { citations: { documentId: string }[] }[];
      events.find((ev) => ev.citations.length > 0)!.citations[0]!.documentId = '00000000-0000-4000-8000-0000000000ee';
      e.set('records/events.json', utf8(JSON.stringify(events)));
    }), 'broken-reference'],
  ];

  for (const [label, make, code] of cases) {
    it(`refuses ${label} (${code})`, async () => {
      const result = await inProcessClient(db).inspectBundle(blob(await make()));
      expect(result.ok).toBe(false);
      const error = (result as { ok: false; error: BundleInspectError }).error;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/^[A-Z0-9"]/);
      expect(error.message.length).toBeGreaterThan(20);
      expect(await databaseDigest(db)).toBe(digest);
    });
  }

  it('names the invalid records, with field and message key', async () => {
    const result = await inProcessClient(db).inspectBundle(blob(await cases.find(([l]) => l === 'invalid records')![1]()));
    const error = (result as { ok: false; error: BundleInspectError }).error;
    expect('issues' in error && error.issues?.map((i) => [i.kind, i.path, i.message])).toEqual([
      ['actor', 'kind', 'validation.invalidChoice'], ['actor', 'name', 'validation.required'],
    ]);
  });

  it('asks for the passphrase of an encrypted bundle, and refuses a wrong one', async () => {
    const e = new Encrypter();
    e.setPassphrase('correct horse battery staple');
    e.setScryptWorkFactor(10);
    const encrypted = await e.encrypt(good);
    const client = inProcessClient(db);
    const noPass = await client.inspectBundle(blob(encrypted));
    expect(!noPass.ok && noPass.error.code).toBe('passphrase-required');
    const wrong = await client.inspectBundle(blob(encrypted), { passphrase: 'wrong' });
    // Until the streaming reader with age decryption lands (renderer/bundle/io.ts is an adapter),
    // an encrypted bundle is refused as 'encrypted'; with it, as 'wrong-passphrase'.
    expect(!wrong.ok && ['wrong-passphrase', 'encrypted'].includes(wrong.error.code)).toBe(true);
    expect(await databaseDigest(db)).toBe(digest);
  });
});
