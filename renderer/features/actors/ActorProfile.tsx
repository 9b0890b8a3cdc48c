import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '../../../shared/model';
import { currentStatus, currentStatusEntry, isGroupKind, statusTimeline } from '../../../shared/model';
import { formatApproxDate } from '../../../shared/dates';
import { useDb } from '../../db/dbContext';
import { deleteActor, getActor, getActorsByIds, groupMembers } from '../../db/actors';
import { eventsForActor } from '../../db/events';
import { listCases } from '../../db/cases';
import { restoreFromTrash } from '../../db/trash';
import { CitationList } from '../../components/CitationList';
import { formatTimestamp, useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { kindKey, nameTypeKey, statusKey } from './labels';
import { roleLabel } from '../events/labels';
import { MentionedIn } from '../mentions/MentionedIn';
import { NameMatching } from '../mentions/NameMatching';

export function ActorProfile({ id }: { id: string }) {
  const db = useDb();
  const actor = useLiveQuery(async () => (await getActor(db, id)) ?? null, [db, id]);
  if (actor === undefined) return null;
  if (actor === null) return <p className="empty">—</p>;
  return <Profile actor={actor} />;
}

function Profile({ actor }: { actor: Actor }) {
  const db = useDb();
  const t = useT();
  const openEditor = useUi((s) => s.openEditor);
  const selectActor = useUi((s) => s.selectActor);
  const selectEvent = useUi((s) => s.selectEvent);
  const notify = useUi((s) => s.notify);
  const groupIds = actor.memberships.map((m) => m.groupId).join(',');
  const groups = useLiveQuery(async () => new Map((await getActorsByIds(db, groupIds ? groupIds.split(',') : [])).map((g) => [g.id, g])), [db, groupIds]);
  const members = useLiveQuery(() => (isGroupKind(actor.kind) ? groupMembers(db, actor.id) : Promise.resolve([])), [db, actor.id, actor.kind]) ?? [];
  const events = useLiveQuery(() => eventsForActor(db, actor.id), [db, actor.id]) ?? [];
  const cases = useLiveQuery(() => listCases(db), [db]) ?? [];
  const date = (d: Parameters<typeof formatApproxDate>[0] | null) => (d ? formatApproxDate(d, t.lang) : '');
  const status = currentStatus(actor.statusHistory);
  const current = currentStatusEntry(actor.statusHistory);

  const remove = async () => {
    await deleteActor(db, actor.id);
    selectActor(null);
    notify(t('trash.moved', { title: actor.name }), 'info', {
      label: t('action.undo'),
      run: () => { void restoreFromTrash(db, actor.id).then(() => selectActor(actor.id)); },
    });
  };

  return (
    <article className="detail" aria-labelledby="actor-name">
      <header className="detail__head">
        <div>
          <div className="detail__kicker">{t(kindKey(actor.kind))}{actor.nationality ? ` · ${actor.nationality}` : ''}</div>
          <h1 id="actor-name">{actor.name}</h1>
          {actor.names.length > 0 ? (
            <div className="muted">{t('actors.alsoKnownAs')}: {actor.names.map((n) => n.name).join(' · ')}</div>
          ) : null}
        </div>
        <div className="actions">
          <button type="button" onClick={() => openEditor({ kind: 'actor', id: actor.id })}>{t('action.edit')}</button>
          <button type="button" className="danger" onClick={() => void remove()}>{t('action.delete')}</button>
        </div>
      </header>

      {actor.kind === 'person' || actor.statusHistory.length > 0 ? (
        <p>
          {t('actors.currentStatus')}: <span className={`status status--${status}`} data-testid="current-status">{t(statusKey(status))}</span>
          {current?.date ? <span className="muted"> · {date(current.date)}</span> : null}
        </p>
      ) : null}
      {actor.description ? <p>{actor.description}</p> : null}

      {actor.names.length > 0 ? (
        <section aria-labelledby="sec-names">
          <h2 id="sec-names" className="section-title">{t('actors.names')}</h2>
          <table className="plain">
            <tbody>
              {actor.names.map((n) => (
                <tr key={n.id}>
                  <td><strong>{n.name}</strong><CitationList citations={n.citations} /></td>
                  <td>{t(nameTypeKey(n.type))}</td>
                  <td className="muted">{n.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="sec-memberships">
        <h2 id="sec-memberships" className="section-title">{t('actors.memberships')}</h2>
        {actor.memberships.length === 0 ? <p className="muted">{t('actors.noMemberships')}</p> : (
          <table className="plain">
            <tbody>
              {actor.memberships.map((m) => {
                const group = groups?.get(m.groupId);
                return (
                  <tr key={m.id}>
                    <td>{group ? <button type="button" className="link" onClick={() => selectActor(group.id)}>{group.name}</button> : <span className="muted">{t('common.deletedRecord')}</span>}</td>
                    <td><strong>{m.role}</strong><CitationList citations={m.citations} /></td>
                    <td className="muted">{[m.from ? t('actors.since', { date: date(m.from) }) : '', m.to ? t('actors.until', { date: date(m.to) }) : ''].filter(Boolean).join(' ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {isGroupKind(actor.kind) && members.length > 0 ? (
        <section aria-labelledby="sec-members">
          <h2 id="sec-members" className="section-title">{t('actors.members')}</h2>
          <table className="plain">
            <tbody>
              {members.map((member) => member.memberships.filter((m) => m.groupId === actor.id).map((m) => (
                <tr key={m.id}>
                  <td><button type="button" className="link" onClick={() => selectActor(member.id)}>{member.name}</button></td>
                  <td>{m.role}</td>
                  <td><span className={`status status--${currentStatus(member.statusHistory)}`}>{t(statusKey(currentStatus(member.statusHistory)))}</span></td>
                </tr>
              )))}
            </tbody>
          </table>
        </section>
      ) : null}

      {actor.statusHistory.length > 0 || actor.kind === 'person' ? (
        <section aria-labelledby="sec-status">
          <h2 id="sec-status" className="section-title">{t('actors.statusHistory')}</h2>
          {actor.statusHistory.length === 0 ? <p className="muted">{t('actors.noStatus')}</p> : (
            <ol className="timeline" aria-label={t('actors.statusHistory')}>
              {statusTimeline(actor.statusHistory).map((entry) => (
                <li key={entry.id} className={entry === current ? 'is-current' : undefined}>
                  <strong>{t(statusKey(entry.status))}</strong>
                  {entry.date ? <span> · {date(entry.date)}</span> : null}
                  {entry.place ? <span className="muted"> · {entry.place}</span> : null}
                  {entry.note ? <div className="muted">{entry.note}</div> : null}
                  <CitationList citations={entry.citations} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      <section aria-labelledby="sec-events">
        <h2 id="sec-events" className="section-title">{t('actors.events')}</h2>
        {events.length === 0 ? <p className="muted">{t('actors.noEvents')}</p> : (
          <table className="plain">
            <tbody>
              {events.map((ev) => (
                <tr key={ev.id}>
                  <td className="muted" style={{ whiteSpace: 'nowrap' }}>{ev.date ? date(ev.date) : ''}</td>
                  <td><button type="button" className="link" onClick={() => selectEvent(ev.id)}>{ev.title}</button></td>
                  <td>{ev.participants.filter((p) => p.actorId === actor.id).map((p) => roleLabel(t, p.role)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <MentionedIn actorId={actor.id} />
      <NameMatching actorId={actor.id} />

      <section aria-labelledby="sec-details">
        <h2 id="sec-details" className="section-title">{t('actors.details')}</h2>
        <dl className="kv">
          {actor.birth ? <><dt>{t('actors.born')}</dt><dd>{date(actor.birth)}</dd></> : null}
          {actor.death ? <><dt>{t('actors.died')}</dt><dd>{date(actor.death)}</dd></> : null}
          {actor.tags.length > 0 ? <><dt>{t('common.tags')}</dt><dd className="chips">{actor.tags.map((tag) => <span key={tag} className="chip">{tag}</span>)}</dd></> : null}
          {actor.caseIds.length > 0 ? <><dt>{t('case.inCases')}</dt><dd>{cases.filter((c) => actor.caseIds.includes(c.id)).map((c) => c.name).join(', ')}</dd></> : null}
          <dt>{t('common.citations')}</dt><dd>{actor.citations.length ? <CitationList citations={actor.citations} /> : <span className="muted">{t('common.noCitations')}</span>}</dd>
          <dt className="muted">{t('common.lastChanged')}</dt><dd className="muted">{formatTimestamp(actor.updatedAt, t.lang)}</dd>
        </dl>
      </section>
    </article>
  );
}
