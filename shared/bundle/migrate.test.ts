import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent } from '../model';
import { readBundleBlob } from './bundle';
import { sha256Hex, utf8 } from './bytes';
import { MIGRATIONS } from './migrate';
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
    expect(Object.keys(MIGRATIONS)).toEqual(['0']);
  });

  it('reads a v0 bundle into the current snapshot, filling defaults', async () => {
    const r = await readBundle(v0Bundle({ cases: [s.case], actors: oldActors, events: s.events, documents: [], pages: {} }));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    expect(r.manifest.formatVersion).toBe(1);
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
