import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../../shared/chart/forceLayout';
import type { ChartLayoutRequest, ChartLayoutResponse } from '../../workers/chartLayoutProtocol';
import type { LayoutWorkerLike } from './layoutClient';
import { createLayoutClient } from './layoutClient';

/** A worker stand-in that runs the real layout when told to, so a test can cancel before it answers. */
function fakeWorkers() {
  const made: { worker: LayoutWorkerLike; terminated: boolean; requests: ChartLayoutRequest[]; answer(): void }[] = [];
  const create = (): LayoutWorkerLike => {
    const entry = {
      terminated: false, requests: [] as ChartLayoutRequest[],
      worker: {
        onmessage: null, onerror: null,
        postMessage(message: ChartLayoutRequest) { entry.requests.push(message); },
        terminate() { entry.terminated = true; },
      } as LayoutWorkerLike,
      answer() {
        const r = entry.requests.at(-1)!;
        forceLayout(r);
        const reply: ChartLayoutResponse = { type: 'done', id: r.id, x: r.x, y: r.y, ms: 1 };
        entry.worker.onmessage?.({ data: reply } as MessageEvent<ChartLayoutResponse>);
      },
    };
    made.push(entry);
    return entry.worker;
  };
  return { made, create };
}

const inputs = (fresh = false) => ({
  ids: ['a', 'b', 'c'], edges: [['a', 'b'], ['b', 'c']] as const, positions: { a: { x: 5, y: 5 } }, pinned: new Set(['a']), fresh,
});

describe('chart layout client', () => {
  it('sends indexes and starting positions, keeps pinned nodes fixed, and hands back positions by id', async () => {
    const { made, create } = fakeWorkers();
    const client = createLayoutClient(create);
    const job = client.run(inputs(), () => undefined);
    const req = made[0]!.requests[0]!;
    expect([...req.edges]).toEqual([0, 1, 1, 2]);
    expect([...req.fixed]).toEqual([1, 0, 0]);
    expect(req.x[0]).toBe(5);
    expect(Number.isNaN(req.x[1]!)).toBe(true);
    made[0]!.answer();
    const r = await job.result;
    expect(r!.positions.get('a')).toEqual({ x: 5, y: 5 });
    expect(Number.isFinite(r!.positions.get('c')!.x)).toBe(true);
  });

  it('Cancel and a newer layout end the running one (its worker terminated) with no result', async () => {
    const { made, create } = fakeWorkers();
    const client = createLayoutClient(create);
    const first = client.run(inputs(), () => undefined);
    first.cancel();
    expect(await first.result).toBeNull();
    expect(made[0]!.terminated).toBe(true);
    const second = client.run(inputs(true), () => undefined);
    const third = client.run(inputs(true), () => undefined);
    expect(await second.result).toBeNull();
    expect(made).toHaveLength(3);
    made[2]!.answer();
    expect((await third.result)?.positions.size).toBe(3);
  });
});
