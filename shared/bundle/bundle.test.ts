import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundleBlob, recordsEntry, writeBundleBlob } from './bundle';
import { sha256Hex, utf8 } from './bytes';
import type { BundleErrorCode, CaseSnapshot } from './manifest';
import { BUNDLE_FORMAT_VERSION, MANIFEST_PATH } from './manifest';
import { craftZip } from './testing/craftZip';
import { ISSUE_KEYS } from './issueKeys';
import { sortNameRules } from './nameRules';
import { SAMPLE_CREATED, SAMPLE_INFO, chartsSampleSnapshot, ocrSampleSnapshot, rulesSampleSnapshot, sampleSnapshot } from './testing/sampleSnapshot';
import { invalidRecordAndChangedPdf, tamper as tamperWith } from './testing/tamper';
import { readZip } from './zipRead';

const CREATED = SAMPLE_CREATED;
const INFO = SAMPLE_INFO;

const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());
/** The bundle's bytes, as the streaming writer assembles them. */
const writeBundle = async (snapshot: CaseSnapshot, info = INFO): Promise<Uint8Array> => bytesOf(await writeBundleBlob(snapshot, info));
const readBundle = (bytes: Uint8Array) => readBundleBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]));

const sortById = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

async function errorOf(bytes: Uint8Array): Promise<{ code: BundleErrorCode | 'ok'; message: string }> {
  const r = await readBundle(bytes);
  return r.ok ? { code: 'ok', message: '' } : r.error;
}

/** Rewrites a valid bundle's entries; with `rehash`, the manifest is brought back in line so only the change is wrong. */
const tamper = (bundle: Uint8Array, change: Parameters<typeof tamperWith>[1], rehash = true) => tamperWith(bundle, change, { rehash, createdAt: CREATED });

/** Incompressible bytes, so a crafted entry's declared size stays under the ratio limit and reaches the later checks. */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A zip's entries in order, each with its name and its contents (inflated), as hex SHA-256s. */
async function zipContents(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.error.message);
  return zip.entries.map((e) => [e.name, sha256Hex(e.data)]);
}

const json = (bytes: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(bytes));

