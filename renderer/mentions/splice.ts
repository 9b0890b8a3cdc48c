// A name edit's re-scan without re-running the whole matcher on each page, where that gives
// exactly what a full match gives. When one recorded name E of actor A is added (or removed)
// and, on a page:
//  - no other raw match (a run of words spelling any name) overlaps one of E's, and no
//    other actor bears E's words;
//  - no other recorded name of A is on the page, and no family name of A within 12 words of E
//    (E shares no word with A's family names);
// then nothing E does on the page reaches another mention, and nothing else reaches E's:
//  - the text around a match is read the same whatever the trie holds (cues, quotes, capitals);
//  - a match looks at other raw matches only where they overlap it (an article's own name,
//    matchFacts.ts) or, for the same actor's names only, where they touch it (a name running
//    on into another of the actor's, or ending one): A's other names send the page to a full
//    match anyway;
//  - support between the actor's names (acceptNearby) comes from recorded names only, reaches
//    a family name only within 12 words or when E spells it, and narrowing a shared family
//    name to the actor (narrowSharedFamilies) needs E to hold one of its surnames; longest-match
//    overlaps need a match overlapping E; a family name of A taken anyway gives A a row, which
//    the stored row then shows.
// So the page's mentions are those without E plus E's own, found with a trie holding E alone,
// and the stored row (which a build from nothing would give) takes A's row in or out. Rows are
// in order of each actor's first mention; E's mentions overlap no other, so A's row goes
// before the first row whose first hit starts after its own. Anything else (another actor on
// E's words, A named otherwise on the page, a stored row that disagrees) is matched in full.
// splice.test.ts checks both ways against full matching over the labelled pages.
import { DEFAULT_NEAR_WORDS, NameTrie, UNCASED_KEY, capitalisesNames, compileEntry, mayHold, seekable, tokenize, wordHash, wordProbe, wordSeeker, wordSpans, wordsSpelled } from '../../shared/mentions';
import type { NameEntry, PageTokens, RawMatch, WordProbe, WordSeeker } from '../../shared/mentions';
import { namesAbsent } from './dropName';
import type { PageMentionsRow } from '../db/mentionTypes';
import { pageRowOf, withoutActor } from '../db/pageMentions';
import { pageRows } from './pageRows';

/** One recorded name added to the trie (or removed from it), with a trie of its own. */
export interface SplicePlan {
  readonly entry: NameEntry;
  readonly added: boolean;
  readonly own: NameTrie;
  /**
   * The actor's other recorded names, as the trie now holds them, and its family names of two
   * surnames: any of them on a page means a full match.
   */
  readonly names: NameTrie;
  /** The actor's family names: one within DEFAULT_NEAR_WORDS of E on a page means a full match. */
  readonly families: NameTrie;
  /**
   * Every page with E's words is matched in full: other names are spelled by the same words, or
   * E holds a word of one of the actor's family names (E could then support it anywhere on the
   * page, or single the actor out of a family name it shares).
   */
  readonly shared: boolean;
  /**
   * For E of one word, where a page can be spliced from a window of its words (spliceWindow):
   * E's word's hash, and the actor's other recorded names as word hashes, by their first
   * word's (one of them spelled anywhere on the page means the whole page is tokenized).
   */
  readonly window?: {
    hash: number; firsts: Int32Array; names: readonly Int32Array[];
    /**
     * E's word found by a regular expression over the text (wordSeek.ts), for pages whose word
     * filter proves that none of `probes` (the actor's other recorded names) is on them: then
     * nothing but the window is looked at, and the page is neither tokenized nor hashed.
     */
    seeker: WordSeeker | null; probes: readonly (readonly WordProbe[])[];
    /** The actor's other recorded names, each as a search for its words in a row (null: one cannot be searched so). */
    spelled: readonly ((text: string) => boolean)[] | null;
    /**
     * The actor's family names, as `probes` and `spelled` hold its recorded names: where the
     * page holds none, the windows sought need only `short` words either side (SHORT_WINDOW_WORDS).
     */
    families: { probes: readonly (readonly WordProbe[])[]; spelled: readonly ((text: string) => boolean)[] | null; short: number };
  };
}

/** A page's word filter: the document's filters and where the page's sits in them (renderer/mentions/dropName.ts filterOffset). */
export interface PageFilter { readonly filters: Uint8Array; readonly offset: number }

const UNCASED = wordProbe(UNCASED_KEY);

/**
 * The plan for `entry`, added to `trie` or removed from it (`trie` is the trie after the edit);
 * `actorEntries` are the actor's entries after the edit.
 */
