/**
 * A plain Uint8Array over exactly the given bytes. Node Buffers may be views into a
 * larger pooled slab, and IPC and Response would then carry the whole slab; when the
 * view already spans its buffer, no copy is made (files can be hundreds of MB).
 */
export function plainBytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer) {
    return new Uint8Array(view.buffer);
  }
  return new Uint8Array(view);
}
