import type { CaseEvent } from '../../../shared/model';
import { totalFatalities } from '../../../shared/model';
import { CitationList } from '../../components/CitationList';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { RecordLink } from './RecordLink';
import { roleLabel, seizureLabel } from './labels';
import { useActorNames, useEventTitles } from './useNames';

const openActor = (id: string) => useUi.getState().selectActor(id);
const openEvent = (id: string) => useUi.getState().selectEvent(id);

/** A name from a live lookup: undefined while loading, null once we know the record is gone. */
function nameIn(names: Map<string, string> | undefined, id: string): string | null | undefined {
  if (!names) return undefined;
  return names.get(id) ?? null;
}

export function FatalitiesPart({ event }: { event: CaseEvent }) {
  const t = useT();
  const names = useActorNames(event.fatalities.bySide.flatMap((s) => (s.actorId ? [s.actorId] : [])));
  const total = totalFatalities(event);
  const stated = event.fatalities.total !== null;
  return (
    <section aria-labelledby="event-fatalities">
      <h3 id="event-fatalities">{t('events.detail.fatalities')}</h3>
      {total === null ? <p className="muted">{t('events.detail.noFatalities')}</p> : (
        <p><strong>{plural(t, stated ? 'events.detail.fatalitiesTotal' : 'events.detail.fatalitiesSum', total)}</strong></p>
      )}
      {event.fatalities.bySide.length > 0 ? (
        <ul className="event-detail__list">
          {event.fatalities.bySide.map((side) => (
            <li key={side.id}>
              <span className="event-detail__count">{side.count}</span>
              {side.actorId ? <RecordLink name={nameIn(names, side.actorId)} onOpen={() => openActor(side.actorId!)} /> : null}
              {side.label && side.actorId ? <span className="muted"> ({side.label})</span> : null}
              {!side.actorId ? <span>{side.label || t('events.detail.unnamedSide')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function SeizuresPart({ event }: { event: CaseEvent }) {
  const t = useT();
  if (event.seizures.length === 0) return null;
  return (
    <section aria-labelledby="event-seizures">
      <h3 id="event-seizures">{t('events.detail.seizures')}</h3>
      <ul className="event-detail__list">
        {event.seizures.map((s) => (
          <li key={s.id}>
            {seizureLabel(s, t.lang)}
            {s.note ? <span className="muted"> — {s.note}</span> : s.quantity === null ? <span className="muted"> — {t('events.detail.quantityUnknown')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ParticipantsPart({ event }: { event: CaseEvent }) {
  const t = useT();
  const names = useActorNames(event.participants.map((p) => p.actorId));
  if (event.participants.length === 0) return null;
  return (
    <section aria-labelledby="event-participants">
      <h3 id="event-participants">{t('events.detail.participants')}</h3>
      <ul className="event-detail__list">
        {event.participants.map((p) => {
          const name = nameIn(names, p.actorId);
          return (
            <li key={p.id}>
              <RecordLink name={name} onOpen={() => openActor(p.actorId)} />{' '}
              <span className="chip">{roleLabel(t, p.role)}</span>
              {p.note ? <span className="muted"> — {p.note}</span> : null}
              <CitationList citations={p.citations} label={t('events.detail.participantsOf', { name: name ?? '' })} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function RelatedPart({ event }: { event: CaseEvent }) {
  const t = useT();
  const titles = useEventTitles(event.relatedEventIds);
  if (event.relatedEventIds.length === 0) return null;
  return (
    <section aria-labelledby="event-related">
      <h3 id="event-related">{t('events.detail.related')}</h3>
      <ul className="event-detail__list">
        {event.relatedEventIds.map((id) => (
          <li key={id}><RecordLink name={nameIn(titles, id)} onOpen={() => openEvent(id)} /></li>
        ))}
      </ul>
    </section>
  );
}