export function splicePlan(trie: NameTrie, entry: NameEntry, added: boolean, actorEntries: readonly NameEntry[]): SplicePlan {
  const own = new NameTrie([entry]);
  const words = tokenize(entry.name).words;
  const same = (e: NameEntry) => e.name === entry.name && e.source === entry.source;
  const families = actorEntries.filter((e) => e.source === 'family');
  const familyWords = new Set(families.flatMap((e) => tokenize(e.name).words));
  // A family name of two surnames counts anywhere after a recorded name of its actor
  // (findMentions.ts acceptNearby), so E can reach it at any distance: one on the page means a
  // full match, as the actor's other recorded names do.
  const names = actorEntries.filter((e) => !same(e) && (e.source === 'name' || (e.source === 'family' && (compileEntry(e)?.contentWords ?? 0) >= 2)));
  const shared = words.length > 0 && (trie.entriesOf(words).length > (added ? 1 : 0) || words.some((w) => familyWords.has(w)));
  const plan: SplicePlan = { entry, added, own, names: new NameTrie(names), families: new NameTrie(families), shared };
  if (words.length !== 1 || shared) return plan;
  // An actor has a few names: comparing each page word with their first words is cheaper than a map.
  const spelled = names.map((e) => tokenize(e.name).words).filter((w) => w.length > 0);
  const hashed = spelled.map((w) => Int32Array.from(w, wordHash));
  const familySpelled = families.map((e) => tokenize(e.name).words).filter((w) => w.length > 0);
  return { ...plan, window: { hash: wordHash(words[0]!), firsts: Int32Array.from(hashed, (h) => h[0]!), names: hashed,
    seeker: wordSeeker(words[0]!), probes: spelled.map((w) => w.map(wordProbe)), spelled: searches(spelled),
    families: { probes: familySpelled.map((w) => w.map(wordProbe)), spelled: searches(familySpelled), short: Math.max(SHORT_WINDOW_WORDS, trie.longest + 1) } } };
}

/**
 * Words kept either side of E's first and last word in a window: more than anything a match
 * looks at (a cue or a plural family cue at most 8 words before, the longest name's words
 * around an overlap, a family name of the actor within 12 words; a line's title case is read
 * from the text itself). splice.test.ts fails with 8.
 */
export const WINDOW_WORDS = 24;

/**
 * Words kept either side of E's occurrences in the windows sought (seekWindow) on a page that
 * holds none of the actor's family names, or one more than the longest name in the trie when
 * that is more: then what a match of E looks at reaches at most 8 words back (a plural family
 * cue walking back over given names, cues.ts pluralCue; a cue word or pair, an article before
 * it: 4), a word after it, and the words of a name overlapping it (the longest name's). Two
 * windows apart are more than 12 words apart (DEFAULT_NEAR_WORDS), as their occurrences are, so
 * an occurrence of a with-cue E supported by another ('nearby') is supported in the windows as
 * on the page. Without the longest name's floor, splice.test.ts fails with 3 and passes with 4
 * (a cue pair before an article before E); the plural cue's walk of 8 never decides a recorded
 * name of one word, and is kept within reach all the same.
 */
export const SHORT_WINDOW_WORDS = 10;

/**
 * The tokens of the part of the page that holds E's word (WINDOW_WORDS either side) and whether
 * the page as a whole capitalises names, so that splicing needs no tokenizing of the rest; null
 * when the page must be tokenized whole (E of several words, another actor on E's words,
 * another recorded name of the actor anywhere on the page, a word broken across a line end).
 * The actor's family names count only within 12 words of E (splicedRow): inside the window.
 * Without E's word the window is empty and the stored row stands. The rest of the page is
 * only hashed (wordSpans), never cut into strings.
 */
