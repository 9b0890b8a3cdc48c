import { describe, expect, it } from 'vitest';
import { CASE_ID, inProcessClient, seededProfile } from './bundleFixtures';
import { byteParts, isStreamedParts, partsBlob } from '../../shared/bundle/parts';
import { isStreamedSealedParts, readBundleBlob, streamedSealedBlob } from '../../shared/bundle';
import type { ByteParts } from '../../shared/bundle';
import type { BundleResponse } from '../../renderer/workers/bundleProtocol';
import { createBundleHost } from '../../renderer/workers/bundleHost';
import { scryptInProcess } from '../../shared/bundle';
import type { ScryptFn } from '../../shared/bundle';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** A client whose host records each passphrase scrypt stretches (at a low work factor). */
function stretchingClient(db: Parameters<typeof inProcessClient>[0]) {
  const stretched: string[] = [];
  const scrypt: ScryptFn = (password, salt, logN) => { stretched.push(new TextDecoder().decode(password)); return scryptInProcess(password, salt, logN); };
  return { client: inProcessClient(db, { scryptWorkFactor: 10, scrypt }), stretched };
}

describe('streamed export (the desktop save writes the PDFs while the records are collected)', () => {
  it('sends the PDFs\' entries first, then the rest, then the end; head and rest are the bundle the parts export writes', async () => {
    const { db } = await seededProfile();
    const posted: BundleResponse[] = [];
    const host = createBundleHost({ openDb: async () => db, appVersion: '0.1.0', now: () => 1_900_000_000_000, post: (m) => posted.push(m) });
    host.handle({ type: 'export', id: 1, scope: { kind: 'library' }, as: 'streamed' });
    await host.idle();
    const kinds = posted.map((m) => m.type).filter((t) => t !== 'progress');
    expect(kinds).toEqual(['head', 'rest', 'exported']);
    const head = posted.find((m) => m.type === 'head');
    const rest = posted.find((m) => m.type === 'rest');
    if (head?.type !== 'head' || rest?.type !== 'rest') throw new Error('expected a head and a rest');
    // The head is the PDFs' entries: their bytes appear in it, nothing of the records does.
    expect(head.head.parts.parts.some((p) => p instanceof Blob)).toBe(true);
    expect(rest.parts.parts.some((p) => p instanceof Blob)).toBe(false);
    // A library backup's files are all known first: the same bytes as the export as parts.
    const client = inProcessClient(db);
    const whole = await client.exportBundleParts({ kind: 'library' });
    const streamed = await bytesOf(partsBlob(byteParts([...head.head.parts.parts, ...rest.parts.parts])));
    expect(streamed).toEqual(await bytesOf(partsBlob(whole.parts as ByteParts)));
    expect(head.head.suggestedName).toBe(whole.suggestedName);
    client.dispose();
  });

  it('a case whose records cite documents filed elsewhere: their files follow in the rest, and the bundle reads back whole', async () => {
    const { db } = await seededProfile();
    const client = inProcessClient(db);
    const streamed = await client.exportBundleStreamed({ kind: 'case', caseId: CASE_ID });
    if (!isStreamedParts(streamed.file)) throw new Error('expected streamed parts');
    const rest = await streamed.file.rest;
    const counts = await streamed.done;
    const read = await readBundleBlob(partsBlob(byteParts([...streamed.file.head.parts, ...rest.parts])));
    if (!read.ok) throw new Error(`${read.error.code}: ${read.error.message}`);
    const plain = await readBundleBlob((await client.exportBundle({ kind: 'case', caseId: CASE_ID })).blob);
    if (!plain.ok) throw new Error(plain.error.message);
    expect(read.snapshot.files.map((f) => f.sha256).sort()).toEqual(plain.snapshot.files.map((f) => f.sha256).sort());
    expect(read.snapshot.files.length).toBeGreaterThan(0);
    expect(read.snapshot.actors).toEqual(plain.snapshot.actors);
    expect(read.manifest.entries).toEqual(plain.manifest.entries);
    expect(counts).toEqual(read.manifest.counts);
    client.dispose();
  });

  it('with a passphrase: the age file of the same bundle, its header sent apart when scrypt is done', async () => {
    const { db } = await seededProfile();
    const client = inProcessClient(db, { scryptWorkFactor: 10 });
    const streamed = await client.exportBundleStreamed({ kind: 'library' }, { passphrase: 'correct horse' });
    expect(streamed.encrypted).toBe(true);
    expect(streamed.suggestedName).toMatch(/\.casefile\.age$/);
    if (!isStreamedSealedParts(streamed.file)) throw new Error('expected a streamed age file');
    expect((await streamed.file.header).length).toBe(streamed.file.headerLength);
    const read = await readBundleBlob(await streamedSealedBlob(streamed.file), { passphrase: 'correct horse' });
    expect(read.ok && read.encrypted && read.snapshot.actors.length > 0).toBe(true);
    client.dispose();
  });

  it('with the key prepared in the dialog: the export takes it instead of running scrypt, and the file opens with the passphrase', async () => {
    const { db } = await seededProfile();
    const { client, stretched } = stretchingClient(db);
    await client.prepareKey('correct horse');
    const streamed = await client.exportBundleStreamed({ kind: 'library' }, { passphrase: 'correct horse' });
    if (!isStreamedSealedParts(streamed.file)) throw new Error('expected a streamed age file');
    const read = await readBundleBlob(await streamedSealedBlob(streamed.file), { passphrase: 'correct horse' });
    expect(read.ok && read.encrypted && read.snapshot.actors.length > 0).toBe(true);
    expect(stretched).toEqual(['correct horse']);
    // The key was for one file: the next export stretches its own, and one with another passphrase never gets it.
    await client.prepareKey('a different one');
    const blob = await client.exportBundle({ kind: 'library' }, { passphrase: 'correct horse' });
    expect((await readBundleBlob(blob.blob, { passphrase: 'correct horse' })).ok).toBe(true);
    expect(stretched).toEqual(['correct horse', 'a different one', 'correct horse']);
    client.dispose();
  });

  it('opening an encrypted bundle: the passphrase stretched while typed is taken by the inspection; a wrong one typed first changes nothing', async () => {
    const { db } = await seededProfile();
    const { client, stretched } = stretchingClient(db);
    const file = (await client.exportBundle({ kind: 'library' }, { passphrase: 'correct horse' })).blob;
    stretched.length = 0;
    await client.prepareImportKey(file, 'correct hors');
    const wrong = await client.inspectBundle(file, { passphrase: 'correct hors' });
    expect(wrong.ok ? null : wrong.error.code).toBe('wrong-passphrase');
    expect(stretched).toEqual(['correct hors']);
    await client.prepareImportKey(file, 'correct horse');
    const opened = await client.inspectBundle(file, { passphrase: 'correct horse' });
    expect(opened.ok).toBe(true);
    expect(stretched).toEqual(['correct hors', 'correct horse']);
    // A plain bundle has nothing to stretch: the preparation ends at once.
    const plain = (await client.exportBundle({ kind: 'library' })).blob;
    await client.prepareImportKey(plain, 'anything');
    expect(stretched.length).toBe(2);
    client.dispose();
  });

  it('a failed collect rejects the export before anything is saved; a cancel stops the worker', async () => {
    const { db } = await seededProfile();
    const client = inProcessClient(db);
    await expect(client.exportBundleStreamed({ kind: 'case', caseId: '00000000-0000-4000-8000-000000000bad' })).rejects.toThrow(/no longer exists/);
    const controller = new AbortController();
    const job = client.exportBundleStreamed({ kind: 'library' }, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.sent.at(-1)).toMatchObject({ type: 'cancel' });
    client.dispose();
  });
});
