// Phrase checks on page text (shared/search/highlight.ts) rule a word out by its first letter
// before stemming it: Snowball Spanish and Porter English rewrite only a word's ending. This
// holds the stemmers to it over every distinct word of the relevance set and of 300 bench
// documents (Spanish and English Zipf vocabularies, names, places), and over the endings Porter
// rewrites most ("-ational", "-ization", "-ies", "-y").
import { describe, expect, it } from 'vitest';
import { foldedTokens, stemsOf } from '../../shared/search';
import { makeCorpus } from '../bench/searchCorpus';
import { loadRelevanceCorpus } from '../fixtures/search/loadRelevanceCorpus';

function vocabulary(): Set<string> {
  const words = new Set<string>();
  for (const pages of loadRelevanceCorpus().documents.values()) for (const page of pages) for (const w of foldedTokens(page)) words.add(w);
  const corpus = makeCorpus();
  for (let i = 0; i < 300; i++) for (const page of corpus.document(i, 3).pages) for (const w of foldedTokens(page)) words.add(w);
  for (const w of ['relational', 'organization', 'flies', 'ying', 'yes', 'y', 'ye', 'eye', 'ion', 'iones', 'accion', 'ate', 'aye', 'oed', 'ing', 'es', 'a', 'e', 'o', 'u', 'ya', 'yo']) words.add(w);
  return words;
}

describe('stems keep the first letter of their word', () => {
  it('holds for both stemmers over the relevance set and the bench vocabularies', () => {
    const words = vocabulary();
    expect(words.size).toBeGreaterThan(5_000);
    const broken = [...words].filter((w) => stemsOf(w).some((stem) => stem.charCodeAt(0) !== w.charCodeAt(0)));
    expect(broken).toEqual([]);
  });
});
