import { describe, expect, it } from 'vitest';
import { digestBlob } from '../../shared/bundle/stream';
import type { HashRequest, HashResponse } from './hashClient';
import { createFileHasher } from './hashClient';
import type { WorkerPort } from './workerPort';

/** A stand-in for hash.worker.ts: digests in this realm, answering asynchronously, or fails as told. */
function fakeWorker(mode: 'answer' | 'error-reply' | 'silent' = 'answer') {
  const port: WorkerPort<HashRequest, HashResponse> & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (mode === 'silent') return;
      const { id, blob } = message;
      void digestBlob(blob).then((digest) => port.onmessage?.({ data: mode === 'answer' ? { id, digest } : { id, error: 'The file could not be read.' } } as MessageEvent<HashResponse>));
    },
    terminate() { port.terminated = true; },
  };
  return port;
}

describe('createFileHasher', () => {
  const blob = new Blob([new TextEncoder().encode('%PDF-1.7 a small file')]);

  it('answers with what digestBlob gives here', async () => {
    const hasher = createFileHasher(() => fakeWorker())!;
    expect(await hasher.digestFile(blob, {})).toEqual(await digestBlob(blob));
    hasher.close();
  });

  it('passes on a file the worker could not read', async () => {
    const hasher = createFileHasher(() => fakeWorker('error-reply'))!;
    await expect(hasher.digestFile(blob, {})).rejects.toThrow('The file could not be read.');
    hasher.close();
  });

  it('close ends the worker and stops every digest still waiting', async () => {
    const worker = fakeWorker('silent');
    const hasher = createFileHasher(() => worker)!;
    const waiting = hasher.digestFile(blob, {});
    hasher.close();
    expect(worker.terminated).toBe(true);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await expect(hasher.digestFile(blob, {})).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a cancel stops a digest at once', async () => {
    const hasher = createFileHasher(() => fakeWorker('silent'))!;
    const controller = new AbortController();
    const waiting = hasher.digestFile(blob, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    hasher.close();
  });

  it('a worker that dies fails what it was asked, with a sentence, and whatever is asked after', async () => {
    const worker = fakeWorker('silent');
    const hasher = createFileHasher(() => worker)!;
    const waiting = hasher.digestFile(blob, {});
    worker.onerror?.({ message: '' } as ErrorEvent);
    await expect(waiting).rejects.toThrow(/file-checking worker stopped/);
    expect(worker.terminated).toBe(true);
    await expect(hasher.digestFile(blob, {})).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('is null where no worker can start (the reader then hashes on its own thread)', () => {
    expect(createFileHasher(() => null)).toBeNull();
    expect(createFileHasher()).toBeNull(); // Node: no Worker
  });
});
