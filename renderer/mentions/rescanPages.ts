// Which pages a name edit must re-scan, from the documents' word filters (wordFilter.ts).
// A page can gain or lose a mention of a name only if it holds every word of the name, and
// whatever else decides it (a cue, quotes, the actor's other names nearby) is on that page
// too (docs/mentions.md). A with-cue name of one word ("José", "Puerto") is on many pages but
// found on few: it needs a cue where it stands (the filter's context key for the word) or
// another name of the same actor on the page, so only those pages are re-scanned.
import { FILTER_CONTEXT_VERSION, UNCASED_KEY, WORD_FILTER_BYTES, capitalisedAt, compileEntry, contextKey, mayHold, midSentenceKey, standaloneKey, tokenize, wordProbe } from '../../shared/mentions';
import type { NameEntry, WordProbe } from '../../shared/mentions';
import { ARTICLES } from '../../shared/mentions/rules';
import type { MentionDocRow } from '../db/mentionTypes';
import type { PageKey } from './pageScan';

/** A name added or removed, with every name its actor had before or has now. */
export interface ChangedEntry { entry: NameEntry; siblings: readonly NameEntry[] }

interface Probe {
  /** Every word of the name. */
  words: WordProbe[];
  /**
   * For a with-cue name of one word: its context key, its mid-sentence key when it is made of
   * ordinary words (found uncued where capitalised inside a sentence), and the other names'
   * words of its actor.
   */
  cue?: { key: WordProbe; mid?: WordProbe; others: WordProbe[][] };
  /**
   * For a capitalised name of one word matched anywhere (not an acronym): its standalone key,
   * the uncased-page key, and the other names' words of its actor.
   */
  alone?: { key: WordProbe; uncased: WordProbe; others: WordProbe[][] };
}

const sameWords = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

function probeOf({ entry, siblings }: ChangedEntry): Probe | null {
  const { words, starts } = tokenize(entry.name);
  if (!words.length) return null;
  const probe: Probe = { words: words.map(wordProbe) };
  const compiled = compileEntry(entry);
  if (words.length !== 1 || !capitalisedAt(entry.name, starts[0]!) || ARTICLES.has(words[0]!) || compiled?.contentWords !== 1) return probe;
  // Another name of the actor spelled the same way (a family name equal to an alias) would
  // hold on every page holding the word: it adds nothing, so it is left out.
  const others = [...new Map(siblings.map((s) => tokenize(s.name).words).filter((w) => w.length && !sameWords(w, words))
    .map((w) => [w.join(' '), w.map(wordProbe)])).values()];
  if (entry.rule !== 'anywhere') {
    // A name recorded in lower case ("cholo") may be cued uncapitalised: the context keys, kept
    // for capitalised words only (cues.ts `cueContexts`), cannot say where; it is left out above.
    const mid = compiled.wordName ? { mid: wordProbe(midSentenceKey(words[0]!)) } : {};
    probe.cue = { key: wordProbe(contextKey(words[0]!)), ...mid, others };
  } else if (entry.source === 'name' && !compiled.acronym) {
    probe.alone = { key: wordProbe(standaloneKey(words[0]!)), uncased: wordProbe(UNCASED_KEY), others };
  }
  return probe;
}

const holdsAll = (filters: Uint8Array, at: number, words: readonly WordProbe[]): boolean => words.every((p) => mayHold(filters, at, p));

function mayChange(doc: MentionDocRow, at: number, probe: Probe): boolean {
  if (!holdsAll(doc.filters, at, probe.words)) return false;
  // Filters written before they held these keys cannot tell: every page with the word.
  if (doc.context !== FILTER_CONTEXT_VERSION) return true;
  if (probe.cue) {
    const { key, mid, others } = probe.cue;
    return mayHold(doc.filters, at, key) || (mid !== undefined && mayHold(doc.filters, at, mid)) || others.some((words) => holdsAll(doc.filters, at, words));
  }
  if (probe.alone) {
    const { key, uncased, others } = probe.alone;
    return mayHold(doc.filters, at, key) || mayHold(doc.filters, at, uncased) || others.some((words) => holdsAll(doc.filters, at, words));
  }
  return true;
}

/** Pages of the documents (but those in `skip`, just scanned) whose mentions the changed names may change. */
export function pagesHolding(docs: Iterable<MentionDocRow>, changed: readonly ChangedEntry[], skip: ReadonlySet<string>): PageKey[] {
  const seen = new Set<string>();
  const probes: Probe[] = [];
  for (const c of changed) {
    const key = `${c.entry.actorId}\u0000${c.entry.rule}\u0000${c.entry.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const probe = probeOf(c);
    if (probe) probes.push(probe);
  }
  const out: PageKey[] = [];
  if (!probes.length) return out;
  for (const doc of docs) {
    if (skip.has(doc.documentId)) continue;
    for (let i = 0; i < doc.pages.length; i++) {
      const at = i * WORD_FILTER_BYTES;
      if (probes.some((p) => mayChange(doc, at, p))) out.push([doc.documentId, doc.pages[i]!]);
    }
  }
  return out;
}
