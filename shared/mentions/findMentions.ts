// From raw trie matches to mentions: apply each name's rule, then keep the longest of
// overlapping matches ("Comandante Artemio" over "Artemio" inside it).
import { cueBefore, pluralCue, quoted } from './cues';
import type { CompiledEntry, NameTrie, RawMatch } from './matcher';
import { tokenize, type PageTokens } from './tokens';
import type { MatchReason, Mention, MentionCandidate } from './types';

export interface FindOptions {
  /**
   * A `with-cue` name also counts when another name of the same actor, itself accepted,
   * is at most this many words away. 12 words reaches across an apposition and a short
   * clause ("Víctor Quispe Palomino, the older brother known to his men as José") but
   * rarely into the next sentence: news sentences in both languages run 20–30 words, and
   * an unrelated José two sentences later should not be taken for the nom de guerre.
   */
  readonly nearWords?: number;
}
export const DEFAULT_NEAR_WORDS = 12;

const UPPER_START = /^\p{Lu}/u;

interface Accepted {
  readonly match: RawMatch;
  readonly candidates: MentionCandidate[];
  readonly plural: boolean;
}

const candidate = (c: CompiledEntry, reason: MatchReason): MentionCandidate => ({
  actorId: c.entry.actorId, name: c.entry.name, source: c.entry.source, rule: c.entry.rule, reason,
});

// A cued name must look like a name where it stands: "el Cholo" is a cue, "el cholo" is a
// common noun. Words the case records in lower case ("de", "la") are not checked.
function capitalisedAsRecorded(t: PageTokens, m: RawMatch, c: CompiledEntry): boolean {
  for (let w = 0; w < c.caps.length; w++) {
    if (c.caps[w] && !UPPER_START.test(t.text.slice(t.starts[m.from + w]!, t.ends[m.from + w]!))) return false;
  }
  return true;
}

// "El Cholo" recorded as a with-cue name and written as such ("El Cholo, un bar…") is that
// name uncued; its article must not cue the shorter "Cholo" inside it.
function cueIsPartOfName(t: PageTokens, m: RawMatch, c: CompiledEntry, raw: readonly RawMatch[]): boolean {
  return raw.some((r) => r.from === m.from - 1 && r.to === m.to &&
    r.entries.some((o) => o.entry.actorId === c.entry.actorId && capitalisedAsRecorded(t, r, o)));
}

function cueReason(t: PageTokens, m: RawMatch, c: CompiledEntry, raw: readonly RawMatch[]): MatchReason | undefined {
  if (!capitalisedAsRecorded(t, m, c)) return undefined;
  // "los Quispe" could be any Quispes; a plural needs a family name that says who.
  const telling = c.words.length > 1 || c.entry.rule === 'anywhere';
  if (c.entry.source === 'family' && telling && pluralCue(t, m.from, m.to)) return 'brothers';
  if (cueBefore(t, m.from) && !cueIsPartOfName(t, m, c, raw)) return 'cue';
  if (quoted(t, m.from, m.to)) return 'quotes';
  return undefined;
}

const SENTENCE_END = /[.!?:…]/;
const capitalAt = (t: PageTokens, i: number): boolean => UPPER_START.test(t.text.slice(t.starts[i]!, t.ends[i]!));

// "José Pérez", "Keiko Fujimori": a weak name beside another capitalised word is someone
// else's given name or surname, however close the actor's other name is. A family name
// after one of the person's own given names ("Víctor Quispe") is still the person.
function besideOtherCapitalised(t: PageTokens, m: RawMatch, c: CompiledEntry): boolean {
  if (m.to < t.words.length && !t.hardBefore[m.to] && capitalAt(t, m.to)) return true;
  const prev = m.from - 1;
  if (prev < 0 || t.hardBefore[m.from] || !capitalAt(t, prev)) return false;
  if (c.entry.givenNames?.includes(t.words[prev]!)) return false;
  // A capital that only starts a sentence says nothing.
  return prev > 0 && !SENTENCE_END.test(t.text.slice(t.ends[prev - 1]!, t.starts[prev]!));
}

