import type { SearchResults } from '../../../shared/search/types';

// `mentions:"Comandante Artemio"` (or `menciona:`) keeps only the pages that mention that actor.
// The search worker never sees it: the window takes it out of the query and filters the page
// hits with the mentions table (renderer/db/mentions.ts pagesMentioning).
const MENTIONS = /(^|\s)-?(?:mentions|menciona):(?:"([^"]*)"?|“([^”]*)”?|«([^»]*)»?|(\S+))/giu;

export interface MentionsFilter {
  /** The actor names asked for, as typed. */
  names: string[];
  /** The query without them. */
  rest: string;
}

export function splitMentionsFilter(input: string): MentionsFilter {
  const names: string[] = [];
  const rest = input.replace(MENTIONS, (_m, lead: string, a?: string, b?: string, c?: string, d?: string) => {
    const name = (a ?? b ?? c ?? d ?? '').trim();
    if (name) names.push(name);
    return lead;
  });
  return { names, rest: rest.replace(/\s+/g, ' ').trim() };
}

/** The results with only the page hits on `pages` ("document:page" keys). */
export function keepPages(results: SearchResults, pages: ReadonlySet<string>): SearchResults {
  const hits = results.groups.page.hits.filter((h) => pages.has(`${h.documentId}:${h.page}`));
  return { ...results, groups: { ...results.groups, page: { ...results.groups.page, hits, count: hits.length } } };
}