describe('writeBundleBlob / readBundleBlob round trip', () => {
  const snapshot = sampleSnapshot();
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeBundle(snapshot, INFO);
  });

  it('gives back the same records, page texts and PDF bytes', async () => {
    const r = await readBundle(bytes);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
    expect(r.warnings).toEqual([]);
    expect(r.snapshot.caseId).toBe(snapshot.caseId);
    expect(r.snapshot.cases).toEqual(snapshot.cases);
    expect(r.snapshot.actors).toEqual(sortById(snapshot.actors));
    expect(r.snapshot.events).toEqual(sortById(snapshot.events));
    expect(r.snapshot.documents).toEqual(sortById(snapshot.documents));
    expect(r.snapshot.pages).toEqual(snapshot.pages);
    expect(r.snapshot.nameRules).toEqual([]);
    expect(r.encrypted).toBe(false);
    for (const f of snapshot.files) {
      const back = r.snapshot.files.find((x) => x.sha256 === f.sha256);
      expect(back?.byteLength).toBe(f.byteLength);
      const backBytes = await bytesOf(back!.blob);
      expect(backBytes).toEqual(await bytesOf(f.blob));
      expect(sha256Hex(backBytes)).toBe(f.sha256);
    }
    expect(r.manifest.case.name).toBe('Shining Path in the VRAEM');
    expect(r.manifest.counts).toEqual({ cases: 1, actors: 7, events: 4, documents: 2, pages: 2, files: 2, nameRules: 0, charts: 0 });
  });

  it('writes deterministically: same snapshot, same bytes', async () => {
    // Format version 1 was pinned to the in-memory writer's digest (commit ac71bc4); versions 2
    // and 3 by the stored fixtures below. Since the JSON entries are deflated by the platform's
    // zlib, the same bytes are promised for the same build only (docs/bundle-format.md).
    expect(await writeBundle(sampleSnapshot(), INFO)).toEqual(bytes);
  });

  it('record lists deflated beforehand (while collecting) give the same bytes; one made from another array is not used', async () => {
    const snapshot = sampleSnapshot();
    const prepared = [recordsEntry(snapshot.actors), recordsEntry(snapshot.events), recordsEntry(snapshot.documents)];
    expect(await bytesOf(await writeBundleBlob(snapshot, INFO, { prepared }))).toEqual(bytes);
    // A list prepared from other records (say, an earlier read) is ignored, not written.
    const stale = recordsEntry([...snapshot.actors.slice(1)]);
    const written = await bytesOf(await writeBundleBlob(snapshot, INFO, { prepared: [stale] }));
    expect(written).toEqual(bytes);
  });

  it('stores PDFs uncompressed, first in the file (the save writes them while the records are collected)', async () => {
    const zip = await readZip(bytes);
    expect(zip.ok && zip.entries.map((e) => e.name)).toEqual([
      ...snapshot.files.map((f) => `files/${f.sha256}.pdf`).sort(),
      'manifest.json', 'records/cases.json', 'records/actors.json', 'records/events.json', 'records/documents.json', 'records/nameRules.json', 'records/charts.json',
      'records/pages/00000000-0000-4000-8000-000000000001.json', 'records/pages/00000000-0000-4000-8000-000000000002.json',
    ]);
    // A stored entry's bytes appear verbatim in the archive.
    const pdf = await bytesOf(snapshot.files[0]!.blob);
    const at = Buffer.from(bytes).indexOf(Buffer.from(pdf));
    expect(at).toBeGreaterThan(0);
  });

  it('warns, but reads, when an actor links to a group outside the bundle', async () => {
    const s = sampleSnapshot();
    s.actors[2]!.memberships[0]!.groupId = '00000000-0000-4000-8000-0000000000ff';
    const r = await readBundle(await writeBundle(s, INFO));
    expect(r.ok && r.warnings.map((w) => [w.kind, w.message])).toEqual([['actor', 'bundle.missingActor']]);
  });
});

