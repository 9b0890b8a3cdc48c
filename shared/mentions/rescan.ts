// Which pages to re-scan when names change. A page can gain or lose a mention of a name
// only if it holds every word of that name, so it is enough to look at the pages holding
// the name's rarest word — the old spelling's and the new one's. Cue words and other
// names of the actor sit on the same page, so they need no pages of their own. See
// docs/mentions.md for why this beats rebuilding and re-scanning everything.
import { tokenize } from './tokens';

/**
 * The folded word of `name` on the fewest pages (ties: the longest word). `docFreq`
 * gives pages per folded word; a word it does not know is on no page, so it wins.
 */
export function rarestWord(name: string, docFreq: (word: string) => number): string | undefined {
  let best: string | undefined;
  let bestFreq = Infinity;
  for (const w of tokenize(name).words) {
    const f = docFreq(w);
    if (f < bestFreq || (f === bestFreq && w.length > best!.length)) {
      best = w;
      bestFreq = f;
    }
  }
  return best;
}

/** The words whose pages need a re-scan after names change: one per changed name, old and new. */
export function rescanWords(changedNames: Iterable<string>, docFreq: (word: string) => number): string[] {
  const words = new Set<string>();
  for (const name of changedNames) {
    const w = rarestWord(name, docFreq);
    if (w !== undefined) words.add(w);
  }
  return [...words];
}

/**
 * Words the matcher sees that a plain word index does not: those joined across a line-end
 * hyphen or a soft hyphen ("Pa-\nlomino" → "palomino"). A store that finds pages through
 * the search index (which splits there) keeps these few per page on the side.
 */
export function joinedWords(text: string): string[] {
  const t = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i < t.words.length; i++) {
    const raw = text.slice(t.starts[i]!, t.ends[i]!);
    if (/[-\u2010\u2011\u00AD]/.test(raw)) out.add(t.words[i]!);
  }
  return [...out];
}
