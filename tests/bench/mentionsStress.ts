// The mentions bench's stress edit and per-edit figures (mentionsPage.ts). The stress edit is
// the one-word alias, matched anywhere, that the most pages would gain: every such page must
// be read, matched and its row rewritten, so it is the costliest kind of name edit. It is
// found by adding the most frequent capitalised words of a page sample to the case's own trie
// (as names of their own) and counting on how many sample pages each is found.
import { NameTrie, findMentionsInTokens, foldWord, proposeRule, tokenize } from '../../shared/mentions';
import type { NameEntry } from '../../shared/mentions';
import { pageSearchText } from '../../shared/search/records';
import type { CasefileDb } from '../../renderer/db/db';
import type { MentionNamesRow } from '../../renderer/db/mentionTypes';
import { samplePageKeys, sampleWordFrequency } from '../../renderer/mentions/libraryWords';
import { pagesHolding } from '../../renderer/mentions/rescanPages';
import { textVersion } from '../../renderer/search/sources';

const CANDIDATES = 80;
const STRESS_ACTOR = '\u0000stress-';
const WORD = /^\p{Lu}\p{Ll}{3,}$/u;

const entriesOf = (row: MentionNamesRow | undefined): NameEntry[] => (row?.entries ?? []).map((e) => ({
  actorId: row!.actorId, name: e.name, source: e.source, rule: e.rule,
  ...(e.givenNames ? { givenNames: e.givenNames } : {}), ...(e.common ? { common: true } : {}),
}));

export interface StressChoice {
  word: string;
  /**
   * The runner-up, for the same edit with a word that another name of the case also holds: the
   * bench first gives another actor `usedBy` ("Comandante Iscozacín"), then adds the word to the
   * stress actor and takes it off. What the word does on a page then depends on that other
   * name too, so these are the slow kind of the stress edit.
   */
  shared: { word: string; found: number; estimatedPages: number; usedBy: string } | null;
  samplePages: number;
  /** Sample pages on which the word was found as a name. */
  found: number;
  /** `found` scaled to the library. */
  estimatedPages: number;
  /** The runners-up, with their sample counts. */
  runnersUp: [string, number][];
  ms: number;
}

