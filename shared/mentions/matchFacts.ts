// What the text around one raw match says: cues, quotes, capitals beside it. A common
// surname can be the family name of hundreds of actors, so one raw match may carry
// hundreds of entries: everything that depends only on the text is computed once per
// match here, never per entry.
import { COMMON_SURNAMES_SET, ROLE_WORDS } from './commonWords';
import { ARTICLES, PARTICLES, TITLES } from './rules';
import { cueBefore, pluralCue, quoted } from './cues';
import type { CompiledEntry, RawMatch } from './matcher';
import type { PageTokens } from './tokens';
import type { MatchReason } from './types';
import { allCapsAt, capitalAt, sentenceBreakBefore, titleCaseLine, type PageFacts } from './pageFacts';

const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const SENTENCE_END = /[.!?:…]/;
const BLANK_LINE = /\n[ \t]*\r?\n/;
/** Every surname of the family name is a common one ("Quispe", "García Pérez"; not "Quispe Palomino"). */
const commonSurname = (c: CompiledEntry): boolean => c.words.every((w) => COMMON_SURNAMES_SET.has(w) || PARTICLES.has(w));

export class MatchFacts {
  private capitals: boolean[] | undefined;
  private cue: boolean | undefined;
  private quotes: boolean | undefined;
  private plural: string[] | null | undefined;
  private beside: { next: boolean; prev: string | undefined } | undefined;
  private articleNames: Set<string> | undefined;
  private properArticle: boolean | undefined;

  private readonly t: PageTokens;

  constructor(private readonly page: PageFacts, readonly m: RawMatch, private readonly raw: readonly RawMatch[]) {
    this.t = page.t;
  }

  private word(i: number): string {
    return this.t.text.slice(this.t.starts[i]!, this.t.ends[i]!);
  }

  private capitalAt(i: number): boolean {
    return capitalAt(this.t, i);
  }

  /** Whether each word of the match starts with a capital, computed once. */
  private matchCapitals(): boolean[] {
    return (this.capitals ??= Array.from({ length: this.m.to - this.m.from }, (_, w) => this.capitalAt(this.m.from + w)));
  }

  /** Word i starts a sentence: the page's first word, or after . ! ? : … or a blank line. */
  private startsSentence(i: number): boolean {
    if (i === 0) return true;
    const gap = this.t.text.slice(this.t.ends[i - 1]!, this.t.starts[i]!);
    return SENTENCE_END.test(gap) || BLANK_LINE.test(gap);
  }

  // A cued name must look like a name where it stands: "el Cholo" is a cue, "el cholo" a
  // common noun. Words the case records in lower case ("de", "la") are not checked, nor a
  // leading article: "alias la Flaca" is the recorded "La Flaca" in the middle of a sentence.
  // When the actor also has the bare "Cholo", "el Cholo" is that name after its cue "el".
  capitalisedAsRecorded(c: CompiledEntry): boolean {
    const capitals = this.matchCapitals();
    for (let w = 0; w < c.caps.length; w++) {
      if (!c.caps[w] || capitals[w]) continue;
      if (w > 0 || !ARTICLES.has(c.words[0]!) || c.words.length === 1 || this.bareNameInside(c)) return false;
    }
    return true;
  }

  /**
   * A one-word name the case writes with a capital ("Peña", "Brooks", "El Contador"), found
   * in lower case on a page that capitalises names, is that word as an ordinary word: "la
   * pena" is not Peña, "small brooks" not Brooks, "el contador de la junta" not El Contador.
   * A full name in lower case ("abimael guzmán") is still the name.
   */
  lowerCaseWord(c: CompiledEntry): boolean {
    if (c.contentWords !== 1) return false;
    for (let w = c.caps.length - 1; w >= 0; w--) {
      if (c.caps[w]) return !this.matchCapitals()[w] && this.page.cased();
    }
    return false;
  }

  /** Whether any cue at all is around: when none is, no with-cue entry needs a look. */
  anyCue(): boolean {
    const { t, m } = this;
    return this.cueBefore() || (this.quotes ??= quoted(t, m.from, m.to)) || this.pluralGiven() !== undefined;
  }

  private cueBefore(): boolean {
    return (this.cue ??= cueBefore(this.t, this.m.from) && !this.properArticleBefore());
  }

