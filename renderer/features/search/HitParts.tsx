import type { Snippet } from '../../../shared/search/types';
import { snippetParts } from './query';

/** A snippet with its matched words in <mark>, built from the ranges (never from HTML). */
export function SnippetText({ snippet, id }: { snippet: Snippet; id?: string }) {
  return (
    <span className="search-hit__snippet" id={id}>
      {snippet.truncatedStart ? '… ' : null}
      {snippetParts(snippet.text, snippet.highlights).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
      {snippet.truncatedEnd ? ' …' : null}
    </span>
  );
}
