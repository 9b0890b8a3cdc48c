import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent } from '../model';
import { readBundleBlob, writeBundleBlob } from './bundle';
import { sha256Hex, utf8 } from './bytes';
import { MIGRATIONS } from './migrate';
import { CHARTS_PATH } from './charts';
import { NAME_RULES_PATH } from './nameRules';
import { SAMPLE_INFO, sampleSnapshot } from './testing/sampleSnapshot';
import { tamper } from './testing/tamper';
import { readZip } from './zipRead';
import { writeZip } from './zipWrite';

/**
 * A synthetic version-0 bundle, the pre-release layout described in migrate.ts: one
 * data.json for all records, pages keyed by document id, an ISO `created` date, and
 * actors without `statusHistory` or `nationality`.
 */
function v0Bundle(data: Record<string, unknown>, manifestOver: Record<string, unknown> = {}): Uint8Array {
  const dataBytes = utf8(JSON.stringify(data));
  const manifest = {
    format: 'casefile-bundle', formatVersion: 0, app: '0.0.9', created: '2024-06-01T10:00:00.000Z',
    caseId: (sample as unknown as { case: Case }).case.id,
    entries: [{ path: 'data.json', sha256: sha256Hex(dataBytes), size: dataBytes.length }],
    ...manifestOver,
  };
  return writeZip([
    { name: 'manifest.json', data: utf8(JSON.stringify(manifest)), method: 'deflate' },
    { name: 'data.json', data: dataBytes, method: 'deflate' },
  ], 0);
}

const readBundle = (bytes: Uint8Array) => readBundleBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]));
const s = sample as unknown as { case: Case; actors: Actor[]; events: CaseEvent[] };
const oldActors = s.actors.map(({ statusHistory: _s, nationality: _n, ...rest }) => rest);

describe('migration from format version 0', () => {
  it('has a step for every version below the current one', async () => {
    expect(Object.keys(MIGRATIONS)).toEqual(['0', '1', '2', '3']);
  });

  it('reads a v0 bundle into the current snapshot, filling defaults', async () => {
    const r = await readBundle(v0Bundle({ cases: [s.case], actors: oldActors, events: s.events, documents: [], pages: {} }));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.manifest.appVersion).toBe('0.0.9');
    expect(r.manifest.createdAt).toBe(Date.UTC(2024, 5, 1, 10));
    expect(r.manifest.case.name).toBe(s.case.name);
    expect(r.snapshot.actors).toHaveLength(s.actors.length);
    for (const a of r.snapshot.actors) {
      expect(a.statusHistory).toEqual([]);
      expect(a.nationality).toBe('');
    }
    expect(r.snapshot.events.map((e) => e.id).sort()).toEqual(s.events.map((e) => e.id).sort());
  });

  it('checks a v0 bundle\'s hashes before migrating it', async () => {
    const r = await readBundle(v0Bundle({ cases: [s.case], actors: oldActors, events: [], documents: [], pages: {} }, {
      entries: [{ path: 'data.json', sha256: '1'.repeat(64), size: 1 }],
    }));
    expect(r.ok ? 'ok' : r.error.code).toBe('manifest-size-mismatch');
  });

  it('still validates every migrated record', async () => {
    const broken = [{ ...oldActors[0], kind: 'wizard' }];
    const r = await readBundle(v0Bundle({ cases: [s.case], actors: broken, events: [], documents: [], pages: {} }));
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-records');
  });

  it('refuses a v0 bundle whose data does not fit the old layout', async () => {
    const bytes = utf8('not json');
    const manifest = { format: 'casefile-bundle', formatVersion: 0, entries: [{ path: 'data.json', sha256: sha256Hex(bytes), size: bytes.length }] };
    const bad = await readBundle(writeZip([
      { name: 'manifest.json', data: utf8(JSON.stringify(manifest)), method: 'store' },
      { name: 'data.json', data: bytes, method: 'store' },
    ], 0));
    expect(bad.ok ? 'ok' : bad.error.code).toBe('migration-failed');
  });

  it('refuses a version no Casefile ever wrote', async () => {
    const r = await readBundle(v0Bundle({}, { formatVersion: -1 }));
    expect(r.ok ? 'ok' : r.error.code).toBe('unsupported-version');
  });
});

