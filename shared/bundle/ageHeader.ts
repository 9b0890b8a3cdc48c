import { fromUtf8, utf8 } from './bytes';

/**
 * The age v1 header (https://age-encryption.org/v1, C2SP age.md): text lines up to the MAC
 * line, then the binary payload. Parsed strictly, as the spec asks (canonical base64 without
 * padding, 64-column stanza bodies, printable arguments), so what this reader accepts is what
 * `age` accepts. Pure: no crypto here (ageCrypto.ts).
 */

export const AGE_MAGIC = 'age-encryption.org/v1';
export const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** A header larger than this is not one a passphrase or a handful of recipients make. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface Stanza {
  type: string;
  args: string[];
  body: Uint8Array;
}

export interface AgeHeader {
  stanzas: Stanza[];
  /** The header bytes the MAC covers: everything up to and including "---". */
  macInput: Uint8Array;
  mac: Uint8Array;
  /** Where the payload (its 16-byte nonce, then the chunks) starts. */
  payloadOffset: number;
}

/** Why a header could not be read; the reader turns it into a message. */
export class AgeHeaderError extends Error {
  override readonly name = 'AgeHeaderError';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function base64NoPad(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >>> 18]! + B64[(n >>> 12) & 63]! + B64[(n >>> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >>> 18]! + B64[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >>> 18]! + B64[(n >>> 12) & 63]! + B64[(n >>> 6) & 63]!;
  }
  return out;
}

/** Strict, canonical base64 without padding (unused trailing bits must be zero), or null. */
export function fromBase64NoPad(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0, bits = 0, at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >>> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

const ARG = /^[\x21-\x7e]+$/;

/**
 * Reads the header from the first bytes of a file (at most MAX_HEADER_BYTES). Throws
 * AgeHeaderError naming what is wrong; `truncated` when the bytes end before the MAC line.
 */
export function parseHeader(head: Uint8Array): AgeHeader {
  let at = 0;
  const line = (): string => {
    const nl = head.indexOf(0x0a, at);
    if (nl < 0) throw new AgeHeaderError(head.length >= MAX_HEADER_BYTES ? 'the header is far longer than any age header' : 'the file ends inside its header');
    const text = fromUtf8(head.subarray(at, nl));
    if (text === null || !/^[\x20-\x7e]*$/.test(text)) throw new AgeHeaderError('the header holds characters an age header never has');
    at = nl + 1;
    return text;
  };
  if (line() !== AGE_MAGIC) throw new AgeHeaderError('the first line is not age\'s version line');
  const stanzas: Stanza[] = [];
  for (;;) {
    const start = at;
    const text = line();
    if (text.startsWith('--- ')) {
      const mac = fromBase64NoPad(text.slice(4));
      if (!mac || mac.length !== 32) throw new AgeHeaderError('the header\'s MAC line is malformed');
      return { stanzas, macInput: head.slice(0, start + 3), mac, payloadOffset: at };
    }
    if (!text.startsWith('-> ')) throw new AgeHeaderError('a header line is neither a recipient stanza nor the MAC line');
    const args = text.slice(3).split(' ');
    if (args.length === 0 || args.some((a) => !ARG.test(a))) throw new AgeHeaderError('a recipient stanza\'s arguments are malformed');
    const chunks: Uint8Array[] = [];
    for (;;) {
      const bodyLine = line();
      if (bodyLine.length > 64) throw new AgeHeaderError('a recipient stanza\'s body line is too long');
      const bytes = fromBase64NoPad(bodyLine);
      if (!bytes) throw new AgeHeaderError('a recipient stanza\'s body is not valid base64');
      chunks.push(bytes);
      if (bodyLine.length < 64) break;
    }
    const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let o = 0;
    for (const c of chunks) { body.set(c, o); o += c.length; }
    stanzas.push({ type: args[0]!, args: args.slice(1), body });
  }
}

/** The header's text up to and including "---" (what the MAC covers). */
export function headerMacInput(stanzas: readonly Stanza[]): Uint8Array {
  let text = `${AGE_MAGIC}\n`;
  for (const s of stanzas) {
    text += `-> ${[s.type, ...s.args].join(' ')}\n`;
    const b64 = base64NoPad(s.body);
    // Lines of 64 columns; the last is always shorter (an empty one when the body fills the previous).
    for (let i = 0; i <= b64.length; i += 64) text += `${b64.slice(i, i + 64)}\n`;
  }
  return utf8(`${text}---`);
}

/** The whole header: MAC input, the MAC, newline. */
export function headerBytes(macInput: Uint8Array, mac: Uint8Array): Uint8Array {
  const tail = utf8(` ${base64NoPad(mac)}\n`);
  const out = new Uint8Array(macInput.length + tail.length);
  out.set(macInput);
  out.set(tail, macInput.length);
  return out;
}

/**
 * What an age file is encrypted to, from its first stanza types: a passphrase (scrypt), one
 * or more keys (X25519, SSH, plugins), or armored text (not read further).
 */
export type AgeKind = 'passphrase' | 'key' | 'armored';

export function kindOf(stanzas: readonly Stanza[]): 'passphrase' | 'key' {
  return stanzas.some((s) => s.type === 'scrypt') ? 'passphrase' : 'key';
}

/** The recipient types, for messages ("X25519", "ssh-ed25519"…), without duplicates. */
export function recipientTypes(stanzas: readonly Stanza[]): string[] {
  return [...new Set(stanzas.map((s) => s.type))];
}
