import { useDb } from '../../db/dbContext';
import { mentionsInDocument } from '../../db/mentions';
import type { MentionRow } from '../../db/mentionTypes';
import { useMentionsRead } from '../../mentions/useMentions';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { ambiguityNote, highlightTerms } from './labels';
import { useActorNames } from './useActorNames';
import './mentions.css';

interface ActorsMentionedProps {
  documentId: string;
  /** Where a page link goes: the viewer's own page change when inside it, else the viewer opens. */
  onPage?: (page: number, terms: string[]) => void;
  /** In the viewer: also list who is named on the page shown. */
  currentPage?: number;
  headingLevel?: 'h2' | 'h3';
}

interface ActorMentions { actorId: string; count: number; rows: MentionRow[] }

/** "Actors mentioned" in a source: each actor with counts and the pages naming them; ambiguous mentions say so. */
export function ActorsMentioned({ documentId, onPage, currentPage, headingLevel = 'h2' }: ActorsMentionedProps) {
  const db = useDb();
  const t = useT();
  // Read again when the worker's mentions change, not after each chunk it writes (useMentionsRead).
  const rows = useMentionsRead(() => mentionsInDocument(db, documentId), [db, documentId]);
  const names = useActorNames((rows ?? []).flatMap((r) => [r.actorId, ...r.hits.flatMap((h) => h.others)]));
  if (rows === undefined) return null;
  const byActor = new Map<string, ActorMentions>();
  for (const row of rows) {
    let entry = byActor.get(row.actorId);
    if (!entry) byActor.set(row.actorId, (entry = { actorId: row.actorId, count: 0, rows: [] }));
    entry.count += row.count;
    entry.rows.push(row);
  }
  const actors = [...byActor.values()].sort((a, b) => b.count - a.count || (names.get(a.actorId) ?? '').localeCompare(names.get(b.actorId) ?? ''));
  const go = (row: MentionRow) => (onPage ? onPage(row.page, highlightTerms(row.hits)) : useUi.getState().openViewer(documentId, row.page, highlightTerms(row.hits)));
  const Heading = headingLevel;
  const onPageNow = currentPage === undefined ? [] : actors.filter((a) => a.rows.some((r) => r.page === currentPage));
  const elsewhere = actors.filter((a) => !onPageNow.includes(a));

  const list = (items: ActorMentions[], label: string) => (
    <ul className="mentions-actors" aria-label={label}>
      {items.map((a) => {
        const name = names.get(a.actorId) ?? '…';
        const notes = [...new Set(a.rows.map((r) => ambiguityNote(t, r, names)).filter(Boolean))];
        return (
          <li key={a.actorId}>
            <button type="button" className="link" onClick={() => useUi.getState().selectActor(a.actorId)}><strong>{name}</strong></button>
            <span className="muted">{plural(t, 'mentions.times', a.count)}</span>
            <span className="mentions-actors__pages">
              {a.rows.map((row) => (
                <button key={row.page} type="button" className="link" aria-label={t('mentions.jumpToPage', { page: row.page, name })}
                  aria-current={row.page === currentPage ? 'page' : undefined} onClick={() => go(row)}>
                  {t('mentions.page', { page: row.page })}
                </button>
              ))}
            </span>
            {notes.map((note) => <span key={note} className="mentions-actors__note">{note}</span>)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section aria-label={t('mentions.actorsMentioned')} className="mentions">
      {/* In a source's detail it is one of the small section titles; the viewer styles its own. */}
      <Heading className={currentPage === undefined ? 'section-title' : undefined}>{t('mentions.actorsMentioned')}</Heading>
      {actors.length === 0 ? <p className="muted">{t('mentions.noActors')}</p> : (
        <>
          {currentPage === undefined ? list(actors, t('mentions.actorsMentioned')) : (
            <>
              <h3>{t('mentions.onThisPage')}</h3>
              {onPageNow.length ? list(onPageNow, t('mentions.onThisPage')) : <p className="muted">—</p>}
              {elsewhere.length ? <><h3>{t('mentions.elsewhere')}</h3>{list(elsewhere, t('mentions.elsewhere'))}</> : null}
            </>
          )}
        </>
      )}
    </section>
  );
}