const ENTRY = (id: string) => `records/pages/${id}.json`;

/** A version-2 bundle: today's bundle of the snapshot without the name-matching rules version 3 added. */
async function v2Bundle(snapshot = sampleSnapshot(), change?: (entries: Map<string, Uint8Array>, manifest: Record<string, unknown>) => void): Promise<Uint8Array> {
  const v4 = new Uint8Array(await (await writeBundleBlob(snapshot, SAMPLE_INFO)).arrayBuffer());
  return tamper(v4, (entries, manifest) => {
    entries.delete(NAME_RULES_PATH);
    entries.delete(CHARTS_PATH);
    delete (manifest.counts as Record<string, unknown>).nameRules;
    delete (manifest.counts as Record<string, unknown>).charts;
    manifest.formatVersion = 2;
    change?.(entries, manifest);
  }, { createdAt: SAMPLE_INFO.createdAt });
}

/** A version-1 bundle: a version-2 one, its pages turned back into plain texts. */
async function v1Bundle(snapshot = sampleSnapshot(), change?: (entries: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  return v2Bundle(snapshot, (entries, manifest) => {
    for (const p of snapshot.pages) entries.set(ENTRY(p.documentId), utf8(JSON.stringify({ documentId: p.documentId, pages: p.pages.map((x) => x.text) })));
    manifest.formatVersion = 1;
    change?.(entries);
  });
}

describe('migration from format version 1 (page text only)', () => {
  it('gives each page the state its document\'s extraction implies, and no annotations or OCR', async () => {
    const snapshot = sampleSnapshot();
    snapshot.documents[1]!.extraction.state = 'needs-ocr';
    const r = await readBundle(await v1Bundle(snapshot));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.snapshot.pages).toEqual([
      { documentId: snapshot.documents[0]!.id, pages: [{ text: 'page one of 0', state: 'text' }, { text: 'página dos — 0', state: 'text' }] },
      { documentId: snapshot.documents[1]!.id, pages: [{ text: 'page one of 1', state: 'image-only' }, { text: 'página dos — 1', state: 'image-only' }] },
    ]);
  });

  it('is a pure step over the raw entries: pages rewritten and relisted, everything else as it was', async () => {
    const bytes = await v1Bundle();
    const zip = await readZip(bytes);
    if (!zip.ok) throw new Error('not a zip');
    const entries = new Map(zip.entries.filter((e) => e.name !== 'manifest.json').map((e) => [e.name, e.data] as const));
    const manifest = JSON.parse(new TextDecoder().decode(zip.entries.find((e) => e.name === 'manifest.json')!.data)) as Record<string, unknown>;
    const out = MIGRATIONS[1]!({ manifest, entries: new Map(entries) });
    expect(out.manifest.formatVersion).toBe(2);
    for (const [path, data] of out.entries) {
      const listed = (out.manifest.entries as { path: string; sha256: string; size: number }[]).find((e) => e.path === path)!;
      expect(listed).toEqual({ path, sha256: sha256Hex(data as Uint8Array), size: (data as Uint8Array).length });
      if (!path.startsWith('records/pages/')) expect(data).toBe(entries.get(path));
    }
  });

  it('leaves a page list that is not version 1\'s for validation to refuse, with its field', async () => {
    const id = sampleSnapshot().documents[0]!.id;
    const r = await readBundle(await v1Bundle(undefined, (e) => e.set(ENTRY(id), utf8(JSON.stringify({ documentId: id, pages: ['fine', 42] })))));
    expect(r.ok ? 'ok' : r.error.code).toBe('invalid-records');
    expect(r.ok ? [] : r.error.issues?.map((i) => [i.kind, i.path])).toEqual([['pages', 'pages.0'], ['pages', 'pages.1']]);
  });
});