describe('readBundleBlob rejects hostile bundles, each with its own code', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await writeBundle(sampleSnapshot(), INFO);
  });
  const one = (name: string) => craftZip([{ name: MANIFEST_PATH, data: utf8('{}') }, { name, data: utf8('[]') }]);
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, BundleErrorCode][] = [
    ['not a zip at all', () => utf8('just some text, not a bundle'), 'not-zip'],
    ['a truncated file', () => good.slice(0, Math.floor(good.length / 2)), 'truncated'],
    ['zip slip (../x)', () => one('../x'), 'unsafe-name'],
    ['an absolute path', () => one('/tmp/x'), 'unsafe-name'],
    ['a backslash', () => one('records\\actors.json'), 'unsafe-name'],
    ['a NUL in a name', () => one('records/actors.json\u0000.pdf'), 'unsafe-name'],
    ['duplicate names', () => craftZip([{ name: 'a.json', data: utf8('1') }, { name: 'a.json', data: utf8('2') }]), 'duplicate-name'],
    ['a case collision', () => craftZip([{ name: 'A.json', data: utf8('1') }, { name: 'a.json', data: utf8('2') }]), 'name-collision'],
    ['an NFC/NFD collision', () => craftZip([{ name: '\u00c5.json', data: utf8('1') }, { name: 'A\u030a.json', data: utf8('2') }]), 'name-collision'],
    ['a bomb', () => craftZip([{ name: 'records/actors.json', data: new Uint8Array(8 * 1024 * 1024).fill(32), method: 8 }]), 'ratio-too-high'],
    ['lying sizes', () => craftZip([{ name: 'manifest.json', data: new Uint8Array(1024 * 1024).fill(32), method: 8, size: 10, crc: 0 }]), 'size-mismatch'],
    ['a zip without a manifest', () => craftZip([{ name: 'x.json', data: utf8('{}') }]), 'not-a-bundle'],
    ['a wrong hash in the manifest', () => tamper(good, (_e, m) => {
      const entries = m.entries as { sha256: string }[];
      entries[0]!.sha256 = '0'.repeat(64);
    }, false), 'hash-mismatch'],
    ['a changed file behind the manifest\'s back', () => tamper(good, (e) => e.set('records/cases.json', utf8('[]')), false), 'manifest-size-mismatch'],
    ['an entry the manifest does not list', () => tamper(good, (e) => e.set('records/extra.json', utf8('[]')), false), 'entry-unlisted'],
    ['a future format version', () => tamper(good, (_e, m) => { m.formatVersion = BUNDLE_FORMAT_VERSION + 1; }), 'future-version'],
    ['another app\'s manifest', () => tamper(good, (_e, m) => { m.format = 'something-else'; }), 'not-a-bundle'],
    ['an invalid record', () => tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as Record<string, unknown>[];
      actors[0]!.kind = 'wizard';
      e.set('records/actors.json', utf8(JSON.stringify(actors)));
    }), 'invalid-records'],
    // The PDFs are hashed only once the records hold: the records' problem is the one named.
    ['an invalid record and a file changed behind the manifest\'s back', () => tamper(good, invalidRecordAndChangedPdf, false), 'invalid-records'],
    ['broken JSON', () => tamper(good, (e) => e.set('records/events.json', utf8('[{"id":'))), 'invalid-json'],
    ['a citation to a missing document', () => tamper(good, (e) => {
      const events = json(e.get('records/events.json')) as { citations: { documentId: string }[] }[];
      const cited = events.find((ev) => ev.citations.length > 0)!;
      cited.citations[0]!.documentId = '00000000-0000-4000-8000-0000000000ee';
      e.set('records/events.json', utf8(JSON.stringify(events)));
    }), 'broken-reference'],
    ['wrong record counts', () => tamper(good, (_e, m) => { (m.counts as { actors: number }).actors = 99; }), 'count-mismatch'],
    ['an event that shares an actor\'s id', () => tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as { id: string }[];
      const events = json(e.get('records/events.json')) as { id: string }[];
      events[0]!.id = actors[0]!.id;
      e.set('records/events.json', utf8(JSON.stringify(events)));
    }), 'invalid-records'],
    // Other bytes under a real document's hash-name, the manifest hashing them honestly: the
    // document would get a file that is not its PDF.
    ['a file whose name is not its hash', () => tamper(good, (e) => {
      const name = [...e.keys()].find((n) => n.startsWith('files/'))!;
      e.set(name, utf8('%PDF-1.4 not the document you think'));
    }), 'hash-mismatch'],
    ['an entry the format does not have (refused before it is inflated)', () => craftZip([
      { name: 'manifest.json', data: utf8('{}') },
      { name: 'junk/a.bin', data: noise(2_300_000), method: 8, size: 400 * 1024 * 1024, crc: 0 },
    ]), 'entry-unlisted'],
    ['a record list larger than any bundle needs (refused before it is inflated)', () => craftZip([
      { name: 'manifest.json', data: utf8('{}') },
      { name: 'records/actors.json', data: noise(1_700_000), method: 8, size: 300 * 1024 * 1024, crc: 0 },
    ]), 'entry-too-large'],
  ];
  for (const [label, make, code] of cases) {
    it(`rejects ${label}`, async () => {
      const error = await errorOf(await make());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/^[A-Z0-9"]/);
    });
  }

  it('names the record, entry and field of each invalid record', async () => {
    const r = await readBundle(await tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as Record<string, unknown>[];
      actors[1]!.name = '';
      e.set('records/actors.json', utf8(JSON.stringify(actors)));
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual([expect.objectContaining({ kind: 'actor', entry: 'records/actors.json', path: 'name', message: 'validation.required' })]);
  });
});

