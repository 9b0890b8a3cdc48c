import { useLiveQuery } from 'dexie-react-hooks';
import { newCitation } from '../../../shared/model';
import { addCitation } from '../../db/citations';
import { useDb } from '../../db/dbContext';
import { getDocumentsByIds } from '../../db/documents';
import { mentionQuote, mentionsOfActor } from '../../db/mentions';
import type { MentionRow } from '../../db/mentionTypes';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import { useMentionsStatus } from '../../mentions/useMentions';
import { useUi } from '../../state/store';
import { ambiguityNote, highlightTerms, pageList } from './labels';
import { MentionSnippet } from './MentionSnippet';
import { useActorNames } from './useActorNames';
import './mentions.css';

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
  const rows = useLiveQuery(() => mentionsOfActor(db, actorId), [db, actorId]);
  const docIds = [...new Set((rows ?? []).map((r) => r.documentId))];
  const docs = useLiveQuery(async () => new Map((await getDocumentsByIds(db, docIds)).map((d) => [d.id, d])), [db, docIds.join(',')]);
  const names = useActorNames([actorId, ...(rows ?? []).flatMap((r) => r.hits.flatMap((h) => h.others))]);
  if (rows === undefined) return null;

  const byDoc = new Map<string, MentionRow[]>();
  for (const row of rows) {
    let list = byDoc.get(row.documentId);
    if (!list) byDoc.set(row.documentId, (list = []));
    list.push(row);
  }

  const cite = async (row: MentionRow, title: string) => {
    const quote = await mentionQuote(db, row, row.hits[0]!);
    const saved = await addCitation(db, { table: 'actors', id: actorId, part: 'actor' }, newCitation(row.documentId, row.page, quote));
    if (saved.ok) notify(t('mentions.cited', { page: row.page, title }), 'info');
    else notify(saved.issues.map((i) => t.dynamic(i.message)).join(' '), 'error');
  };

  return (
    <section aria-labelledby={`sec-mentioned-in-${actorId}`} className="mentions">
      <h2 id={`sec-mentioned-in-${actorId}`} className="section-title">
        {t('mentions.mentionedIn')}{withName ? `: ${names.get(actorId) ?? '…'}` : ''} {byDoc.size > 0 ? <span className="muted mentions__count">· {plural(t, 'mentions.sources', byDoc.size)}</span> : null}
      </h2>
      {status.scanning ? <p className="muted" role="status">{t('mentions.building', status.scanning)}</p> : null}
      {byDoc.size === 0 ? <p className="muted">{t('mentions.none')}</p> : (
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
                  {pages.map((row) => {
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
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
