import { useLiveQuery } from 'dexie-react-hooks';
import type { Citation } from '../../shared/model';
import { useDb } from '../db/dbContext';
import { getDocumentsByIds } from '../db/documents';
import { useT } from '../i18n/useT';
import { useUi } from '../state/store';

/** Titles of the live documents among the ids, in one read; a missing id is in the trash or gone. */
function useDocumentTitles(ids: readonly string[]): Map<string, string> | undefined {
  const db = useDb();
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(async () => {
    const docs = await getDocumentsByIds(db, key ? key.split(',') : []);
    return new Map(docs.map((d) => [d.id, d.title]));
  }, [db, key]);
}

/**
 * The sources behind one fact: "<document title> · p. N — “quote”", each a button that
 * opens the viewer at that page. A citation whose document is in the trash or gone stays
 * listed, marked as not available, rather than silently disappearing.
 */
export function CitationList({ citations, label }: { citations: readonly Citation[]; label?: string }) {
  const t = useT();
  const openViewer = useUi((s) => s.openViewer);
  const titles = useDocumentTitles(citations.map((c) => c.documentId));
  if (citations.length === 0) return null;
  return (
    <ul className="citations" aria-label={label ?? t('common.citations')}>
      {citations.map((c) => {
        const title = titles?.get(c.documentId);
        const where = c.page ? t('common.page', { page: c.page }) : t('common.wholeDocument');
        return (
          <li key={c.id}>
            {title !== undefined ? (
              <button type="button" className="link citation__open"
                aria-label={t('citation.open', { title, where })}
                onClick={() => openViewer(c.documentId, c.page ?? 1)}>
                {title} · {where}
              </button>
            ) : (
              <span>{titles ? <span className="muted">{t('citation.unavailable')}</span> : '…'} · {where}</span>
            )}
            {c.quote ? <> — <q>{c.quote}</q></> : null}
            {c.note ? <> ({c.note})</> : null}
          </li>
        );
      })}
    </ul>
  );
}
