// Splits a phrase into folded words that remember where they came from, so an error can
// quote the offending words exactly as the user typed them.

export interface Token {
  /** Lower-case, accent-free, no apostrophes or trailing punctuation. */
  norm: string;
  start: number;
  end: number;
}

// Kept whole: hyphens inside these are part of the date, not a range.
const NUMERIC_DATE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{4}-(0[1-9]|1[0-2]))[.,;:]?$/;
const CIRCA_GLUED = /^(c|ca|circa)\.?(?=\d)/i;
const DASHES = /[-‐‑‒–—―−]/;

/** NFKD so that "º" becomes "o" (1.º) and accents come off as separate marks. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/^[(“"«]+|[)”"»,.;:!]+$/g, '');
}

export function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  const push = (raw: string, start: number): void => {
    const norm = fold(raw);
    if (norm) tokens.push({ norm, start, end: start + raw.length });
  };
  for (const m of input.matchAll(/\S+/g)) {
    let raw = m[0];
    let at = m.index;
    const glued = CIRCA_GLUED.exec(raw);
    if (glued) {
      push(glued[0], at);
      at += glued[0].length;
      raw = raw.slice(glued[0].length);
    }
    if (NUMERIC_DATE.test(raw)) {
      push(raw, at);
      continue;
    }
    // "mid-1990s", "1990–93", "Aug-Sep": dashes become their own "-" tokens.
    let piece = '';
    let pieceAt = at;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw.charAt(i);
      if (DASHES.test(ch)) {
        push(piece, pieceAt);
        tokens.push({ norm: '-', start: at + i, end: at + i + 1 });
        piece = '';
        pieceAt = at + i + 1;
      } else {
        piece += ch;
      }
    }
    push(piece, pieceAt);
  }
  return tokens;
}

/** The input as typed from the first to the last of `tokens`. */
export function rawText(input: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? input.slice(first.start, last.end) : input;
}
