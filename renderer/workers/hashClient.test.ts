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

  it('spreads the files over two workers, the one with fewer waiting first; one that dies ends both', async () => {
    const lanes = [fakeWorker(), fakeWorker()];
    const asked = lanes.map(() => 0);
    lanes.forEach((w, i) => { const post = w.postMessage.bind(w); w.postMessage = (m) => { asked[i]!++; post(m); }; });
    let started = 0;
    const hasher = createFileHasher(() => lanes[started++] ?? null, 2)!;
    const files = Array.from({ length: 6 }, (_, i) => new Blob([new TextEncoder().encode(`%PDF-1.7 file ${i}`)]));
    const digests = await Promise.all(files.map((f) => hasher.digestFile(f, {})));
    expect(digests).toEqual(await Promise.all(files.map((f) => digestBlob(f))));
    expect(asked).toEqual([3, 3]);
    const silent = [fakeWorker('silent'), fakeWorker('silent')];
    let n = 0;
    const stuck = createFileHasher(() => silent[n++] ?? null, 2)!;
    const a = stuck.digestFile(files[0]!, {});
    const b = stuck.digestFile(files[1]!, {});
    silent[1]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(a).rejects.toThrow('The file-checking worker stopped: out of memory.');
    await expect(b).rejects.toThrow('The file-checking worker stopped: out of memory.');
    expect(silent.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('is null where no worker can start (the reader then hashes on its own thread)', () => {
    expect(createFileHasher(() => null)).toBeNull();
    expect(createFileHasher()).toBeNull(); // Node: no Worker
  });
});
