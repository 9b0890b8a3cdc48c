// Text around a mention: a short snippet for lists, and the sentence for a citation's quote.

export interface MentionSnippet { text: string; start: number; end: number }

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** About `context` characters either side of [start, end), cut at spaces, whitespace collapsed. */
export function mentionSnippet(text: string, start: number, end: number, context = 70): MentionSnippet {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  if (from > 0) { const sp = text.indexOf(' ', from); if (sp >= 0 && sp < start) from = sp + 1; }
  if (to < text.length) { const sp = text.lastIndexOf(' ', to); if (sp > end) to = sp; }
  const before = (from > 0 ? '…' : '') + squash(text.slice(from, start)).trimStart();
  const hit = squash(text.slice(start, end));
  const after = squash(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  return { text: before + hit + after, start: before.length, end: before.length + hit.length };
}

// A full stop ends a sentence unless it follows a single letter (an initial) or a common
// abbreviation; a blank line always does.
const ABBREVIATIONS = /(?:^|[\s(])(?:\p{L}|Sr|Sra|Dr|Mr|Mrs|Ms|St|Gen|Col|Cap|etc|No|p|pp)$/iu;

/** The sentence holding [start, end), whitespace collapsed, at most `max` characters (cut at words around the mention). */
export function sentenceAround(text: string, start: number, end: number, max = 400): string {
  let from = start;
  while (from > 0) {
    const c = text[from - 1]!;
    if (c === '\n' && text[from - 2] === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[from] ?? ' ') && !ABBREVIATIONS.test(text.slice(Math.max(0, from - 6), from - 1))) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const c = text[to]!;
    to++;
    if ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[to] ?? '') && !ABBREVIATIONS.test(text.slice(Math.max(0, to - 6), to - 1))) break;
    if (c === '\n' && text[to] === '\n') break;
  }
  const sentence = squash(text.slice(from, to)).trim();
  if (sentence.length <= max) return sentence;
  const snip = mentionSnippet(text, start, end, Math.floor((max - (end - start)) / 2));
  return snip.text;
}
