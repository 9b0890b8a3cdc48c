// The column storage a segment reads from: string columns as string[] (built, merged) or as
// views over stored bytes (loaded, format 4: decoded a row at a time, never all at start-up),
// the dictionary as one string cut by offsets, and where a pages segment's positions are.
// segment.ts builds and reads segments over these; persist.ts stores and loads them.

/** A column of strings: a string[], or a view over stored bytes. */
export interface StringList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** A column of name lists (string[][] or a stored view). */
export interface NameList {
  readonly length: number;
  at(index: number): readonly string[] | undefined;
}

// TextEncoder/TextDecoder exist in workers, browsers and Node; shared/ has no DOM types, hence the cast.
interface Utf8Globals {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as Utf8Globals;
const utf8 = new codecs.TextDecoder('utf-8', { ignoreBOM: true });

/** Strings → UTF-8 back to back + the offsets Utf8Strings reads them by. */
export function encodeStrings(list: StringList): { bytes: Uint8Array; ends: Uint32Array } {
  const encoder = new codecs.TextEncoder();
  const parts: Uint8Array[] = [];
  const ends = new Uint32Array(list.length + 1);
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const s = list.at(i) ?? '';
    if (s) { const b = encoder.encode(s); parts.push(b); total += b.length; }
    ends[i + 1] = total;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of parts) { bytes.set(b, at); at += b.length; }
  return { bytes, ends };
}

/** Strings stored as UTF-8 back to back: `ends[i]`..`ends[i + 1]` is string i; decoded when read. */
export class Utf8Strings implements StringList {
  constructor(readonly bytes: Uint8Array, readonly ends: Uint32Array) {}
  get length(): number { return this.ends.length - 1; }
  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.ends.length - 1)) return undefined;
    const start = this.ends[index]!;
    const end = this.ends[index + 1]!;
    return start === end ? '' : utf8.decode(this.bytes.subarray(start, end));
  }
}

/** Between the names of one row in a stored name column (names are one line each). */
export const NAME_SEPARATOR = '\u001f';

/** A stored name column: each row's names joined by NAME_SEPARATOR. */
export class StoredNames implements NameList {
  constructor(readonly joined: StringList) {}
  get length(): number { return this.joined.length; }
  at(index: number): readonly string[] | undefined {
    const s = this.joined.at(index);
    return s === undefined ? undefined : s ? s.split(NAME_SEPARATOR) : [];
  }
}

/** Where a pages segment's positions are: a Blob in the app (read by range), bytes in tests. */
export interface PositionSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  /** Set when the bytes are in memory (read without I/O). */
  readonly inMemory?: Uint8Array;
}

export function bytesSource(bytes: Uint8Array): PositionSource {
  return {
    size: bytes.length,
    inMemory: bytes,
    slice: (start, end) => ({ arrayBuffer: () => Promise.resolve(bytes.slice(start, end).buffer) }),
  };
}

/**
 * A sorted dictionary of surface forms: a string[] in built and merged segments, a view over
 * one string in loaded ones (JoinedTerms), so loading splits nothing.
 */
export interface TermList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Terms stored back to back in one string; `ends[i]`..`ends[i + 1]` is term i (terms + 1 offsets). */
export class JoinedTerms implements TermList {
  constructor(readonly text: string, readonly ends: Uint32Array) {}
  get length(): number { return this.ends.length - 1; }
  at(index: number): string | undefined {
    return index >= 0 && index < this.ends.length - 1 ? this.text.slice(this.ends[index]!, this.ends[index + 1]!) : undefined;
  }
  /**
   * Term `index`'s first `length` code units (all of it when longer than the term) compared
   * with `word` as `<` orders strings (UTF-16 code units), in place: a dictionary lookup's
   * binary search cuts no string out (~17 probes per lookup, thousands of lookups per query).
   */
  compareAt(index: number, word: string, length = Infinity): number {
    const start = this.ends[index]!;
    const end = Math.min(this.ends[index + 1]!, start + length);
    const text = this.text;
    const n = Math.min(end - start, word.length);
    for (let i = 0; i < n; i++) {
      const d = text.charCodeAt(start + i) - word.charCodeAt(i);
      if (d !== 0) return d;
    }
    return end - start - word.length;
  }
}

/** `terms.at(index)` (its first `length` code units) compared with `word` in `<` order, without cutting a string out of a joined dictionary. */
export function compareTerm(terms: TermList, index: number, word: string, length = Infinity): number {
  if (terms instanceof JoinedTerms) return terms.compareAt(index, word, length);
  const t = length === Infinity ? terms.at(index)! : terms.at(index)!.slice(0, length);
  return t < word ? -1 : t > word ? 1 : 0;
}
