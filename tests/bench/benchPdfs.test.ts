import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../shared/pdf';
import { makeBenchCorpus } from './benchPdfs';

const pdfjsDir = join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules/pdfjs-dist/');
const assets = { cMapUrl: join(pdfjsDir, 'cmaps/'), standardFontDataUrl: join(pdfjsDir, 'standard_fonts/'), wasmUrl: join(pdfjsDir, 'wasm/'), useWorkerFetch: false };

describe('documents benchmark corpus', () => {
  const corpus = makeBenchCorpus({ bigPages: 6, smallCount: 8, seed: 3 });

  it('makes one long PDF and short ones of 1–5 pages, ~350 words a page, deterministically', () => {
    expect(corpus[0]!.pages).toBe(6);
    expect(corpus.slice(1).every((f) => f.pages >= 1 && f.pages <= 5)).toBe(true);
    const perPage = corpus.reduce((n, f) => n + f.words, 0) / corpus.reduce((n, f) => n + f.pages, 0);
    expect(perPage).toBeGreaterThan(340);
    expect(perPage).toBeLessThan(380);
    expect(makeBenchCorpus({ bigPages: 6, smallCount: 8, seed: 3 })).toEqual(corpus);
  });

  it('reads back through the app extractor with every page and the accents intact', async () => {
    const result = await extractDocument(pdfjs, corpus[0]!.bytes.slice(), { assets });
    expect(result.state).toBe('extracted');
    expect(result.pages).toHaveLength(6);
    const text = result.pages.join(' ');
    expect(text.split(/\s+/).length).toBeGreaterThan(6 * 330);
    expect(text).toMatch(/[áéíóúñ]/);
    expect(text).toMatch(/\b(the|and|of)\b/);
    expect(result.info?.title).toContain('Informe final');
  });
});
