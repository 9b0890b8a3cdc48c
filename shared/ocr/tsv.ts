/** One word of Tesseract's TSV output, in the pixels of the image it read. */
export interface TsvWord {
  block: number;
  paragraph: number;
  line: number;
  /** Left, top, width, height in image pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

const WORD_LEVEL = 5;

/**
 * Words from Tesseract's TSV (`GetTSVText`, the CLI's `tsv` output): columns level, page, block,
 * paragraph, line, word, left, top, width, height, conf, text. The header row, if any, and the
 * page/block/paragraph/line rows are skipped, and so are words that are only whitespace.
 * Rows come in reading order and stay so.
 */
export function parseTsv(tsv: string): TsvWord[] {
  const words: TsvWord[] = [];
  for (const row of tsv.split('\n')) {
    const cells = row.replace(/\r$/, '').split('\t');
    if (cells.length < 12 || Number(cells[0]) !== WORD_LEVEL) continue;
    // The text is the last column; a tab cannot occur in it, but be safe and re-join.
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    const [, , block, paragraph, line, , left, top, width, height, confidence] = cells.map(Number);
    words.push({
      block: block!, paragraph: paragraph!, line: line!,
      left: left!, top: top!, width: width!, height: height!,
      confidence: Math.max(0, Math.min(100, confidence!)),
      text,
    });
  }
  return words;
}
