import { describe, expect, it } from 'vitest';
import { characterErrorRate, levenshtein, normaliseForCer } from './cer';
import { failedPage, pageResult, parseLanguages, type EngineReading } from './result';
import type { TsvWord } from './tsv';

const facts = { page: 3, width: 612, height: 792, durationMs: 1200 };
const reading = (words: TsvWord[]): EngineReading => ({ words, scale: 300 / 72, dpi: 300, version: '7.0.0', languages: ['spa', 'eng'] });
const w = (text: string, left: number, confidence = 90): TsvWord => ({ text, block: 1, paragraph: 1, line: 1, left, top: 300, width: 100, height: 40, confidence });

describe('pageResult', () => {
  it('is read, with text, words and provenance, when the engine found words', () => {
    const result = pageResult(facts, true, reading([w('hola', 300, 92), w('mundo', 420, 86)]));
    expect(result.status).toBe('read');
    if (result.status !== 'read') return;
    expect(result.text).toBe('hola mundo');
    expect(result.provenance).toEqual({ engine: 'tesseract.js', version: '7.0.0', languages: ['spa', 'eng'], confidence: 88.7, rotation: 0, dpi: 300 });
  });

  it('is a failure, not blank, when a page holding an image gives no text', () => {
    const result = pageResult(facts, true, reading([]));
    expect(result).toMatchObject({ status: 'failed', reason: 'no-text', page: 3 });
    expect(result.status === 'failed' && result.provenance?.engine).toBe('tesseract.js');
  });

  it('is blank only when nothing is drawn on the page', () => {
    expect(pageResult(facts, false, reading([])).status).toBe('blank');
  });
});

describe('failedPage', () => {
  it('says how long the time limit was', () => {
    expect(failedPage(facts, 'timed-out', { timeoutMs: 45_000 })).toMatchObject({ status: 'failed', reason: 'timed-out', provenance: null, message: expect.stringContaining('45 s') });
  });
  it('carries the underlying message', () => {
    expect(failedPage(facts, 'render-failed', { message: 'bad XObject' })).toMatchObject({ status: 'failed', reason: 'render-failed', message: expect.stringContaining('bad XObject') });
  });
});

describe('parseLanguages', () => {
  it('splits Tesseract language strings and rejects anything else', () => {
    expect(parseLanguages('spa+eng')).toEqual(['spa', 'eng']);
    expect(parseLanguages('chi_sim')).toEqual(['chi_sim']);
    expect(() => parseLanguages('')).toThrow();
    expect(() => parseLanguages('../eng')).toThrow();
  });
});

describe('character error rate', () => {
  it('counts edits over the reference length after normalising quotes, dashes and whitespace', () => {
    expect(normaliseForCer('“Hola”\n  —  mundo ')).toBe('"Hola" - mundo');
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(characterErrorRate('El niño', 'El nino')).toBeCloseTo(1 / 7);
    expect(characterErrorRate('one\ntwo', 'one two')).toBe(0);
    expect(characterErrorRate('', '')).toBe(0);
    expect(characterErrorRate('', 'x')).toBe(1);
  });

  it('compares composed and decomposed accents as equal', () => {
    expect(characterErrorRate('declaró', 'declaro\u0301')).toBe(0);
  });
});
