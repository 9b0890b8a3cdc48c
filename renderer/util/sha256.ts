/**
 * SHA-256 of a file's bytes as 64 lowercase hex digits: a document's identity in the
 * library. WebCrypto's digest exists in Chromium, in workers and in Node 22, so the
 * same code hashes in the app and in tests. Hash before opening a database
 * transaction: awaiting WebCrypto inside one would let IndexedDB commit it early.
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', asDigestInput(bytes));
  return toHex(new Uint8Array(digest));
}

/** Reads the Blob (or File) once and hashes it. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}

/** A view over a plain ArrayBuffer, as digest() accepts; views over a SharedArrayBuffer are copied. */
function asDigestInput(bytes: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> {
  if (!(bytes instanceof Uint8Array)) return new Uint8Array(bytes);
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  return new Uint8Array(bytes);
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
