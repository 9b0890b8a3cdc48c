import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseEvent } from '../../../shared/model';
import { CitationList } from '../../components/CitationList';
import { useDb } from '../../db/dbContext';
import { deleteEvent, getEvent } from '../../db/events';
import { restoreFromTrash } from '../../db/trash';
import { formatTimestamp, useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { dateText } from './dates';
import { formatDayRange } from '../../i18n/formatDates';
import { FatalitiesPart, ParticipantsPart, RelatedPart, SeizuresPart } from './EventDetailParts';
import { anySubTypeLabel, coordinatesLabel, precisionLabel, titleOf, typeLabel } from './labels';
import { useCaseNames } from './useNames';

/** The selected event, everything about it, with links to the actors and events it names. */
export function EventDetail({ id }: { id: string }) {
  const db = useDb();
  const t = useT();
  const event = useLiveQuery(async () => (await getEvent(db, id)) ?? null, [db, id]);
  if (event === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (event === null) return <p className="empty">{t('events.notFound')}</p>;
  return <EventDetailBody event={event} />;
}

function EventDetailBody({ event }: { event: CaseEvent }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const openEditor = useUi((s) => s.openEditor);
  const selectEvent = useUi((s) => s.selectEvent);
  const caseNames = useCaseNames();
  const title = titleOf(t, event);
  const { place } = event;
  const coordinates = coordinatesLabel(place, t.lang);

  const moveToTrash = async () => {
    const id = event.id;
    if (!(await deleteEvent(db, id))) return;
    selectEvent(null);
    notify(t('trash.moved', { title }), 'info', {
      label: t('action.undo'),
      run: () => void restoreFromTrash(db, id).then((result) => {
        if (result !== 'restored') return;
        useUi.getState().selectEvent(id);
        notify(t('trash.restored', { title }));
      }),
    });
  };

  const placeRows: Array<[string, string]> = [
    [t('events.detail.place'), place.name],
    [t('events.detail.admin3'), place.admin3],
    [t('events.detail.admin2'), place.admin2],
    [t('events.detail.admin1'), place.admin1],
    [t('events.detail.country'), place.country],
  ];
  const shownPlace = placeRows.filter(([, value]) => value.trim() !== '');

  return (
    <article className="detail event-detail" aria-labelledby="event-detail-title">
      <header className="detail__head">
        <div>
          <div className="detail__kicker">{typeLabel(t, event.type)} · {anySubTypeLabel(t, event.type, event.subType)}</div>
          <h2 id="event-detail-title">{title}</h2>
        </div>
        <div className="actions">
          <button type="button" onClick={() => openEditor({ kind: 'event', id: event.id })}>{t('action.edit')}</button>
          <button type="button" className="danger" onClick={() => void moveToTrash()}>{t('action.delete')}</button>
        </div>
      </header>

      <section aria-labelledby="event-when">
        <h3 id="event-when">{t('events.detail.when')}</h3>
        {event.date ? (
          <p>
            <strong>{dateText(event.date, t.lang)}</strong>{' '}
            <span className="muted">— {t('date.reads', { range: formatDayRange(event.date, t.lang) })}</span>
          </p>
        ) : <p className="muted">{t('events.detail.noDate')}</p>}
      </section>

      <section aria-labelledby="event-where">
        <h3 id="event-where">{t('events.detail.where')}</h3>
        {shownPlace.length === 0 && !coordinates ? <p className="muted">{t('events.detail.noPlace')}</p> : (
          <dl className="kv">
            {shownPlace.map(([label, value]) => <Pair key={label} label={label} value={value} />)}
            {coordinates ? <Pair label={t('events.detail.coordinates')} value={coordinates} /> : null}
            <Pair label={t('events.detail.precision')} value={precisionLabel(t, place.precision)} />
          </dl>
        )}
      </section>

      {event.description.trim() ? (
        <section aria-labelledby="event-description">
          <h3 id="event-description">{t('events.detail.description')}</h3>
          <p className="event-detail__prose">{event.description}</p>
        </section>
      ) : null}

      <FatalitiesPart event={event} />
      <SeizuresPart event={event} />
      <ParticipantsPart event={event} />
      <RelatedPart event={event} />

      {event.tags.length > 0 ? (
        <section aria-labelledby="event-tags">
          <h3 id="event-tags">{t('common.tags')}</h3>
          <ul className="chips plain-list">{event.tags.map((tag) => <li key={tag} className="chip">{tag}</li>)}</ul>
        </section>
      ) : null}

      <section aria-labelledby="event-sources">
        <h3 id="event-sources">{t('events.detail.sources')}</h3>
        {event.citations.length > 0 ? <CitationList citations={event.citations} /> : <p className="muted">{t('common.noCitations')}</p>}
      </section>

      {event.caseIds.length > 0 ? (
        <section aria-labelledby="event-cases">
          <h3 id="event-cases">{t('events.detail.cases')}</h3>
          <ul className="chips plain-list">
            {event.caseIds.map((id) => <li key={id} className="chip">{caseNames?.get(id) ?? t('common.deletedRecord')}</li>)}
          </ul>
        </section>
      ) : null}

      <p className="muted event-detail__updated">{t('common.updated', { when: formatTimestamp(event.updatedAt, t.lang) })}</p>
    </article>
  );
}

function Pair({ label, value }: { label: string; value: string }) {
  return <><dt>{label}</dt><dd>{value}</dd></>;
}