export function spliceWindow(plan: SplicePlan, text: string): { tokens: PageTokens; cased: boolean } | null {
  const w = plan.window;
  if (!w) return null;
  const spans = wordSpans(text);
  if (!spans) return null;
  const { hashes, count, starts, ends } = spans;
  let first = -1;
  let last = -1;
  const { firsts, names } = w;
  for (let i = 0; i < count; i++) {
    const h = hashes[i]!;
    for (let n = 0; n < firsts.length; n++) {
      // Another recorded name of the actor, its words in a row (whatever stands between them).
      if (firsts[n] !== h) continue;
      const name = names[n]!;
      if (i + name.length <= count && name.every((x, k) => hashes[i + k] === x)) return null;
    }
    if (h === w.hash) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { tokens: tokenize(text, 0, 0), cased: false };
  const from = Math.max(0, first - WINDOW_WORDS);
  const to = Math.min(count - 1, last + WINDOW_WORDS);
  return { tokens: tokenize(text, starts[from]!, ends[to]!), cased: capitalisesNames(text, starts, ends, count) };
}

/**
 * spliceWindow without reading the whole page: when the page's word filter proves that none of
 * the actor's other recorded names is on the page, or regular expressions over the text find
 * none spelled (wordSeek.ts wordsSpelled), E's word is found by a regular expression too and
 * only the windows around it are tokenized; whether the page
 * capitalises names is read from the window (a capital inside a sentence there) or from the
 * filter (its uncased key surely absent). Otherwise, or on a page the expression cannot be
 * exact on, spliceWindow.
 */
export function seekWindow(plan: SplicePlan, text: string, filter: PageFilter | null): { tokens: PageTokens; cased: boolean } | null {
  const w = plan.window;
  if (!w?.seeker || !filter || !seekable(text)) return spliceWindow(plan, text);
  // Another recorded name of the actor anywhere on the page: tokenized whole (spliceWindow's
  // null). Asked of the filter first, then of the text where the filter says "may hold".
  if (!namesAbsent(w.probes, filter.filters, filter.offset)) {
    if (!w.spelled) return spliceWindow(plan, text);
    if (w.spelled.some((spelled) => spelled(text))) return null;
  }
  // No family name of the actor on the page: none can be within 12 words of E (splicedRow), so
  // the windows need reach only what a match of E itself looks at.
  const { families } = w;
  const short = namesAbsent(families.probes, filter.filters, filter.offset) || (families.spelled !== null && !families.spelled.some((spelled) => spelled(text)));
  const found = w.seeker.seek(text, short ? families.short : WINDOW_WORDS, true);
  if (found === undefined) return spliceWindow(plan, text);
  if (found === null) return { tokens: tokenize(text, 0, 0), cased: false };
  const { tokens } = found;
  if (capitalisesNames(text, tokens.starts, tokens.ends) || !mayHold(filter.filters, filter.offset, UNCASED)) return { tokens, cased: true };
  const spans = wordSpans(text);
  return spans ? { tokens, cased: capitalisesNames(text, spans.starts, spans.ends, spans.count) } : spliceWindow(plan, text);
}

/** Each name's words-in-a-row search, or null when any cannot be made. */
function searches(names: readonly (readonly string[])[]): ((text: string) => boolean)[] | null {
  const out: ((text: string) => boolean)[] = [];
  for (const words of names) {
    const spelled = wordsSpelled(words);
    if (!spelled) return null;
    out.push(spelled);
  }
  return out;
}

const overlaps = (r: RawMatch, e: RawMatch): boolean => r.from < e.to && r.to > e.from;
const sameSpan = (r: RawMatch, e: RawMatch): boolean => r.from === e.from && r.to === e.to;

/**
 * The page's new row (null: no one named) when splicing gives exactly what matching the page
 * with `trie` gives; undefined when the page must be matched in full. `trie` is the trie after
 * the edit; `stored` the page's row before it. `tokens` may be a window of the page
 * (spliceWindow), with `cased` said for the whole page.
 */
export function splicedRow(trie: NameTrie, plan: SplicePlan, documentId: string, page: number, text: string, tokens: PageTokens,
  stored: PageMentionsRow | undefined, cased?: boolean): PageMentionsRow | null | undefined {
  const own = plan.own.scan(tokens);
  // E's words are not on the page: the page's raw matches, and so its mentions, are unchanged.
  if (own.length === 0) return stored ?? null;
  if (plan.shared || plan.names.scan(tokens).length > 0) return undefined;
  // A family name of the actor near E could be taken for it once E names the actor there ('nearby').
  for (const f of plan.families.scan(tokens)) {
    if (own.some((e) => (f.from >= e.to ? f.from - e.to : e.from >= f.to ? e.from - f.to : -1) <= DEFAULT_NEAR_WORDS)) return undefined;
  }
  // Only runs that could overlap one of E's: starting fewer than `longest` words before it.
  const near: RawMatch[] = [];
  for (const e of own) {
    for (let i = Math.max(0, e.from - trie.longest + 1); i < e.to; i++) trie.scanAt(tokens, i, near);
  }
  for (const r of near) {
    if (plan.added && own.some((e) => sameSpan(r, e))) continue;
    if (own.some((e) => overlaps(r, e))) return undefined;
  }
  const actorId = plan.entry.actorId;
  const rows = pageRows(plan.own, documentId, page, text, tokens, cased === undefined ? undefined : { cased });
  const had = stored?.actors.find((a) => a.actorId === actorId);
  if (!plan.added) {
    // A was named on the page by E alone: its stored part must be what E alone gives.
    const mine = pageRowOf(documentId, page, rows);
    if (JSON.stringify(had ?? null) !== JSON.stringify(mine?.actors[0] ?? null)) return undefined;
    return stored && had ? withoutActor(stored, actorId) : stored ?? null;
  }
  if (had) return undefined;
  if (rows.length === 0) return stored ?? null;
  const mine = rows[0]!;
  const others = stored ? stored.actors.map((a) => ({ documentId, page, ...a })) : [];
  const at = others.findIndex((a) => a.hits[0]!.start > mine.hits[0]!.start);
  others.splice(at < 0 ? others.length : at, 0, mine);
  return pageRowOf(documentId, page, others);
}