const distance = (a: RawMatch, b: RawMatch): number =>
  a.from >= b.to ? a.from - b.to : b.from >= a.to ? b.from - a.to : -1;

export function findMentions(trie: NameTrie, text: string, options: FindOptions = {}): Mention[] {
  return findMentionsInTokens(trie, tokenize(text), options);
}

export function findMentionsInTokens(trie: NameTrie, t: PageTokens, options: FindOptions = {}): Mention[] {
  const raw = trie.scan(t);
  if (raw.length === 0) return [];
  const near = options.nearWords ?? DEFAULT_NEAR_WORDS;
  const accepted: Accepted[] = [];
  const pending: { match: RawMatch; entries: CompiledEntry[] }[] = [];
  for (const m of raw) {
    const candidates: MentionCandidate[] = [];
    const waiting: CompiledEntry[] = [];
    let plural = false;
    for (const c of m.entries) {
      const familyOfOther = c.entry.source === 'family' && besideOtherCapitalised(t, m, c);
      if (c.entry.rule === 'anywhere' && !familyOfOther) candidates.push(candidate(c, 'anywhere'));
      else if (c.entry.rule !== 'never') {
        const reason = cueReason(t, m, c, raw);
        if (reason) candidates.push(candidate(c, reason));
        else if (!familyOfOther) waiting.push(c);
        plural ||= reason === 'brothers';
      }
    }
    if (candidates.length > 0) accepted.push({ match: m, candidates, plural });
    if (waiting.length > 0) pending.push({ match: m, entries: waiting });
  }
  // Second pass: uncued names supported by an accepted name of the same actor nearby.
  // Support is not chained, so one strong name cannot pull in a string of weak ones, and
  // comes from recorded names only: "los Quispe Palomino" does not make "Quispe" theirs.
  const strong = accepted.filter((a) => a.candidates.some((c) => c.source === 'name'));
  for (const p of pending) {
    const extra: MentionCandidate[] = [];
    for (const c of p.entries) {
      if (!capitalisedAsRecorded(t, p.match, c) || besideOtherCapitalised(t, p.match, c)) continue;
      const supported = strong.some((s) => {
        const d = distance(p.match, s.match);
        return d >= 0 && d <= near && s.candidates.some((x) => x.actorId === c.entry.actorId && x.source === 'name');
      });
      if (supported) extra.push(candidate(c, 'nearby'));
    }
    if (extra.length === 0) continue;
    const same = accepted.find((a) => a.match === p.match);
    if (same) same.candidates.push(...extra);
    else accepted.push({ match: p.match, candidates: extra, plural: false });
  }
  return resolveOverlaps(t, accepted);
}

// Longest first, leftmost first; a family name said of several people ("los hermanos …
// Quispe Palomino") beats the one full name it overlaps, since it names them all.
function resolveOverlaps(t: PageTokens, accepted: Accepted[]): Mention[] {
  accepted.sort((a, b) =>
    Number(b.plural) - Number(a.plural) ||
    (b.match.to - b.match.from) - (a.match.to - a.match.from) ||
    a.match.from - b.match.from);
  const taken = new Uint8Array(t.words.length);
  const kept: Accepted[] = [];
  for (const a of accepted) {
    let free = true;
    for (let i = a.match.from; i < a.match.to && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, a.match.from, a.match.to);
    kept.push(a);
  }
  kept.sort((a, b) => a.match.from - b.match.from);
  return kept.map(({ match, candidates }) => toMention(t, match, candidates));
}

function toMention(t: PageTokens, m: RawMatch, all: MentionCandidate[]): Mention {
  // One candidate per actor: a name and a family name can spell the same words.
  const seen = new Set<string>();
  const candidates = all.filter((c) => !seen.has(c.actorId) && seen.add(c.actorId));
  const start = t.starts[m.from]!;
  const end = t.ends[m.to - 1]!;
  return {
    start, end, text: t.text.slice(start, end), nameKey: t.words.slice(m.from, m.to).join(' '),
    candidates, actorIds: [...seen], ambiguous: seen.size > 1,
  };
}
