// From raw trie matches to mentions: apply each name's rule, then keep the longest of
// overlapping matches ("Comandante Artemio" over "Artemio" inside it).
// A common surname can be the family name of hundreds of actors, so one raw match may
// carry hundreds of entries: everything that depends only on the text (cues, quotes,
// capitals around it) is computed once per match in MatchFacts, never per entry.
import { COMMON_SURNAMES_SET } from './commonWords';
import { PARTICLES } from './rules';
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
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** Every surname of the family name is a common one ("Quispe", "García Pérez"; not "Quispe Palomino"). */
const commonSurname = (c: CompiledEntry): boolean => c.words.every((w) => COMMON_SURNAMES_SET.has(w) || PARTICLES.has(w));
const SENTENCE_END = /[.!?:…]/;

interface Accepted {
  readonly match: RawMatch;
  readonly candidates: MentionCandidate[];
  plural: boolean;
}

const candidate = (c: CompiledEntry, reason: MatchReason): MentionCandidate => ({
  actorId: c.entry.actorId, name: c.entry.name, source: c.entry.source, rule: c.entry.rule, reason,
});

/** What the text around one raw match says, each fact computed at most once. */
class MatchFacts {
  private capitals: boolean[] | undefined;
  private cue: boolean | undefined;
  private quotes: boolean | undefined;
  private plural: string[] | null | undefined;
  private beside: { next: boolean; prev: string | undefined } | undefined;
  private articleNames: Set<string> | undefined;

  constructor(private readonly t: PageTokens, readonly m: RawMatch, private readonly raw: readonly RawMatch[]) {}

  private capitalAt(i: number): boolean {
    return UPPER_START.test(this.t.text.slice(this.t.starts[i]!, this.t.ends[i]!));
  }

  // A cued name must look like a name where it stands: "el Cholo" is a cue, "el cholo" a
  // common noun. Words the case records in lower case ("de", "la") are not checked.
  capitalisedAsRecorded(c: CompiledEntry): boolean {
    this.capitals ??= Array.from({ length: this.m.to - this.m.from }, (_, w) => this.capitalAt(this.m.from + w));
    for (let w = 0; w < c.caps.length; w++) if (c.caps[w] && !this.capitals[w]) return false;
    return true;
  }

  /** Whether any cue at all is around: when none is, no with-cue entry needs a look. */
  anyCue(): boolean {
    const { t, m } = this;
    return (this.cue ??= cueBefore(t, m.from)) || (this.quotes ??= quoted(t, m.from, m.to)) || this.pluralGiven() !== undefined;
  }

  /** The given names of a plural cue ("hermanos Víctor y Jorge …"), [] if none listed, undefined if no cue. */
  pluralGiven(): string[] | undefined {
    if (this.plural === undefined) this.plural = pluralCue(this.t, this.m.from, this.m.to) ?? null;
    return this.plural ?? undefined;
  }

  cueReason(c: CompiledEntry): MatchReason | undefined {
    if (!this.capitalisedAsRecorded(c)) return undefined;
    // "los Quispe" could be any Quispes; a plural needs a family name that says who.
    const telling = c.words.length > 1 || c.entry.rule === 'anywhere';
    if (c.entry.source === 'family' && telling && this.pluralGiven()) return 'brothers';
    // "el general Raúl Castro", «Raúl» Pérez: a cued name that runs on into another
    // capitalised word is part of someone else's full name.
    if (this.nextCapitalised()) return undefined;
    // "la señora Quispe", "Mr. Smith": a title before a common surname says a person of
    // that name, not which one. Only the family's plural or the actor's other names nearby
    // do. Two surnames ("el Sr. Quispe Palomino") say which family.
    if (c.entry.source === 'family' && (c.entry.common === true || commonSurname(c))) return undefined;
    if ((this.cue ??= cueBefore(this.t, this.m.from)) && !this.cueIsPartOfName(c)) return 'cue';
    if ((this.quotes ??= quoted(this.t, this.m.from, this.m.to))) return 'quotes';
    return undefined;
  }

  runsOnIntoOtherName(c: CompiledEntry): boolean {
    if (!this.nextCapitalised()) return false;
    // In an all-capitals headline ("ARTEMIO SENTENCED") capitals say nothing.
    const { t, m } = this;
    const word = (i: number) => t.text.slice(t.starts[i]!, t.ends[i]!);
    if (ALL_CAPS.test(word(m.from)) || ALL_CAPS.test(word(m.to))) return false;
    // Any name starting there counts, not only the first found: another actor's shorter
    // name there must not hide this actor's ("Artemio" + "Flores Ruiz" beside someone's "Flores").
    return !this.raw.some((r) => r.from === this.m.to && r.groups.byActor.has(c.entry.actorId));
  }

  private nextCapitalised(): boolean {
    const { t, m } = this;
    return m.to < t.words.length && !t.hardBefore[m.to] && this.capitalAt(m.to);
  }

