import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPickedFiles, type PickedFilesFs } from './pickedFiles';
import { plainBytes } from './plainBytes';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-picked-'));
  await writeFile(path.join(dir, 'a.pdf'), '%PDF-1.7 a');
  await writeFile(path.join(dir, 'b.pdf'), '%PDF-1.4 b');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readPickedFiles', () => {
  it('reads names and bytes as plain Uint8Arrays', async () => {
    const files = await readPickedFiles([path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf')]);
    expect(files.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('%PDF-1.7 a');
    expect(Buffer.isBuffer(files[0]?.bytes)).toBe(false);
  });

  it('returns [] for no paths', async () => {
    expect(await readPickedFiles([])).toEqual([]);
  });

  it('refuses oversized files before reading any', async () => {
    let reads = 0;
    const fs: PickedFilesFs = {
      stat: async (p) => ({ size: p.endsWith('big.pdf') ? 600 * 1024 * 1024 : 10, isFile: () => true }),
      readFile: async () => {
        reads += 1;
        return new Uint8Array(1);
      },
    };
    await expect(readPickedFiles(['/x/small.pdf', '/x/big.pdf'], fs)).rejects.toThrow('"big.pdf" is larger than 512 MB');
    expect(reads).toBe(0);
  });

  it('refuses directories and missing files', async () => {
    await expect(readPickedFiles([dir])).rejects.toThrow(/is not a file/);
    await expect(readPickedFiles([path.join(dir, 'missing.pdf')])).rejects.toThrow(/ENOENT/);
  });
});

describe('plainBytes', () => {
  it('does not copy a view that spans its buffer', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(plainBytes(whole).buffer).toBe(whole.buffer);
  });
  it('copies a view into a larger buffer', () => {
    const slab = new Uint8Array([0, 1, 2, 3, 4]);
    const view = slab.subarray(1, 3);
    const copy = plainBytes(view);
    expect([...copy]).toEqual([1, 2]);
    expect(copy.buffer.byteLength).toBe(2);
  });
});
