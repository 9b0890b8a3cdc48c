import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/search';
import type { SearchRequest, SearchResponse } from '../workers/searchProtocol';
import { createSearchClient } from './searchClient';
import type { SearchWorkerLike } from './searchClient';

const results = (note: string): SearchResults => ({
  groups: {
    actor: { count: 0, exact: true, hits: [] }, event: { count: 0, exact: true, hits: [] },
    document: { count: 0, exact: true, hits: [] }, page: { count: 0, exact: true, hits: [] },
  },
  tookMs: 1, notes: [note],
});

function fakeWorker() {
  const sent: SearchRequest[] = [];
  const worker: SearchWorkerLike = {
    postMessage: (m) => { sent.push(m); },
    terminate: () => undefined,
    onmessage: null,
    onerror: null,
  };
  const reply = (m: SearchResponse) => worker.onmessage?.({ data: m } as MessageEvent<SearchResponse>);
  return { worker, sent, reply };
}

describe('search client', () => {
  it('resolves a superseded search with the newer one of the same caller', async () => {
    const fake = fakeWorker();
    const client = createSearchClient(() => fake.worker);
    const older = client.search('gu');
    const newer = client.search('guzman', { kinds: ['actor'] }, { limit: 5 });
    const other = client.search('tarata', undefined, { caller: 'mentions' });
    expect(fake.sent).toEqual([
      { type: 'search', id: 1, caller: 'default', input: 'gu' },
      { type: 'search', id: 2, caller: 'default', input: 'guzman', filters: { kinds: ['actor'] }, limit: 5 },
      { type: 'search', id: 3, caller: 'mentions', input: 'tarata' },
    ]);
    fake.reply({ type: 'superseded', id: 1, by: 2 });
    fake.reply({ type: 'result', id: 3, results: results('tarata') });
    fake.reply({ type: 'result', id: 2, results: results('guzman') });
    expect((await older).notes).toEqual(['guzman']);
    expect((await newer).notes).toEqual(['guzman']);
    expect((await other).notes).toEqual(['tarata']);
  });

  it('reports status, cancels on abort and fails pending searches when the worker dies', async () => {
    const fake = fakeWorker();
    const client = createSearchClient(() => fake.worker);
    const seen: unknown[] = [];
    const stop = client.onStatus((s) => seen.push(s));
    expect(client.status()).toEqual({ ready: false, indexing: null, error: null });
    fake.reply({ type: 'status', status: { ready: true, indexing: { done: 1, total: 3 }, error: null } });
    expect(client.status()).toEqual({ ready: true, indexing: { done: 1, total: 3 }, error: null });
    stop();
    fake.reply({ type: 'status', status: { ready: true, indexing: null, error: null } });
    expect(seen).toHaveLength(1);

    const controller = new AbortController();
    const aborted = client.search('x', undefined, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.sent.at(-1)).toEqual({ type: 'cancel', id: 1 });

    const pending = client.search('y');
    fake.worker.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(pending).rejects.toThrow('boom');
    expect(client.status()).toMatchObject({ ready: false, error: { kind: 'unavailable', detail: 'boom' } });
  });
});
