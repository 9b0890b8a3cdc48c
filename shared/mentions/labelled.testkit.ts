// Reads tests/fixtures/mentions/pages.txt: pages with every intended mention marked
// [[text|actor-id,actor-id]]. Returns each page's plain text and the expected mentions.

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
