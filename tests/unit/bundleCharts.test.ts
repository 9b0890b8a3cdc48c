import { describe, expect, it } from 'vitest';
import { actorNodeId } from '../../shared/chart/types';
import type { SavedChart } from '../../shared/chart/savedChart';
import { listCharts, saveChart } from '../../renderer/db/charts';
import { ARTEMIO, CASE_ID, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

const chart = (over: Partial<SavedChart> = {}): SavedChart => ({
  id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', caseId: CASE_ID, name: 'Artemio’s network', createdAt: 1_800_000_000_000, updatedAt: 1_800_000_000_500,
  nodes: [{ id: actorNodeId(ARTEMIO), x: 12.5, y: -40, pinned: true }, { id: actorNodeId('f98be2ce-1ad1-4e8f-9e47-54d4b0ef4a8f'), x: 100, y: 20, pinned: false }],
  hidden: [], edgeKinds: ['membership', 'co-mention'], at: '2000-06-01', ...over,
});

describe('saved link charts travel in case bundles (format 4)', () => {
  it('a case exported with its chart and imported into an empty profile keeps the chart, nodes, positions and filters', async () => {
    const { db: source } = await seededProfile();
    expect((await saveChart(source, chart())).ok).toBe(true);
    const exported = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    expect(exported.counts.charts).toBe(1);

    const target = await freshDb();
    const client = inProcessClient(target);
    const inspected = await client.inspectBundle(exported.blob);
    if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
    expect(inspected.preview.bundle.formatVersion).toBe(4);
    await client.applyImport(inspected.preview.token, {});
    expect(await listCharts(target, CASE_ID)).toEqual([chart()]);
  });

  it('a chart the library already has stays as the library has it', async () => {
    const { db: source } = await seededProfile();
    await saveChart(source, chart());
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    const target = await freshDb();
    const client = inProcessClient(target);
    const first = await client.inspectBundle(blob);
    if (!first.ok) throw new Error(first.error.message);
    await client.applyImport(first.preview.token, {});
    await saveChart(target, chart({ name: 'Renamed here', updatedAt: 1_900_000_000_000 }));
    const again = await client.inspectBundle(blob);
    if (!again.ok) throw new Error(again.error.message);
    await client.applyImport(again.preview.token, {});
    expect((await listCharts(target, CASE_ID)).map((c) => c.name)).toEqual(['Renamed here']);
  });
});