/** The one-word name matched anywhere that the most pages would gain, estimated on `sample` pages. */
export async function stressEdit(db: CasefileDb, sample: number): Promise<StressChoice> {
  const t0 = performance.now();
  // In the order the documents were written (their file names), not by their random ids, so
  // that every run with the same seed samples the same pages and picks the same words.
  const library = (await db.documents.toArray()).filter((d) => textVersion(d) !== null)
    .map((d) => ({ id: d.id, pages: d.extraction.pageCount, order: d.fileName.replace(/\d+/g, (n) => n.padStart(8, '0')) }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = library.reduce((n, d) => n + d.pages, 0);
  // The worker proposes the alias's rule from this same estimate (libraryWords.ts).
  const frequency = await sampleWordFrequency(db, library, () => Promise.resolve());
  const trie = new NameTrie();
  const recorded = new Set<string>();
  // Every word of every name in the case, with one name holding it.
  const nameWords = new Map<string, string>();
  for (const row of await db.mentionNames.toArray()) {
    for (const e of entriesOf(row)) {
      trie.add(e);
      const words = tokenize(e.name).words;
      recorded.add(words.join(' '));
      for (const w of words) if (!nameWords.has(w)) nameWords.set(w, e.name);
    }
  }
  const keys = samplePageKeys(library, sample);
  const texts: string[] = [];
  for (let i = 0; i < keys.length; i += 250) {
    for (const row of await db.pages.bulkGet(keys.slice(i, i + 250))) if (row) texts.push(pageSearchText(row.text, row.annotations));
  }
  // Capitalised words by the number of sample pages writing them so.
  const capitalised = new Map<string, { written: string; pages: number }>();
  for (const text of texts) {
    const t = tokenize(text);
    const seen = new Set<string>();
    for (let k = 0; k < t.words.length; k++) {
      const written = text.slice(t.starts[k]!, t.ends[k]!);
      if (!WORD.test(written) || seen.has(t.words[k]!)) continue;
      seen.add(t.words[k]!);
      const c = capitalised.get(t.words[k]!);
      if (c) c.pages++;
      else capitalised.set(t.words[k]!, { written, pages: 1 });
    }
  }
  const eligible = [...capitalised.entries()]
    .filter(([folded, c]) => !recorded.has(folded) && foldWord(c.written) === folded && proposeRule(c.written, frequency).rule === 'anywhere')
    .sort((a, b) => b[1].pages - a[1].pages || (a[0] < b[0] ? -1 : 1));
  // The most frequent words no name holds.
  const candidates = eligible.filter(([folded]) => !nameWords.has(folded)).slice(0, CANDIDATES).map(([, c]) => c.written);
  candidates.forEach((name, i) => trie.add({ actorId: `${STRESS_ACTOR}${i}`, name, source: 'name', rule: 'anywhere' }));
  const found = new Array<number>(candidates.length).fill(0);
  for (const text of texts) {
    const on = new Set<number>();
    for (const m of findMentionsInTokens(trie, tokenize(text))) {
      for (const id of m.actorIds) if (id.startsWith(STRESS_ACTOR)) on.add(Number(id.slice(STRESS_ACTOR.length)));
    }
    for (const i of on) found[i]!++;
  }
  const ranked = candidates.map((word, i): [string, number] => [word, found[i]!]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const estimate = (count: number) => Math.round((count / Math.max(1, texts.length)) * total);
  const [word, count] = ranked[0] ?? ['Zzyzx', 0];
  const second = ranked[1];
  return {
    word, samplePages: texts.length, found: count, estimatedPages: estimate(count), runnersUp: ranked.slice(1, 5),
    shared: second ? { word: second[0], found: second[1], estimatedPages: estimate(second[1]), usedBy: `Comandante ${second[0]}` } : null,
    ms: performance.now() - t0,
  };
}

/**
 * The pages the worker re-scanned for an edit that added or removed `name` (found again from
 * the stored word filters, as the worker finds them: renderer/mentions/rescanPages.ts).
 */
export async function rescannedPages(db: CasefileDb, actorId: string, name: string, before: MentionNamesRow | undefined, after: MentionNamesRow | undefined): Promise<[string, number][]> {
  const prev = entriesOf(before);
  const next = entriesOf(after);
  const key = (e: NameEntry) => `${e.source}\u0000${e.rule}\u0000${e.name}`;
  const prevKeys = new Set(prev.map(key));
  const nextKeys = new Set(next.map(key));
  const changed = [...prev.filter((e) => !nextKeys.has(key(e))), ...next.filter((e) => !prevKeys.has(key(e)))];
  if (!changed.length) changed.push({ actorId, name, source: 'name', rule: 'anywhere' });
  const siblings = [...prev, ...next];
  return pagesHolding(await db.mentionDocs.toArray(), changed.map((entry) => ({ entry, siblings })), new Set());
}

/** Which of the actor's pages are new, and which are gone. */
export function gainsAndLosses(before: readonly [string, number][], after: readonly [string, number][]): { gained: number; lost: number } {
  const k = (p: [string, number]) => `${p[0]}\u0000${p[1]}`;
  const was = new Set(before.map(k));
  const now = new Set(after.map(k));
  return { gained: after.filter((p) => !was.has(k(p))).length, lost: before.filter((p) => !now.has(k(p))).length };
}

/** Reference: the pages' own rows (their text), read raw in chunks of 200 (one transaction each, one after another). */
export async function readPagesRaw(db: CasefileDb, keys: readonly [string, number][]): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  let rows = 0;
  for (let i = 0; i < keys.length; i += 200) rows += (await db.pages.bulkGet(keys.slice(i, i + 200))).filter(Boolean).length;
  return { ms: performance.now() - t0, rows };
}