describe('migration from format version 2 (no name-matching rules)', () => {
  it('reads a version-2 bundle with no rules: its actors get the proposed ones', async () => {
    const r = await readBundle(await v2Bundle());
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    expect(r.manifest.formatVersion).toBe(4);
    expect(r.manifest.counts.nameRules).toBe(0);
    expect(r.snapshot.nameRules).toEqual([]);
    expect(r.snapshot.actors).toHaveLength(sampleSnapshot().actors.length);
  });

  it('is a pure step: an empty rules entry added and listed, every other entry and listing as it was', async () => {
    const zip = await readZip(await v2Bundle());
    if (!zip.ok) throw new Error('not a zip');
    const entries = new Map(zip.entries.filter((e) => e.name !== 'manifest.json').map((e) => [e.name, e.data] as const));
    const manifest = JSON.parse(new TextDecoder().decode(zip.entries.find((e) => e.name === 'manifest.json')!.data)) as Record<string, unknown>;
    const out = MIGRATIONS[2]!({ manifest, entries: new Map(entries) });
    expect(out.manifest.formatVersion).toBe(3);
    expect(out.manifest.counts).toEqual({ ...(manifest.counts as object), nameRules: 0 });
    expect(new TextDecoder().decode(out.entries.get(NAME_RULES_PATH) as Uint8Array)).toBe('[]');
    expect(out.manifest.entries).toEqual([...(manifest.entries as unknown[]), { path: NAME_RULES_PATH, sha256: sha256Hex(utf8('[]')), size: 2 }]);
    for (const [path, data] of entries) expect(out.entries.get(path)).toBe(data);
    expect(manifest.formatVersion).toBe(2); // the input is not modified
  });

  it('refuses a version-2 bundle that already carries a rules entry (not part of that format)', async () => {
    const r = await readBundle(await v2Bundle(undefined, (entries) => entries.set(NAME_RULES_PATH, utf8('[]'))));
    expect(r.ok ? 'ok' : r.error.code).toBe('migration-failed');
  });
});

describe('migration from format version 3 (no saved charts)', () => {
  it('is a pure step: an empty charts entry added and listed, every other entry and listing as it was', async () => {
    const v3 = tamper(new Uint8Array(await (await writeBundleBlob(sampleSnapshot(), SAMPLE_INFO)).arrayBuffer()), (entries, manifest) => {
      entries.delete(CHARTS_PATH);
      delete (manifest.counts as Record<string, unknown>).charts;
      manifest.formatVersion = 3;
    }, { createdAt: SAMPLE_INFO.createdAt });
    const zip = await readZip(await v3);
    if (!zip.ok) throw new Error('not a zip');
    const entries = new Map(zip.entries.filter((e) => e.name !== 'manifest.json').map((e) => [e.name, e.data] as const));
    const manifest = JSON.parse(new TextDecoder().decode(zip.entries.find((e) => e.name === 'manifest.json')!.data)) as Record<string, unknown>;
    const out = MIGRATIONS[3]!({ manifest, entries: new Map(entries) });
    expect(out.manifest.formatVersion).toBe(4);
    expect(out.manifest.counts).toEqual({ ...(manifest.counts as object), charts: 0 });
    expect(new TextDecoder().decode(out.entries.get(CHARTS_PATH) as Uint8Array)).toBe('[]');
    expect(out.manifest.entries).toEqual([...(manifest.entries as unknown[]), { path: CHARTS_PATH, sha256: sha256Hex(utf8('[]')), size: 2 }]);
    for (const [path, data] of entries) expect(out.entries.get(path)).toBe(data);
    const r = await readBundle(await v3);
    expect(r.ok && r.snapshot.charts).toEqual([]);
  });
});