describe('name-matching rules in a bundle (format 3)', () => {
  const withRules = (rules: unknown[], counts = rules.length) => async () => tamper(await writeBundle(rulesSampleSnapshot(), INFO), (e, m) => {
    e.set('records/nameRules.json', utf8(JSON.stringify(rules)));
    (m.counts as { nameRules: number }).nameRules = counts;
  });
  const actor = rulesSampleSnapshot().actors[0]!;
  const rule = { actorId: actor.id, kind: 'rule', name: actor.name, source: 'name', rule: 'never' };
  const cases: [string, () => Promise<Uint8Array>, BundleErrorCode, { kind: string; path: string; message: string }[]][] = [
    ['a rule of an unknown kind of match', withRules([{ ...rule, rule: 'sometimes' }]), 'invalid-records', [{ kind: 'nameRule', path: '0.rule', message: 'validation.invalidChoice' }]],
    ['a rule with a field the format does not have', withRules([{ ...rule, id: 'x' }]), 'invalid-records', [{ kind: 'nameRule', path: '0', message: expect.any(String) as unknown as string }]],
    ['the same rule twice', withRules([rule, { ...rule, rule: 'anywhere' }]), 'invalid-records', [{ kind: 'nameRule', path: '1', message: 'validation.duplicate' }]],
    ['a rule for an actor the bundle does not carry', withRules([{ ...rule, actorId: '00000000-0000-4000-8000-0000000000ff' }]), 'broken-reference', [{ kind: 'nameRule', path: '0.actorId', message: 'bundle.missingActor' }]],
    ['rules that are not a list', withRules({} as unknown as unknown[], 0), 'invalid-records', [{ kind: 'nameRule', path: '', message: 'bundle.notAList' }]],
  ];
  for (const [label, make, code, issues] of cases) {
    it(`refuses ${label}, naming the entry and field`, async () => {
      const r = await readBundle(await make());
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
      if (!r.ok) expect(r.error.issues).toEqual(issues.map((i) => expect.objectContaining({ ...i, entry: 'records/nameRules.json' })));
    });
  }
});

describe('a citation to a page the document does not have', () => {
  it('is refused with the record and the field named (page 999 of a 2-page document)', async () => {
    const good = await writeBundle(sampleSnapshot(), INFO);
    const r = await readBundle(await tamper(good, (e) => {
      const events = json(e.get('records/events.json')) as { id: string; citations: { page: number | null }[] }[];
      events.find((ev) => ev.citations.some((c) => c.page !== null))!.citations.find((c) => c.page !== null)!.page = 999;
      e.set('records/events.json', utf8(JSON.stringify(events)));
    }));
    expect(r.ok ? 'ok' : r.error.code).toBe('broken-reference');
    if (!r.ok) expect(r.error.issues).toEqual([expect.objectContaining({ kind: 'event', entry: 'records/events.json', path: 'citations.0.page', message: 'bundle.pageOutsideDocument' })]);
  });

  it('is accepted on the last page, and as a citation of the whole document', async () => {
    const s = sampleSnapshot();
    s.events[0]!.citations.push({ id: '00000000-0000-4000-8000-0000000000c2', documentId: s.documents[1]!.id, page: 2, quote: '', note: '' });
    s.events[0]!.citations.push({ id: '00000000-0000-4000-8000-0000000000c3', documentId: s.documents[1]!.id, page: null, quote: '', note: '' });
    expect((await readBundle(await writeBundle(s, INFO))).ok).toBe(true);
  });
});

describe('a bundle of a newer record model', () => {
  it('is refused as made by a newer Casefile, never read with fields dropped', async () => {
    const good = await writeBundle(sampleSnapshot(), INFO);
    const r = await readBundle(await tamper(good, (_e, m) => { m.modelVersion = 2; }));
    expect(r.ok ? 'ok' : r.error.code).toBe('future-version');
    expect(r.ok ? '' : r.error.message).toMatch(/newer Casefile.*update Casefile to import it/);
  });
});

