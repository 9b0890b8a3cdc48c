// Which actors are named on the same page, for the co-mention network.
import type { Mention } from './types';

export interface PageMentions {
  /** Whatever identifies the page to the caller, e.g. `${documentId}:${page}`. */
  readonly pageKey: string;
  readonly mentions: readonly Pick<Mention, 'actorIds' | 'ambiguous'>[];
}

export interface CoMention {
  /** a < b, so each pair appears once. */
  readonly a: string;
  readonly b: string;
  /** Pages naming both, in input order. */
  readonly pages: readonly string[];
}

export interface CoMentionOptions {
  /**
   * Count ambiguous mentions too. Off by default: "Quispe Palomino" said of both brothers
   * would otherwise pair every actor it might be with each other and with the page.
   */
  readonly includeAmbiguous?: boolean;
}

/** Pairs of actors named on the same page, most pages first. */
export function coMentions(pages: Iterable<PageMentions>, options: CoMentionOptions = {}): CoMention[] {
  const pairs = new Map<string, { a: string; b: string; pages: string[] }>();
  for (const page of pages) {
    const actors = new Set<string>();
    for (const m of page.mentions) {
      if (m.ambiguous && !options.includeAmbiguous) continue;
      for (const id of m.actorIds) actors.add(id);
    }
    const ids = [...actors].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { a: ids[i]!, b: ids[j]!, pages: [] }));
        if (pair.pages[pair.pages.length - 1] !== page.pageKey) pair.pages.push(page.pageKey);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.pages.length - x.pages.length || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
