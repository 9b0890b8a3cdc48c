import type { MentionHit, MentionRow } from '../../db/mentionTypes';
import type { useT } from '../../i18n/useT';

type T = ReturnType<typeof useT>;

/** "ambiguous: A or B" / "named together with B" for a page's mentions of one actor, or '' when certain. */
export function ambiguityNote(t: T, row: MentionRow, names: ReadonlyMap<string, string>): string {
  if (row.ambiguous !== 1) return '';
  const hit = row.hits[0];
  if (!hit) return '';
  const others = hit.others.map((id) => names.get(id) ?? '…');
  if (hit.moreOthers) others.push(t('mentions.more', { count: hit.moreOthers }));
  const text = hit.text.replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ');
  if (hit.together) return t('mentions.together', { text, names: others.join(t('mentions.and')) });
  return t('mentions.ambiguous', { text, names: [names.get(row.actorId) ?? '…', ...others].join(t('mentions.or')) });
}

/** Words for the viewer to mark: what the page wrote for each kept hit. */
export const highlightTerms = (hits: readonly MentionHit[]): string[] =>
  [...new Set(hits.map((h) => h.text.replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ')))];

/** "2, 5, 7" */
export const pageList = (pages: readonly number[]): string => pages.join(', ');
