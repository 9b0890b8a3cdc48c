// Reads tests/fixtures/mentions/pages.txt: pages with every intended mention marked
// [[text|actor-id,actor-id]]. Returns each page's plain text and the expected mentions.

import type { MentionActor } from './nameEntries';

/** A person of a labelled set: their primary name and other names with their types. */
export const person = (id: string, name: string, ...others: [string, string][]): MentionActor => ({
  id, kind: 'person', name, names: others.map(([n, type]) => ({ name: n, type })),
});
/** A group or body of a labelled set, its other names as aliases. */
export const organisation = (id: string, kind: string, name: string, ...others: string[]): MentionActor => ({
  id, kind, name, names: others.map((n) => ({ name: n, type: 'alias' })),
});

export interface LabelledMention { readonly start: number; readonly end: number; readonly text: string; readonly actorIds: readonly string[] }
export interface LabelledPage { readonly id: string; readonly lang: string; readonly text: string; readonly expected: LabelledMention[] }

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

export function parseLabelledPages(source: string): LabelledPage[] {
  const pages: LabelledPage[] = [];
  const lines = source.split('\n').filter((l) => !l.startsWith('#'));
  let current: { id: string; lang: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const marked = current.lines.join('\n').trim();
    const expected: LabelledMention[] = [];
    let text = '';
    let last = 0;
    for (const m of marked.matchAll(MARK)) {
      text += marked.slice(last, m.index);
      expected.push({ start: text.length, end: text.length + m[1]!.length, text: m[1]!, actorIds: m[2]!.split(',').map((s) => s.trim()) });
      text += m[1]!;
      last = m.index + m[0].length;
    }
    text += marked.slice(last);
    pages.push({ id: current.id, lang: current.lang, text, expected });
  };
  for (const line of lines) {
    const head = /^=== (\S+) (\S+) ===$/.exec(line);
    if (head) {
      flush();
      current = { id: head[1]!, lang: head[2]!, lines: [] };
    } else current?.lines.push(line);
  }
  flush();
  return pages;
}

export interface LabelledScore {
  readonly labelled: number;
  readonly found: number;
  readonly precision: number;
  readonly recall: number;
  /** "page:start-end:actor "text"" for each (span, actor) found but not labelled, and labelled but not found. */
  readonly falsePositives: string[];
  readonly missed: string[];
}

/** Scores found mentions against the labels, counting one (page, span, actor) triple at a time. */
export function scoreLabelled(
  pages: readonly LabelledPage[],
  find: (text: string) => ReadonlyArray<{ start: number; end: number; text: string; actorIds: readonly string[] }>,
): LabelledScore {
  const key = (page: string, start: number, end: number, actor: string): string => `${page}:${start}-${end}:${actor}`;
  const expected = new Set<string>();
  const found = new Set<string>();
  const show = new Map<string, string>();
  for (const page of pages) {
    for (const m of page.expected) {
      for (const a of m.actorIds) {
        expected.add(key(page.id, m.start, m.end, a));
        show.set(key(page.id, m.start, m.end, a), JSON.stringify(m.text));
      }
    }
    for (const m of find(page.text)) {
      for (const a of m.actorIds) {
        const k = key(page.id, m.start, m.end, a);
        found.add(k);
        if (!show.has(k)) show.set(k, JSON.stringify(m.text));
      }
    }
  }
  const truePositives = [...found].filter((k) => expected.has(k)).length;
  return {
    labelled: expected.size,
    found: found.size,
    precision: found.size === 0 ? 0 : truePositives / found.size,
    recall: expected.size === 0 ? 0 : truePositives / expected.size,
    falsePositives: [...found].filter((k) => !expected.has(k)).map((k) => `${k} ${show.get(k)}`),
    missed: [...expected].filter((k) => !found.has(k)).map((k) => `${k} ${show.get(k)}`),
  };
}
