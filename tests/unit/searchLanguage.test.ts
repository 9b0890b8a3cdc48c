// Language detection measured over real and generated pages: the sample case's article (English,
// one page per paragraph), the Spanish note of the relevance set, and the bench corpus (70 %
// Spanish / 30 % English documents built from each language's Zipf word lists).
import { describe, expect, it } from 'vitest';
import { detectLanguage, foldedTokens } from '../../shared/search';
import { makeCorpus } from '../bench/searchCorpus';
import { loadRelevanceCorpus } from '../fixtures/search/loadRelevanceCorpus';

describe('page language detection', () => {
  it('reads every paragraph of the article as English (short headings never as Spanish) and the Spanish note as Spanish', () => {
    const corpus = loadRelevanceCorpus();
    for (const page of corpus.documents.get('article')!.filter((p) => p.trim())) {
      const words = foldedTokens(page);
      if (words.length >= 20) expect(detectLanguage(words), page.slice(0, 60)).toBe('en');
      else expect(detectLanguage(words), page.slice(0, 60)).not.toBe('es');
    }
    for (const page of corpus.documents.get('nota-es')!) expect(detectLanguage(foldedTokens(page))).toBe('es');
  });

  it('is right on at least 99 % of generated pages and never calls a page the other language', () => {
    const corpus = makeCorpus(7, { es: 4_000, en: 2_000 });
    let right = 0;
    let wrong = 0;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const doc = corpus.document(i, 10);
      for (const page of doc.pages) {
        const guess = detectLanguage(foldedTokens(page));
        total++;
        if (guess === doc.lang) right++;
        else if (guess !== 'mixed') wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(right / total).toBeGreaterThanOrEqual(0.99);
  });
});
