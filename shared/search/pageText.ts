/**
 * The text a page is indexed and searched by: its own text, then the text of its form
 * fields and comments, one per line. Indexing, phrase checks and snippets all read it
 * through here, so offsets agree; the stored page text stays as the PDF gives it.
 * Its own module (no record model, no zod): the search worker's first answers read page
 * texts through it before the record schema is loaded.
 */
export function pageSearchText(text: string, annotations?: readonly { text: string }[]): string {
  if (!annotations?.length) return text;
  return [text, ...annotations.map((a) => a.text)].filter((t) => t !== '').join('\n');
}

/** A page's ref in the index: `page:<documentId>:<page>`. */
export const pageRef = (documentId: string, page: number): string => `page:${documentId}:${page}`;