  /**
   * "la vereda El Tigre", "el peaje de El Tigre": an article with a capital in the middle
   * of a sentence starts another proper name (a place, a firm), so it is no cue and the
   * name after it is part of that other name. "alias El Tigre" is still the alias.
   */
  properArticleBefore(): boolean {
    if (this.properArticle === undefined) {
      const p = this.m.from - 1;
      this.properArticle = p >= 0 && !this.t.hardBefore[this.m.from] && ARTICLES.has(this.t.words[p]!) && this.t.words[p] !== 'the' &&
        this.capitalAt(p) && !ALL_CAPS.test(this.word(p)) && !this.startsSentence(p) && !cueBefore(this.t, p);
    }
    return this.properArticle;
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
    // capitalised word is part of someone else's full name. In a line of capitals every
    // word has them, so there only quotes closed after the name say where it ends
    // ("COMMANDER 'TIGRE' KILLED").
    if (this.nextCapitalised() && !(this.inCapitals() && (this.quotes ??= quoted(this.t, this.m.from, this.m.to)))) return undefined;
    // "la señora Quispe", "Mr. Smith": a title before a common surname says a person of
    // that name, not which one. Only the family's plural or the actor's other names nearby
    // do. Two surnames ("el Sr. Quispe Palomino") say which family.
    if (c.entry.source === 'family' && (c.entry.common === true || commonSurname(c))) return undefined;
    if (this.cueBefore() && !this.cueIsPartOfName(c)) return 'cue';
    if ((this.quotes ??= quoted(this.t, this.m.from, this.m.to))) return 'quotes';
    // "llega la Flaca", "¿Y a la Flaca?": a recorded "La Flaca" written with a small article
    // and a capital after it is cued by its own article, as "el Cholo" is by "el".
    if (ARTICLES.has(c.words[0]!) && c.words.length > 1 && !this.capitalAt(this.m.from)) return 'cue';
    return undefined;
  }

  /**
   * "Tigre's authority", "the group's leader, Tigre, denied": a name made of ordinary
   * words (see CompiledEntry.wordName), capitalised inside a sentence and standing alone,
   * is a name. Not at a sentence start, not in a line of capitals, not beside another
   * capitalised word ("Tigre Lodge", "Los Tigres del Norte").
   */
  capitalisedMidSentence(c: CompiledEntry): boolean {
    const { m } = this;
    if (!c.wordName || !this.page.cased() || this.startsSentence(m.from) || this.inCapitals()) return false;
    if (!this.capitalisedAsRecorded(c) || !this.capitalAt(m.from)) return false;
    if (!this.notAfterOpeningArticle()) return false;
    // A name at the start of a line after a line that ends in a capital may start a heading.
    const gap = this.t.text.slice(this.t.ends[m.from - 1]!, this.t.starts[m.from]!);
    if (gap.includes('\n') && this.capitalAt(m.from - 1)) return false;
    return !this.properArticleBefore() && !this.besideOtherCapitalised(c);
  }

  private bareNameInside(c: CompiledEntry): boolean {
    return this.raw.some((r) => r.from === this.m.from + 1 && r.to === this.m.to && r.groups.byActor.has(c.entry.actorId));
  }

  /**
   * Not "El Cholo, un bar del centro": after an article that starts the sentence, a capital
   * may be the name of anything; nor after an article that starts another proper name.
   */
  notAfterOpeningArticle(): boolean {
    const p = this.m.from - 1;
    return !(p >= 0 && ARTICLES.has(this.t.words[p]!) && this.startsSentence(p)) && !this.properArticleBefore();
  }

