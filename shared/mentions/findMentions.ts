// From raw trie matches to mentions: apply each name's rule, then keep the longest of
// overlapping matches ("Comandante Artemio" over "Artemio" inside it).
// A common surname can be the family name of hundreds of actors, so one raw match may
// carry hundreds of entries: everything that depends only on the text (cues, quotes,
// capitals around it) is computed once per match in MatchFacts (matchFacts.ts), never per entry.
import { MatchFacts } from './matchFacts';
import { PageFacts } from './pageFacts';
import type { CompiledEntry, NameTrie, RawMatch } from './matcher';
import { ARTICLES, PARTICLES } from './rules';
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
  /**
   * Whether the page capitalises names (PageFacts.cased), when the tokens hold only a window
   * of the page and so cannot tell.
   */
  readonly cased?: boolean;
}
export const DEFAULT_NEAR_WORDS = 12;

interface Accepted {
  readonly match: RawMatch;
  readonly candidates: MentionCandidate[];
  plural: boolean;
}

const candidate = (c: CompiledEntry, reason: MatchReason): MentionCandidate => ({
  actorId: c.entry.actorId, name: c.entry.name, source: c.entry.source, rule: c.entry.rule, reason,
});

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
  const page = new PageFacts(t, options.cased);
  for (const m of raw) {
    const facts = new MatchFacts(page, m, raw);
    // "los vecinos de la colonia Los Olivos": a place, whoever else bears its name.
    if (page.afterPlaceNoun(m.from)) continue;
    const candidates: MentionCandidate[] = [];
    let plural = false;
    for (const c of m.groups.anywhere) {
      // "la pena" is not Peña, "small brooks" not Brooks; "10 a.m. CDT" is a time zone.
      if (facts.lowerCaseWord(c) || (c.acronym && page.afterClockTime(m.from)) || facts.smallArticleBeforeBareName(c)) continue;
      // "Cirilo Mendoza, un profesor": a one-word name running on into a capitalised word
      // is someone else's full name, unless that word names the same actor ("Artemio Flores").
      // So is one ending another name: "las fiestas de San Pacho", "la vereda El Tigre".
      if (c.entry.source === 'name' && c.words.length === 1 && (facts.runsOnIntoOtherName(c) || facts.endsOtherName(c))) continue;
      if (c.entry.source !== 'family' || !facts.besideOtherCapitalised(c)) candidates.push(candidate(c, 'anywhere'));
      else {
        // Right after another given name ("Keiko Fujimori"): only a cue makes it this actor.
        const reason = facts.cueReason(c);
        if (reason) candidates.push(candidate(c, reason));
        plural ||= reason === 'brothers';
      }
    }
    if (m.groups.withCue.length > 0) {
      // A recorded "La Flaca" can be cued by its own article ("llega la Flaca").
      // Without a cue only a capital can accept a name, and only one of ordinary words: a
      // common surname can carry hundreds of entries, none of which needs a look then.
      const cued = facts.anyCue() || ARTICLES.has(t.words[m.from]!);
      for (const c of cued ? m.groups.withCue : m.groups.wordNames) {
        if (c.acronym && page.afterClockTime(m.from)) continue;
        let reason = cued ? facts.cueReason(c) : undefined;
        if (!reason && facts.capitalisedMidSentence(c)) reason = 'capitals';
        if (reason) candidates.push(candidate(c, reason));
        plural ||= reason === 'brothers';
      }
      pending.push(facts);
    }
    if (candidates.length > 0) accepted.set(m, { match: m, candidates: plural ? narrowToListed(facts, candidates) : candidates, plural });
  }
  if (pending.length > 0) acceptNearby(t, accepted, pending, near);
  narrowSharedFamilies(t, accepted);
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
// A family name is also supported by the person's full name anywhere before it on the page:
// news and reports name a person in full once, then by surname ("Rodrigo Cárdenas Mejía …
// [three sentences] … Cárdenas Mejía comanda"). A family name of two surnames ("Gómez
// Martínez") needs only the person named strongly before it, by any recorded name ("La Tuta
// … said Gómez Martínez would appeal"): both surnames in order say who it is. When several
// bearers of the surname were named in full before it, the mention lists them all. And a recorded weak name ("Tigre",
// "Rosa") on a page that names its actor strongly elsewhere is that actor, at any distance:
// a document about a commander goes on calling him by his alias. Not after a title or role
// that is no cue for the actor ("el padre José, párroco de Pichari" is someone else), nor
// beside another capitalised word ("José María Arguedas").
// The loop runs over the few actors named strongly on the page, not over the (possibly
// hundreds of) actors a weak name could be.
function acceptNearby(t: PageTokens, accepted: Map<RawMatch, Accepted>, pending: MatchFacts[], near: number): void {
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
      if (!own || already?.candidates.some((x) => x.actorId === actorId)) continue;
      const close = matches.some((s) => { const d = distance(m, s); return d >= 0 && d <= near; });
      for (const c of own) {
        if (c.entry.rule !== 'with-cue') continue;
        const reason = close ? 'nearby'
          : c.entry.source === 'family' && matches.some((s) => s.to <= m.from && (spells(t, s, c) || c.contentWords >= 2)) ? 'page'
          : c.entry.source === 'name' && facts.notAfterOpeningArticle() && !facts.afterRole() ? 'page' : undefined;
        if (reason && facts.capitalisedAsRecorded(c) && !facts.besideOtherCapitalised(c)) {
          extra.push(candidate(c, reason));
          break;
        }
      }
    }
    if (extra.length === 0) continue;
    if (already) already.candidates.push(...extra);
    else accepted.set(m, { match: m, candidates: extra, plural: false });
  }
}

