import { fromUtf8, sha256Hex, utf8 } from '../bytes';
import { MANIFEST_PATH } from '../manifest';
import { readZip } from '../zipRead';
import { writeZip } from '../zipWrite';

/**
 * Tests only: rewrites a valid bundle's entries. With `rehash` the manifest is brought back in
 * line, so only the change itself is wrong; without it, the manifest still describes the original.
 */
export async function tamper(
  bundle: Uint8Array,
  change: (entries: Map<string, Uint8Array>, manifest: Record<string, unknown>) => void,
  opts: { rehash?: boolean; createdAt?: number; method?: 'store' | 'deflate' } = {},
): Promise<Uint8Array> {
  const zip = await readZip(bundle);
  if (!zip.ok) throw new Error('fixture is not a zip');
  const entries = new Map(zip.entries.map((e) => [e.name, e.data]));
  const manifest = JSON.parse(fromUtf8(entries.get(MANIFEST_PATH) ?? new Uint8Array()) ?? '') as Record<string, unknown>;
  entries.delete(MANIFEST_PATH);
  change(entries, manifest);
  if (opts.rehash ?? true) manifest.entries = [...entries].map(([path, data]) => ({ path, sha256: sha256Hex(data), size: data.length }));
  const method = opts.method ?? 'deflate';
  return writeZip([{ name: MANIFEST_PATH, data: utf8(JSON.stringify(manifest)), method: 'deflate' },
    ...[...entries].map(([name, data]) => ({ name, data, method }))], opts.createdAt ?? 0);
}

/**
 * A `tamper` change that breaks two things at once: an actor of a kind the model does not know
 * (its entry re-listed, so only its content is wrong), and one PDF's last byte flipped behind the
 * manifest's back (same size, other bytes: only hashing the file finds it). The records' problem
 * is the one a reader must name.
 */
export function invalidRecordAndChangedPdf(entries: Map<string, Uint8Array>, manifest: Record<string, unknown>): void {
  const actors = JSON.parse(fromUtf8(entries.get('records/actors.json') ?? new Uint8Array()) ?? '') as Record<string, unknown>[];
  actors[0]!.kind = 'wizard';
  const bytes = utf8(JSON.stringify(actors));
  entries.set('records/actors.json', bytes);
  const listed = (manifest.entries as { path: string; sha256: string; size: number }[]).find((x) => x.path === 'records/actors.json')!;
  Object.assign(listed, { sha256: sha256Hex(bytes), size: bytes.length });
  const name = [...entries.keys()].find((n) => n.startsWith('files/'))!;
  const pdf = entries.get(name)!.slice();
  pdf[pdf.length - 1]! ^= 1;
  entries.set(name, pdf);
}
