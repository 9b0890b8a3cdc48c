import type { MentionRow } from '../../db/mentionTypes';

/** The words around the first mention on a page, the name marked. */
export function MentionSnippet({ snippet }: { snippet: MentionRow['snippet'] }) {
  return (
    <span className="mention-snippet">
      {snippet.text.slice(0, snippet.start)}<mark>{snippet.text.slice(snippet.start, snippet.end)}</mark>{snippet.text.slice(snippet.end)}
    </span>
  );
}
