import { useState } from 'react';
import type { EventMarker } from '../../../shared/geo/markers';
import type { CaseEvent } from '../../../shared/model';
import { useT } from '../../i18n/useT';
import { typeLabel } from '../events/labels';
import { useOpenRecord } from '../timeline/useOpenRecord';

const PAGE = 200;

interface Props {
  markers: readonly EventMarker[];
  events: ReadonlyMap<string, CaseEvent>;
  selectedEventId: string | null;
  onSelect: (marker: EventMarker) => void;
}

/** The map as a table: the same events, where each was placed and how. */
export function MapTable({ markers, events, selectedEventId, onSelect }: Props) {
  const t = useT();
  const open = useOpenRecord();
  const [shown, setShown] = useState(PAGE);
  const rows = [...markers].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  return (
    <div className="view-table">
      <table className="plain">
        <caption className="visually-hidden">{t('map.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('views.title')}</th>
            <th scope="col">{t('views.dateAsWritten')}</th>
            <th scope="col">{t('views.type')}</th>
            <th scope="col">{t('views.place')}</th>
            <th scope="col">{t('map.precision')}</th>
            <th scope="col">{t('events.form.latitude')}</th>
            <th scope="col">{t('events.form.longitude')}</th>
            <th scope="col">{t('views.fatalities')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((m) => {
            const ev = events.get(m.eventId);
            const place = ev ? [ev.place.name, ev.place.admin2, ev.place.admin1, ev.place.country].filter(Boolean).join(', ') : '';
            return (
              <tr key={m.eventId} className={m.eventId === selectedEventId ? 'is-selected' : undefined}>
                <td><button type="button" className="link" onClick={() => { onSelect(m); open('event', m.eventId); }}>{m.title}</button></td>
                <td>{m.dateLabel || t('events.undated')}</td>
                <td>{typeLabel(t, m.type)}</td>
                <td>{place}</td>
                <td>{m.placement === 'coordinates' ? t('map.precision.coords') : `${t('map.precision.region')} (${m.regionName})`}</td>
                <td>{m.lat.toFixed(3)}</td>
                <td>{m.lon.toFixed(3)}</td>
                <td>{m.fatalities ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > shown ? <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('views.showMore', { count: Math.min(PAGE, rows.length - shown) })}</button> : null}
    </div>
  );
}
