/**
 * SHA-1 of a file's bytes, lowercase hex: FollowTheMoney's `contentHash`, the key Aleph
 * files a document's bytes under. WebCrypto exists in browsers, workers and Node 22;
 * shared/ has no DOM types, hence the narrow cast.
 */
interface Subtle { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> }
const subtle = (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;

export async function sha1Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-1', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-1 per SHA-256 for a bundle's files, the map `exportFtm` takes as `contentSha1`. */
export async function contentSha1Map(files: readonly { sha256: string; bytes: Uint8Array }[]): Promise<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const f of files) map[f.sha256] = await sha1Hex(f.bytes);
  return map;
}
