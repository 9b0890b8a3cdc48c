import { describe, expect, it, vi } from 'vitest';
import { readRowsShared } from './rowReader';
import type { RowReaderPort } from './rowReader';
import type { RowsAsk, RowsReply } from './segmentRowsProtocol';

type Row = { id: string };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A row reader answering from `rows` a tick later, as a worker's messages would; `answer` can change what it says. */
function fakeReader(answer: (ask: RowsAsk) => (RowsReply | 'error' | 'messageerror')[]) {
  const listeners: Record<'message' | 'error' | 'messageerror', ((event: never) => void)[]> = { message: [], error: [], messageerror: [] };
  const asks: RowsAsk[] = [];
  const port = {
    terminated: false,
    postMessage(ask: RowsAsk) {
      asks.push(ask);
      void tick().then(() => {
        if (port.terminated) return;
        for (const data of answer(ask)) {
          if (data === 'error' || data === 'messageerror') for (const l of listeners[data]) l(new Event(data) as never);
          else for (const l of listeners.message) l({ data } as never);
        }
      });
    },
    addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: never) => void) { listeners[type].push(listener); },
    terminate() { port.terminated = true; },
  };
  return { port: port as RowReaderPort & { terminated: boolean }, asks };
}

const order = ['records-1', 'p1', 'p2', 'p3', 'p4', 'p5'];
const rowOf = (id: string): Row => ({ id });

describe('start-up rows read by two threads', () => {
  it('asks the reader for every other row and reads the rest itself: every row handed over once, each read once', async () => {
    const read = vi.fn(async (id: string) => rowOf(id));
    const { port, asks } = fakeReader((ask) => ask.ids.map((id) => ({ type: 'row', id, row: rowOf(id) as never })));
    const rows = readRowsShared(order, read, port, 4, 24);
    const taken = await Promise.all(order.map((id) => rows.take(id)));
    expect(taken).toEqual(order.map(rowOf));
    expect(asks).toEqual([{ ids: ['p1', 'p3', 'p5'], inFlight: 4 }]);
    expect(read.mock.calls.map(([id]) => id).sort()).toEqual(['p2', 'p4', 'records-1']);
  });

  it('gives the reader at most `held` rows: past twice that, every row is read here', async () => {
    const read = vi.fn(async (id: string) => rowOf(id));
    const { port, asks } = fakeReader((ask) => ask.ids.map((id) => ({ type: 'row', id, row: rowOf(id) as never })));
    const rows = readRowsShared(order, read, port, 1, 2);
    expect(await Promise.all(order.map((id) => rows.take(id)))).toEqual(order.map(rowOf));
    expect(asks[0]!.ids).toEqual(['p1', 'p3']);
  });

  it('reads the rows itself when the reader has no database to read, fails to start, or a row cannot be received', async () => {
    for (const answer of [(): RowsReply[] => [{ type: 'unavailable' }], () => ['error' as const], () => ['messageerror' as const]]) {
      const read = vi.fn(async (id: string) => rowOf(id));
      const { port } = fakeReader(answer);
      const rows = readRowsShared(order, read, port, 2, 24);
      expect(await Promise.all(order.map((id) => rows.take(id)))).toEqual(order.map(rowOf));
      expect(read.mock.calls.map(([id]) => id).sort()).toEqual([...order].sort());
      expect(port.terminated).toBe(true);
    }
  });

  it('after a reader stops half-way, reads only the rows it had not given', async () => {
    const read = vi.fn(async (id: string) => rowOf(id));
    const { port } = fakeReader(() => [{ type: 'row', id: 'p1', row: rowOf('p1') as never }, 'error']);
    const rows = readRowsShared(order, read, port, 2, 24);
    expect(await Promise.all(order.map((id) => rows.take(id)))).toEqual(order.map(rowOf));
    expect(read.mock.calls.map(([id]) => id).sort()).toEqual(['p2', 'p3', 'p4', 'p5', 'records-1']);
  });

  it('a row the reader failed to read fails where it is taken, as a failed read here does', async () => {
    const { port } = fakeReader((ask) => ask.ids.map((id) => (id === 'p3' ? { type: 'failed', id, message: 'disk' } : { type: 'row', id, row: rowOf(id) as never })));
    const rows = readRowsShared(order, async (id) => rowOf(id), port, 4, 24);
    await expect(rows.take('p3')).rejects.toThrow('disk');
    expect(await rows.take('p5')).toEqual(rowOf('p5'));
  });

  it('without a reader, reads every row itself', async () => {
    const read = vi.fn(async (id: string) => rowOf(id));
    const rows = readRowsShared(order, read, null, 4, 24);
    expect(await Promise.all(order.map((id) => rows.take(id)))).toEqual(order.map(rowOf));
    expect(read).toHaveBeenCalledTimes(order.length);
  });
});
