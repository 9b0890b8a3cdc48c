import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { newCitation } from '../../../shared/model';
import { addCitation } from '../../db/citations';
import { useDb } from '../../db/dbContext';
import { getDocumentsByIds } from '../../db/documents';
import { mentionNamesOf, mentionQuote, mentionedIn } from '../../db/mentions';
import type { MentionRow } from '../../db/mentionTypes';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import { useMentionsRead, useMentionsStatus } from '../../mentions/useMentions';
import { useUi } from '../../state/store';
import { ambiguityNote, highlightTerms, pageList } from './labels';
import { MentionSnippet } from './MentionSnippet';
import { useActorNames } from './useActorNames';
import './mentions.css';

/** Sources listed at first, and pages per source, before "Show more": an actor can be on thousands. */
const SOURCES_SHOWN = 20;
const PAGES_SHOWN = 20;

/**
 * "Mentioned in" on an actor's profile: every source naming the actor, with counts and
 * pages; each page with a snippet, a link into the viewer with the name marked, and
 * "Cite", which attaches the sentence around the mention as the quote in one step.
 */
export function MentionedIn({ actorId, withName = false }: { actorId: string; withName?: boolean }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const status = useMentionsStatus();
  // Sources come from the index keys; rows (counts, snippets) only for the sources shown.
  const [limit, setLimit] = useState(SOURCES_SHOWN);
  const [allPages, setAllPages] = useState<ReadonlySet<string>>(new Set());
  // The rows are read again when the worker's mentions change, not after each chunk it writes
  // (useMentionsRead); the source count it writes afterwards is watched on its own.
  const counted = useLiveQuery(async () => (await mentionNamesOf(db, actorId))?.sources ?? 0, [db, actorId]);
  const view = useMentionsRead(() => mentionedIn(db, actorId, limit), [db, actorId, limit, counted], [db, actorId]);
  const byDoc = view?.rows ?? new Map<string, MentionRow[]>();
  const docIds = [...byDoc.keys()];
  const docs = useLiveQuery(async () => new Map((await getDocumentsByIds(db, docIds)).map((d) => [d.id, d])), [db, docIds.join(',')]);
  const names = useActorNames([actorId, ...[...byDoc.values()].flat().flatMap((r) => r.hits.flatMap((h) => h.others))]);
  if (view === undefined) return null;
  const total = view.total;

  const cite = async (row: MentionRow, title: string) => {
    const quote = await mentionQuote(db, row, row.hits[0]!);
    const saved = await addCitation(db, { table: 'actors', id: actorId, part: 'actor' }, newCitation(row.documentId, row.page, quote));
    if (saved.ok) notify(t('mentions.cited', { page: row.page, title }), 'info');
    else notify(saved.issues.map((i) => t.dynamic(i.message)).join(' '), 'error');
  };

  return (
    <section aria-labelledby={`sec-mentioned-in-${actorId}`} className="mentions">
      <h2 id={`sec-mentioned-in-${actorId}`} className="section-title">
        {t('mentions.mentionedIn')}{withName ? `: ${names.get(actorId) ?? '…'}` : ''} {total > 0 ? <span className="muted mentions__count">· {plural(t, 'mentions.sources', total)}</span> : null}
      </h2>
      {status.scanning ? <p className="muted" role="status">{t('mentions.building', status.scanning)}</p> : null}
      {total === 0 ? <p className="muted">{t('mentions.none')}</p> : (
        <ul className="mentions__sources">
          {[...byDoc].map(([documentId, pages]) => {
            const title = docs?.get(documentId)?.title ?? '…';
            const count = pages.reduce((n, r) => n + r.count, 0);
            return (
              <li key={documentId} className="mentions__source">
                <div className="mentions__source-head">
                  <strong>{title}</strong>
                  <span className="muted"> · {plural(t, 'mentions.times', count)} · {plural(t, 'mentions.pages', pages.length, { pages: pageList(pages.map((p) => p.page)) })}</span>
                </div>
                <ul className="mentions__pages">
                  {(allPages.has(documentId) ? pages : pages.slice(0, PAGES_SHOWN)).map((row) => {
                    const note = ambiguityNote(t, row, names);
                    return (
                      <li key={row.page} className="mentions__page">
                        <button type="button" className="link mentions__page-link" aria-label={t('mentions.openPage', { page: row.page, title })}
                          onClick={() => useUi.getState().openViewer(documentId, row.page, highlightTerms(row.hits))}>
                          {t('mentions.page', { page: row.page })}
                        </button>
                        <MentionSnippet snippet={row.snippet} />
                        {note ? <span className="mentions__note">{note}</span> : null}
                        <button type="button" className="mentions__cite" aria-label={t('mentions.citeLabel', { page: row.page, title })}
                          onClick={() => void cite(row, title)}>
                          {t('mentions.cite')}
                        </button>
                      </li>
                    );
                  })}
                </ul>
                {pages.length > PAGES_SHOWN && !allPages.has(documentId) ? (
                  <button type="button" className="link mentions__more" aria-label={t('mentions.allPagesOf', { count: pages.length, title })}
                    onClick={() => setAllPages(new Set([...allPages, documentId]))}>
                    {t('mentions.allPages', { count: pages.length })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {total > limit ? (
        <button type="button" className="link mentions__more" onClick={() => setLimit(limit + SOURCES_SHOWN)}>
          {plural(t, 'mentions.moreSources', Math.min(SOURCES_SHOWN, total - limit), { total })}
        </button>
      ) : null}
    </section>
  );
}