  /** The match is written in capitals ("ARTEMIO SENTENCED", "ALIAS: PACHO"): capitals say nothing there. */
  private inCapitals(): boolean {
    const { m } = this;
    if (ALL_CAPS.test(this.word(m.from))) return true;
    return m.to < this.t.words.length && ALL_CAPS.test(this.word(m.to));
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

  /**
   * "las fiestas de San Pacho": a one-word name right after another capitalised word that
   * does not start the sentence is the end of someone else's name, unless that word is a
   * title or cue ("Comandante", "Mr.") or names the same actor. Acronyms are left alone
   * ("Colombian FLS"), and so are lines in capitals or set in title case.
   */
  endsOtherName(c: CompiledEntry): boolean {
    const { t, m } = this;
    if (c.acronym) return false;
    if (this.properArticleBefore()) return true;
    const p = m.from - 1;
    if (p < 0 || t.hardBefore[m.from] || !this.capitalAt(p) || this.startsSentence(p)) return false;
    // A list of names, one a line, is not one name.
    if (t.text.slice(t.ends[p]!, t.starts[m.from]!).includes('\n')) return false;
    if (ALL_CAPS.test(this.word(p)) || ALL_CAPS.test(this.word(m.from))) return false;
    if (TITLES.has(t.words[p]!) || ARTICLES.has(t.words[p]!) || cueBefore(t, m.from)) return false;
    if (this.raw.some((r) => r.to === m.from && r.groups.byActor.has(c.entry.actorId))) return false;
    return !titleCaseLine(t, m.from);
  }

  /** Right after a title or role word: "el padre José", "Father José". */
  afterRole(): boolean {
    const p = this.m.from - 1;
    return p >= 0 && (ROLE_WORDS.has(this.t.words[p]!) || TITLES.has(this.t.words[p]!));
  }

  /**
   * "alias el Chele" when the actor has both "Chele" and "El Chele": the bare name after its
   * cue is the name, as with a with-cue name, so both rules highlight the same words.
   */
  smallArticleBeforeBareName(c: CompiledEntry): boolean {
    return c.words.length > 1 && ARTICLES.has(c.words[0]!) && !this.capitalAt(this.m.from) && this.bareNameInside(c);
  }

  // A capitalised word followed by a colon is a form's next label ("ALIAS: EL TORO\nGRUPO:"),
  // not a surname.
  private nextCapitalised(): boolean {
    const { t, m } = this;
    return m.to < t.words.length && !t.hardBefore[m.to] && this.capitalAt(m.to) && t.text[t.ends[m.to]!] !== ':';
  }

  // "El Cholo" recorded as a with-cue name and written as such ("El Cholo, un bar…") is
  // that name uncued; its article must not cue the shorter "Cholo" inside it.
  private cueIsPartOfName(c: CompiledEntry): boolean {
    if (!this.articleNames) {
      this.articleNames = new Set();
      const r = this.raw.find((x) => x.from === this.m.from - 1 && x.to === this.m.to);
      if (r) {
        const facts = new MatchFacts(this.page, r, this.raw);
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

/**
 * Whether a capitalised one-word name matched *anywhere* could be taken at word `i`, as far as
 * the text alone says (the page's word filter keeps it: wordFilter.ts `standaloneKey`): not
 * in lower case on a page that capitalises names (`lowerCaseWord`; the caller marks uncased
 * pages whole), not running on into a capitalised word (`runsOnIntoOtherName`) and not ending
 * another name (`endsOtherName`). It must stay true wherever those let such a name through,
 * apart from the exemption for the actor's own names beside it (the re-scan adds the pages
 * holding those): `filterKeys.test.ts` checks it against findMentions on the labelled pages.
 * `lines` keeps whether each line (by its start) is set in title case, for the calls of one page.
 */
export function standaloneAt(t: PageTokens, i: number, lines: Map<number, boolean> = new Map()): boolean {
  if (!capitalAt(t, i)) return false;
  const next = i + 1;
  const caps = allCapsAt(t, i);
  if (!caps && next < t.words.length && capitalAt(t, next) && !t.hardBefore[next] && t.text[t.ends[next]!] !== ':' && !allCapsAt(t, next)) return false;
  const p = i - 1;
  if (p < 0 || caps || t.hardBefore[i] || !capitalAt(t, p)) return true;
  if (p === 0 || sentenceBreakBefore(t, p)) return true;
  if (t.text.slice(t.ends[p]!, t.starts[i]!).includes('\n') || allCapsAt(t, p)) return true;
  if (TITLES.has(t.words[p]!) || ARTICLES.has(t.words[p]!) || cueBefore(t, i)) return true;
  // Once per line (`lines`, by the line's start): a page without line breaks is one long line.
  // A word broken across a line end reads its two lines together (titleCaseLine), so its answer
  // is not the line's: worked out afresh, never remembered.
  const line = t.text.lastIndexOf('\n', t.starts[i]!) + 1;
  if (t.text.lastIndexOf('\n', t.ends[i]! - 1) + 1 !== line) return titleCaseLine(t, i);
  let title = lines.get(line);
  if (title === undefined) lines.set(line, (title = titleCaseLine(t, i)));
  return title;
}