  // "El Cholo" recorded as a with-cue name and written as such ("El Cholo, un bar…") is
  // that name uncued; its article must not cue the shorter "Cholo" inside it.
  private cueIsPartOfName(c: CompiledEntry): boolean {
    if (!this.articleNames) {
      this.articleNames = new Set();
      const r = this.raw.find((x) => x.from === this.m.from - 1 && x.to === this.m.to);
      if (r) {
        const facts = new MatchFacts(this.t, r, this.raw);
        for (const o of r.entries) if (facts.capitalisedAsRecorded(o)) this.articleNames.add(o.entry.actorId);
      }
    }
    return this.articleNames.has(c.entry.actorId);
  }

  // "José Pérez", "Keiko Fujimori": a weak name beside another capitalised word is someone
  // else's given name or surname, however close the actor's other name is. A family name
  // after one of the person's own given names ("Víctor Quispe") is still the person.
  besideOtherCapitalised(c: CompiledEntry): boolean {
    if (!this.beside) {
      const { t, m } = this;
      const next = m.to < t.words.length && !t.hardBefore[m.to] && this.capitalAt(m.to);
      const p = m.from - 1;
      // A capital that only starts a sentence says nothing.
      const prevCounts = p > 0 && !t.hardBefore[m.from] && this.capitalAt(p) &&
        !SENTENCE_END.test(t.text.slice(t.ends[p - 1]!, t.starts[p]!));
      this.beside = { next, prev: prevCounts ? t.words[p] : undefined };
    }
    if (this.beside.next) return true;
    const prev = this.beside.prev;
    return prev !== undefined && !c.entry.givenNames?.includes(prev);
  }
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
  const accepted = new Map<RawMatch, Accepted>();
  const pending: MatchFacts[] = [];
  for (const m of raw) {
    const facts = new MatchFacts(t, m, raw);
    const candidates: MentionCandidate[] = [];
    let plural = false;
    for (const c of m.groups.anywhere) {
      // "Cirilo Mendoza, un profesor": a one-word name running on into a capitalised word
      // is someone else's full name, unless that word names the same actor ("Artemio Flores").
      if (c.entry.source === 'name' && c.words.length === 1 && facts.runsOnIntoOtherName(c)) continue;
      if (c.entry.source !== 'family' || !facts.besideOtherCapitalised(c)) candidates.push(candidate(c, 'anywhere'));
      else {
        // Right after another given name ("Keiko Fujimori"): only a cue makes it this actor.
        const reason = facts.cueReason(c);
        if (reason) candidates.push(candidate(c, reason));
        plural ||= reason === 'brothers';
      }
    }
    if (m.groups.withCue.length > 0) {
      if (facts.anyCue()) {
        for (const c of m.groups.withCue) {
          const reason = facts.cueReason(c);
          if (reason) candidates.push(candidate(c, reason));
          plural ||= reason === 'brothers';
        }
      }
      pending.push(facts);
    }
    if (candidates.length > 0) accepted.set(m, { match: m, candidates: plural ? narrowToListed(facts, candidates) : candidates, plural });
  }
  if (pending.length > 0) acceptNearby(accepted, pending, near);
  return resolveOverlaps(t, [...accepted.values()]);
}

// "los hermanos Víctor y Jorge Quispe Palomino" when Martín Quispe Palomino is in the case
// too: keep the brothers whose given names are listed, if the list names any of them.
function narrowToListed(facts: MatchFacts, candidates: MentionCandidate[]): MentionCandidate[] {
  const listed = facts.pluralGiven();
  if (!listed || listed.length === 0) return candidates;
  const named = (c: MentionCandidate): boolean =>
    c.reason === 'brothers' && (facts.m.groups.byActor.get(c.actorId) ?? []).some((e) => e.entry.givenNames?.some((g) => listed.includes(g)));
  if (!candidates.some(named)) return candidates;
  return candidates.filter((c) => c.reason !== 'brothers' || named(c));
}

// Uncued names supported by an accepted name of the same actor nearby. Support is not
// chained, so one strong name cannot pull in a string of weak ones, and comes from
// recorded names only: "los Quispe Palomino" does not make the "Quispe" beside it theirs.
// The loop runs over the few actors named strongly on the page, not over the (possibly
// hundreds of) actors a weak name could be.
function acceptNearby(accepted: Map<RawMatch, Accepted>, pending: MatchFacts[], near: number): void {
  const strong = new Map<string, RawMatch[]>();
  for (const a of accepted.values()) {
    for (const c of a.candidates) {
      if (c.source !== 'name') continue;
      const list = strong.get(c.actorId);
      if (list) list.push(a.match);
      else strong.set(c.actorId, [a.match]);
    }
  }
  if (strong.size === 0) return;
  for (const facts of pending) {
    const m = facts.m;
    const already = accepted.get(m);
    const extra: MentionCandidate[] = [];
    for (const [actorId, matches] of strong) {
      const own = m.groups.byActor.get(actorId);
      if (!own || !matches.some((s) => { const d = distance(m, s); return d >= 0 && d <= near; })) continue;
      if (already?.candidates.some((x) => x.actorId === actorId)) continue;
      for (const c of own) {
        if (c.entry.rule !== 'with-cue') continue;
        if (facts.capitalisedAsRecorded(c) && !facts.besideOtherCapitalised(c)) extra.push(candidate(c, 'nearby'));
      }
    }
    if (extra.length === 0) continue;
    if (already) already.candidates.push(...extra);
    else accepted.set(m, { match: m, candidates: extra, plural: false });
  }
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
