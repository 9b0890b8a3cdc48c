// A trie keyed by folded words. Scanning tries each page word as the start of a name and
// walks at most as many words as the longest name has, so a page costs about one hash
// lookup per word however many names there are. Aho–Corasick would save the re-walks
// from each start, but names are 1–5 words and almost every walk stops after one lookup
// (docs/mentions.md has the measurements), and a plain trie makes add/remove trivial.
import { COMMON_SURNAMES_SET, COMMON_WORDS } from './commonWords';
import { COMMON_FIRST_NAMES } from './firstNames';
import { ARTICLES, PARTICLES } from './rules';
import { tokenize, wordHash, type PageTokens } from './tokens';
import type { NameEntry } from './types';

export interface CompiledEntry {
  readonly entry: NameEntry;
  readonly words: readonly string[];
  /** Whether each word of the name starts with a capital as the case records it. */
  readonly caps: readonly boolean[];
  /**
   * A with-cue recorded name made of ordinary words ("Tigre", "La Flaca", "El Viejo"), none
   * of them a first name or a surname. Written with a capital in the middle of a sentence, such a
   * word is a name; a first name or surname there is still anyone's.
   */
  readonly wordName: boolean;
  /** How many words the name has besides articles and particles ("El Contador": 1). */
  readonly contentWords: number;
  /** An acronym ("FLS", "CDT"): every letter a capital. */
  readonly acronym: boolean;
}

/**
 * A node's entries sorted for the rule pass. A common surname can be the family name of
 * hundreds of actors; most of them need a cue, so the rule pass looks at `withCue` as a
 * block and reaches single actors through `byActor` only when one is named nearby.
 */
export interface EntryGroups {
  readonly anywhere: readonly CompiledEntry[];
  readonly withCue: readonly CompiledEntry[];
  /** The `withCue` entries made of ordinary words, which a capital alone can accept. */
  readonly wordNames: readonly CompiledEntry[];
  readonly byActor: ReadonlyMap<string, readonly CompiledEntry[]>;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  entries: CompiledEntry[] | undefined;
  groups: EntryGroups | undefined;
}

/** A run of page words [from, to) that spells one or more recorded names. */
export interface RawMatch {
  readonly from: number;
  readonly to: number;
  readonly entries: readonly CompiledEntry[];
  readonly groups: EntryGroups;
}

function groupEntries(entries: readonly CompiledEntry[]): EntryGroups {
  const anywhere: CompiledEntry[] = [];
  const withCue: CompiledEntry[] = [];
  const wordNames: CompiledEntry[] = [];
  const byActor = new Map<string, CompiledEntry[]>();
  for (const c of entries) {
    if (c.entry.rule === 'never') continue;
    (c.entry.rule === 'anywhere' ? anywhere : withCue).push(c);
    if (c.entry.rule === 'with-cue' && c.wordName) wordNames.push(c);
    const list = byActor.get(c.entry.actorId);
    if (list) list.push(c);
    else byActor.set(c.entry.actorId, [c]);
  }
  return { anywhere, withCue, wordNames, byActor };
}

const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const newNode = (): TrieNode => ({ next: undefined, entries: undefined, groups: undefined });

export function compileEntry(entry: NameEntry): CompiledEntry | undefined {
  const t = tokenize(entry.name);
  if (t.words.length === 0) return undefined;
  const caps = t.starts.map((s) => UPPER_START.test(entry.name.slice(s)));
  // Counted without allocating: a full rebuild compiles some 50,000 entries.
  // Only a with-cue name can need its capital to be accepted, so only those are looked up.
  let contentWords = 0;
  let ordinary = entry.rule === 'with-cue' && entry.source === 'name';
  for (const w of t.words) {
    if (ARTICLES.has(w) || PARTICLES.has(w)) continue;
    contentWords++;
    ordinary &&= COMMON_WORDS.has(w) && !COMMON_FIRST_NAMES.has(w) && !COMMON_SURNAMES_SET.has(w);
  }
  const wordName = contentWords > 0 && ordinary;
  const acronym = t.words.length === 1 && entry.name.length <= 12 && ACRONYM.test(entry.name.trim());
  return { entry, words: t.words, caps, wordName, acronym, contentWords };
}

const sameEntry = (a: NameEntry, b: NameEntry): boolean =>
  a.actorId === b.actorId && a.name === b.name && a.source === b.source;

const FIRST_BITS_MASK = (1 << 20) - 1;

/** A first word of some name, among those sharing its `wordHash`. */
interface RootSlot { readonly word: string; readonly node: TrieNode; next: RootSlot | undefined }

export class NameTrie {
  private readonly root = newNode();
  /**
   * The root's children again, by `wordHash` of their word: a page's words are looked up
   * here by the number the tokenizer computed, so the scan never hashes a page word's string
   * (most page words start no name, and hashing each new string was most of a scan).
   */
  private readonly firstWords = new Map<number, RootSlot>();
  /**
   * One bit per `wordHash` (its low FIRST_BITS bits) of every first word ever added: 128 KB,
   * which stays in the CPU's cache where the map does not, so the page words that start no
   * name (most of them) cost one bit test. Bits are not cleared on removal: a stale one only
   * sends a word on to the map.
   */
  private readonly firstBits = new Uint8Array(FIRST_BITS_MASK / 8 + 1);
  /** How many entries hold each word (a word twice in one name counts once). */
  private readonly wordUses = new Map<string, number>();
  private count = 0;
  private maxWords = 0;

  constructor(entries: Iterable<NameEntry> = []) {
    for (const e of entries) this.add(e);
  }

  get size(): number {
    return this.count;
  }

