// A per-page Bloom filter of the matcher's folded words: which pages can hold a word, with
// no false negatives, in 512 bytes a page (51 MB for 100,000 pages, against ~400 MB for an
// exact in-memory word index: docs/mentions.md). A name edit re-scans only the pages whose
// filter holds the name's rarest word, plus the few false positives (0.1 % at 150
// distinct words a page, ~5 % at 600).
import { cueContexts } from './cues';
import { standaloneAt } from './matchFacts';
import { PageFacts, capitalisedAt, sentenceBreakBefore } from './pageFacts';
import { tokenize, type PageTokens } from './tokens';

export const WORD_FILTER_BYTES = 512;
const BITS = WORD_FILTER_BYTES * 8;
const PROBES = 3;

function hashes(word: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

/** Sets the words' bits in the filter at `offset` of `into`. */
export function addWords(into: Uint8Array, offset: number, words: Iterable<string>): void {
  for (const word of words) {
    const [h1, h2] = hashes(word);
    for (let k = 0; k < PROBES; k++) {
      const bit = (h1 + k * h2) % BITS;
      into[offset + (bit >>> 3)]! |= 1 << (bit & 7);
    }
  }
}

/**
 * The key a filter holds for a word that stands, somewhere on the page, where a cue could
 * make it a name (cues.ts `cueContexts`): a with-cue name of one word can only be found on
 * pages holding this key, or holding another name of the same actor (engine.ts).
 */
export const contextKey = (word: string): string => `\u0001${word}`;

/**
 * The key a filter holds for a word capitalised inside a sentence somewhere on the page: a
 * with-cue name made of ordinary words ("Tigre") is also found there uncued (findMentions,
 * reason `capitals`).
 */
export const midSentenceKey = (word: string): string => `\u0002${word}`;

/**
 * The key a filter holds for a capitalised word standing alone somewhere on the page (not
 * running on into a capitalised word nor ending another name: matchFacts.ts `standaloneAt`),
 * where a one-word name matched anywhere can be found; and the key of a page that does not
 * capitalise names (`PageFacts.cased`), where it can be found in any case.
 */
export const standaloneKey = (word: string): string => `\u0003${word}`;
export const UNCASED_KEY = '\u0004';

/**
 * Which keys a page's filter holds beyond its words: 2 since the standalone and uncased keys
 * (renderer/db/mentionTypes.ts `MentionDocRow.context`); 3 since a word broken across a line end
 * is read as standing alone or not by its own two lines (matchFacts.ts `standaloneAt`). A
 * document scanned with an older filter is scanned again.
 */
export const FILTER_CONTEXT_VERSION = 3;


/**
 * What a page's filter holds: its folded words, the context key of each word in a cue's
 * place, and the mid-sentence key of each capitalised word not starting a sentence (as
 * matchFacts.ts `startsSentence` tells one).
 */
export function pageFilterKeys(tokens: PageTokens): Set<string> {
  const keys = new Set(tokens.words);
  const cued = cueContexts(tokens);
  if (!new PageFacts(tokens).cased()) keys.add(UNCASED_KEY);
  const lines = new Map<number, boolean>();
  for (let i = 0; i < cued.length; i++) {
    if (cued[i]) keys.add(contextKey(tokens.words[i]!));
    if (!capitalisedAt(tokens.text, tokens.starts[i]!)) continue;
    if (standaloneAt(tokens, i, lines)) keys.add(standaloneKey(tokens.words[i]!));
    if (i > 0 && !sentenceBreakBefore(tokens, i)) keys.add(midSentenceKey(tokens.words[i]!));
  }
  return keys;
}

/** The filter of one page's text (the matcher's words, so line-end hyphenation is joined, and their cue contexts). */
export function pageWordFilter(text: string, into = new Uint8Array(WORD_FILTER_BYTES), offset = 0): Uint8Array {
  addWords(into, offset, pageFilterKeys(tokenize(text)));
  return into;
}

/** A word to probe for many times over many filters. */
export interface WordProbe { readonly bits: readonly number[] }

export function wordProbe(word: string): WordProbe {
  const [h1, h2] = hashes(word);
  return { bits: Array.from({ length: PROBES }, (_, k) => (h1 + k * h2) % BITS) };
}

/** Whether the filter at `offset` may hold the word (false means it surely does not). */
export function mayHold(filters: Uint8Array, offset: number, probe: WordProbe): boolean {
  for (const bit of probe.bits) if ((filters[offset + (bit >>> 3)]! & (1 << (bit & 7))) === 0) return false;
  return true;
}