describe('impossible timestamps in a bundle', () => {
  it('a createdAt no Date can hold is refused with the record and field named', async () => {
    const good = await writeBundle(sampleSnapshot(), INFO);
    const r = await readBundle(await tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as { createdAt: number }[];
      actors[0]!.createdAt = 1e20;
      e.set('records/actors.json', utf8(JSON.stringify(actors)));
    }));
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-records');
    if (!r.ok) expect(r.error.issues).toEqual([expect.objectContaining({ kind: 'actor', path: 'createdAt', message: 'validation.invalidDate' })]);
  });
});

describe('impossible dates in a bundle', () => {
  it('are refused with the record and the field named, never imported', async () => {
    const good = await writeBundle(sampleSnapshot(), INFO);
    for (const day of ['2019-02-30', '2019-13-45', '2019-00-10']) {
      const r = await readBundle(await tamper(good, (e) => {
        const events = json(e.get('records/events.json')) as { id: string; date: { earliest: string; latest: string } | null }[];
        const dated = events.find((ev) => ev.date)!;
        dated.date = { ...dated.date!, earliest: day, latest: day };
        e.set('records/events.json', utf8(JSON.stringify(events)));
      }));
      expect(r.ok, day).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid-records');
      expect(r.error.issues).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: 'event', entry: 'records/events.json', path: 'date.earliest', message: 'validation.invalidDate' }),
      ]));
    }
  });
});

describe('stored fixtures of every shipped format version', () => {
  // Each written once by writeBundleBlob of its day and kept: they must stay readable by every
  // later Casefile. v1 from sampleSnapshot(); v2 from ocrSampleSnapshot(); v3 from
  // rulesSampleSnapshot() (write a new one with CASEFILE_WRITE_FIXTURES=1 only when the format
  // version changes; the older ones stay as they are). Version 0 never shipped;
  // migrate.test.ts builds it.
  const url = (name: string) => new URL(`./testing/fixtures/${name}`, import.meta.url);
  const fixture = (name: string) => new Blob([readFileSync(url(name))]);

  it('reads the version-1 bundle through the migration: page states from the documents, no annotations, no OCR', async () => {
    const r = await readBundleBlob(fixture('v1-sample.casefile'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.manifest.counts).toEqual({ cases: 1, actors: 7, events: 4, documents: 2, pages: 2, files: 2, nameRules: 0, charts: 0 });
    const expected = sampleSnapshot();
    expect(r.snapshot.pages).toEqual(expected.pages);
    expect(r.snapshot.documents).toEqual(expected.documents);
    // The records are what today's writer writes for the same snapshot.
    const today = await readBundle(await writeBundle(expected, INFO));
    expect(today.ok && { ...today.snapshot, files: [] }).toEqual({ ...r.snapshot, files: [] });
  });

  it('opens the age-encrypted version-1 bundle with its passphrase', async () => {
    const r = await readBundleBlob(fixture('v1-sample.casefile.age'), { passphrase: 'fixture passphrase' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.encrypted).toBe(true);
    const files = await Promise.all(r.snapshot.files.map(async (f) => sha256Hex(await bytesOf(f.blob))));
    expect(files.sort()).toEqual(r.snapshot.documents.map((d) => d.sha256).sort());
  });

  it('reads the version-2 bundle through the migration to 3: page states, annotations and OCR as they were, no name rules', async () => {
    const r = await readBundleBlob(fixture('v2-ocr.casefile'));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.manifest.counts.nameRules).toBe(0);
    expect(r.snapshot.pages).toEqual(ocrSampleSnapshot().pages);
    expect(r.snapshot.nameRules).toEqual([]);
  });

  it('reads the version-3 bundle with its name-matching rules, and writes the same entries today', async () => {
    const written = await writeBundle(rulesSampleSnapshot(), INFO);
    if (process.env.CASEFILE_WRITE_FIXTURES === '1') writeFileSync(url('v3-rules.casefile'), written);
    const blob = fixture('v3-rules.casefile');
    const r = await readBundleBlob(blob);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.snapshot.pages).toEqual(ocrSampleSnapshot().pages);
    expect(r.snapshot.nameRules).toEqual(sortNameRules(rulesSampleSnapshot().nameRules!));
    expect(r.manifest.counts.nameRules).toBe(3);
    // Read through the migration to 4: no saved charts.
    expect(r.snapshot.charts).toEqual([]);
  });

  it('reads the version-4 bundle with its saved link chart, and writes the same entries today', async () => {
    const written = await writeBundle(chartsSampleSnapshot(), INFO);
    if (process.env.CASEFILE_WRITE_FIXTURES === '1') writeFileSync(url('v4-charts.casefile'), written);
    const blob = fixture('v4-charts.casefile');
    const r = await readBundleBlob(blob);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.manifest.counts.charts).toBe(1);
    expect(r.snapshot.charts).toEqual(chartsSampleSnapshot().charts);
    expect(r.snapshot.nameRules).toEqual(sortNameRules(rulesSampleSnapshot().nameRules!));
    // The same entries with the same contents (stored PDFs byte for byte): the deflated bytes
    // themselves come from the platform's zlib (deflate.ts), which the fixture's fflate need not
    // match (docs/bundle-format.md, "Deterministic"). The order changed in session 7 (the PDFs
    // first, then the manifest and the records); the fixture keeps the old one (manifest first)
    // and is still read above: readers go by the zip's directory.
    const byName = (l: [string, string][]) => [...l].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const fixtureEntries = await zipContents(await bytesOf(blob));
    expect(byName(await zipContents(written))).toEqual(byName(fixtureEntries));
    expect(fixtureEntries[0]![0]).toBe('manifest.json');
    expect((await zipContents(written))[0]![0]).toMatch(/^files\//);
    expect(written.length).toBeLessThan((await bytesOf(blob)).length * 1.1);
  });

  it('refuses a saved chart that is damaged or belongs to no case of the bundle, naming the entry and field', async () => {
    const s = chartsSampleSnapshot();
    s.charts = [{ ...s.charts![0]!, at: '2019-02-30' }, { ...s.charts![0]!, id: '7c0b0d1e-3f4a-4b5c-8d6e-7f8091a2b3c5', caseId: '7c0b0d1e-3f4a-4b5c-8d6e-7f8091a2b3c6' }];
    const r = await readBundle(await writeBundle(s, INFO));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-records');
    expect(r.error.issues).toEqual([expect.objectContaining({ kind: 'chart', entry: 'records/charts.json', path: '0.at', message: 'validation.invalidDate' })]);
  });

});