  /** The most words any name added so far has (never lowered by a removal). */
  get longest(): number {
    return this.maxWords;
  }

  /** The entries spelled by exactly these folded words (empty when none). */
  entriesOf(words: readonly string[]): readonly CompiledEntry[] {
    let node = this.root.next?.get(words[0]!);
    for (let k = 1; node && k < words.length; k++) node = node.next?.get(words[k]!);
    return node?.entries ?? [];
  }

  /** Whether any name in the trie holds the folded word, at any place in it. */
  usesWord(word: string): boolean {
    return this.wordUses.has(word);
  }

  /**
   * The names in the trie holding the folded word at any place, as their words (one list per
   * distinct spelling); null when more than `limit` entries hold it. Walks the whole trie.
   */
  namesUsing(word: string, limit: number): string[][] | null {
    const uses = this.wordUses.get(word) ?? 0;
    if (uses === 0) return [];
    if (uses > limit) return null;
    const out: string[][] = [];
    const path: string[] = [];
    const walk = (node: TrieNode, holds: boolean): void => {
      if (node.entries && holds) out.push([...path]);
      if (!node.next) return;
      for (const [w, child] of node.next) {
        path.push(w);
        walk(child, holds || w === word);
        path.pop();
      }
    };
    walk(this.root, false);
    return out;
  }

  private countWords(words: readonly string[], by: 1 | -1): void {
    for (const w of new Set(words)) {
      const n = (this.wordUses.get(w) ?? 0) + by;
      if (n > 0) this.wordUses.set(w, n); else this.wordUses.delete(w);
    }
  }

  /** Adds a name, or replaces the rule of one already there (same actor, name and source). */
  add(entry: NameEntry): void {
    const compiled = compileEntry(entry);
    if (!compiled) return;
    this.maxWords = Math.max(this.maxWords, compiled.words.length);
    let node = this.root;
    for (const w of compiled.words) {
      node.next ??= new Map();
      let child = node.next.get(w);
      if (!child) {
        node.next.set(w, (child = newNode()));
        if (node === this.root) {
          const h = wordHash(w);
          this.firstWords.set(h, { word: w, node: child, next: this.firstWords.get(h) });
          this.firstBits[(h & FIRST_BITS_MASK) >>> 3]! |= 1 << (h & 7);
        }
      }
      node = child;
    }
    node.entries ??= [];
    node.groups = undefined;
    const i = node.entries.findIndex((c) => sameEntry(c.entry, entry));
    if (i >= 0) node.entries[i] = compiled;
    else {
      node.entries.push(compiled);
      this.count++;
      this.countWords(compiled.words, 1);
    }
  }

  /** Removes a name (matched on actor, name and source; the rule is ignored). */
  remove(entry: Omit<NameEntry, 'rule'>): boolean {
    const words = tokenize(entry.name).words;
    const path: TrieNode[] = [this.root];
    for (const w of words) {
      const child = path[path.length - 1]!.next?.get(w);
      if (!child) return false;
      path.push(child);
    }
    const node = path[path.length - 1]!;
    const i = node.entries?.findIndex((c) => sameEntry(c.entry, { ...entry, rule: 'never' })) ?? -1;
    if (i < 0) return false;
    node.entries!.splice(i, 1);
    node.groups = undefined;
    if (node.entries!.length === 0) node.entries = undefined;
    this.count--;
    this.countWords(words, -1);
    // Prune empty branches so a long editing session does not leave dead nodes behind.
    for (let d = words.length; d > 0; d--) {
      const n = path[d]!;
      if (n.entries || (n.next && n.next.size > 0)) break;
      path[d - 1]!.next!.delete(words[d - 1]!);
      if (d === 1) this.forgetFirstWord(words[0]!);
    }
    return true;
  }

  private forgetFirstWord(word: string): void {
    const h = wordHash(word);
    let slot = this.firstWords.get(h);
    let prev: RootSlot | undefined;
    while (slot && slot.word !== word) { prev = slot; slot = slot.next; }
    if (!slot) return;
    if (prev) prev.next = slot.next;
    else if (slot.next) this.firstWords.set(h, slot.next);
    else this.firstWords.delete(h);
  }

  /** The root's child for page word `i`, by its hash when the tokenizer gave one. */
  private first(tokens: PageTokens, i: number): TrieNode | undefined {
    const word = tokens.words[i]!;
    if (!tokens.hashes) return this.root.next?.get(word);
    const h = tokens.hashes[i]!;
    if ((this.firstBits[(h & FIRST_BITS_MASK) >>> 3]! & (1 << (h & 7))) === 0) return undefined;
    let slot = this.firstWords.get(h);
    while (slot && slot.word !== word) slot = slot.next;
    return slot?.node;
  }

  /** Every run of words that spells a name; overlapping runs are all reported. */
  scan(tokens: PageTokens): RawMatch[] {
    const out: RawMatch[] = [];
    if (!this.root.next) return out;
    for (let i = 0; i < tokens.words.length; i++) this.scanAt(tokens, i, out);
    return out;
  }

  /** The runs of words starting at word `i` that spell a name, added to `out`. */
  scanAt(tokens: PageTokens, i: number, out: RawMatch[]): RawMatch[] {
    const { words, hardBefore } = tokens;
    const n = words.length;
    let node = this.first(tokens, i);
    let k = i + 1;
    while (node) {
      if (node.entries) out.push({ from: i, to: k, entries: node.entries, groups: (node.groups ??= groupEntries(node.entries)) });
      if (k >= n || hardBefore[k] || !node.next) break;
      node = node.next.get(words[k]!);
      k++;
    }
    return out;
  }
}