// A distinctive family name two actors share ("Rincón Patiño") after only one of them was
// named before it, unambiguously and with one of its surnames ("Fabio Rincón Patiño",
// "Fabio Rincón"), is that one; after both, or neither, it stays ambiguous.
function narrowSharedFamilies(t: PageTokens, accepted: Map<RawMatch, Accepted>): void {
  const identified = new Map<string, RawMatch[]>();
  let shared = false;
  for (const a of accepted.values()) {
    const actorId = a.candidates[0]!.actorId;
    if (a.candidates.some((c) => c.actorId !== actorId)) {
      shared ||= !a.plural;
      continue;
    }
    const list = identified.get(actorId);
    if (list) list.push(a.match);
    else identified.set(actorId, [a.match]);
  }
  if (!shared || identified.size === 0) return;
  for (const a of accepted.values()) {
    if (a.plural || a.candidates.length < 2 || a.candidates.some((c) => c.source !== 'family')) continue;
    const named = a.candidates.filter((c) => {
      const own = a.match.groups.byActor.get(c.actorId)?.find((e) => e.entry.name === c.name && e.entry.source === 'family');
      return own !== undefined && (identified.get(c.actorId) ?? []).some((s) => s.to <= a.match.from && sharesSurname(t, s, own));
    });
    if (named.length > 0 && named.length < a.candidates.length) {
      a.candidates.splice(0, a.candidates.length, ...named.map((c) => ({ ...c, reason: 'page' as const })));
    }
  }
}

/** Match `s` holds a surname of the family name: "Fabio Rincón" for "Rincón Patiño". */
function sharesSurname(t: PageTokens, s: RawMatch, c: CompiledEntry): boolean {
  for (let i = s.from; i < s.to; i++) if (!PARTICLES.has(t.words[i]!) && c.words.includes(t.words[i]!)) return true;
  return false;
}

/** The words of match `s` hold the entry's words in a row: "Rodrigo Cárdenas Mejía" holds "Cárdenas". */
function spells(t: PageTokens, s: RawMatch, c: CompiledEntry): boolean {
  const n = c.words.length;
  for (let i = s.from; i + n <= s.to; i++) {
    let k = 0;
    while (k < n && t.words[i + k] === c.words[k]) k++;
    if (k === n) return true;
  }
  return false;
}

// Longest first, leftmost first; a family name said of several people ("los hermanos …
// Quispe Palomino") beats the one full name it overlaps, since it names them all. It does
// not beat a longer family name of the same person around it: in "la familia Caicedo
// Angulo" the plural cue is found for "Caicedo" too, and "Caicedo Angulo" is the name.
function resolveOverlaps(t: PageTokens, all: Accepted[]): Mention[] {
  const families = (a: Accepted): Set<string> => new Set(a.candidates.filter((c) => c.source === 'family').map((c) => c.actorId));
  const accepted = all.filter((a) => !a.plural || !all.some((b) => b !== a && !b.plural &&
    b.match.from <= a.match.from && b.match.to >= a.match.to && b.match.to - b.match.from > a.match.to - a.match.from &&
    a.candidates.some((c) => families(b).has(c.actorId))));
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