describe('the writer never writes what the reader refuses', () => {
  it('refuses a snapshot whose records and page texts exceed the bundle budget, saying what to do', async () => {
    const s = sampleSnapshot();
    // 130 pages of 2,000,000 characters: every page within the schema, the whole over 256 MiB.
    const page = { text: 'x'.repeat(2_000_000), state: 'text' as const };
    s.documents[0]!.extraction.pageCount = 140;
    s.pages[0]!.pages = Array.from({ length: 140 }, () => page);
    await expect(writeBundleBlob(s, INFO)).rejects.toMatchObject({ name: 'BundleTooLargeError', code: 'too-large', message: expect.stringMatching(/Export the cases one at a time/) });
  });
});

describe('what a refusal\'s issues say', () => {
  it('never zod\'s own text: a list where a record belongs, a number too big, an unknown field', async () => {
    const good = await writeBundle(sampleSnapshot(), INFO);
    const r = await readBundle(await tamper(good, (e) => {
      const actors = json(e.get('records/actors.json')) as unknown[];
      actors[0] = [];
      (actors[1] as Record<string, unknown>).wizard = true;
      e.set('records/actors.json', utf8(JSON.stringify(actors)));
      const events = json(e.get('records/events.json')) as { fatalities: { total: unknown } }[];
      events[0]!.fatalities.total = 1e20;
      e.set('records/events.json', utf8(JSON.stringify(events)));
    }));
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-records');
    const messages = r.ok ? [] : r.error.issues!.map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(ISSUE_KEYS, m).toContain(m);
    expect(messages).toContain('validation.wrongType');
  });
});
