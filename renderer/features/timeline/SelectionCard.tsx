import { totalFatalities } from '../../../shared/model';
import type { ViewRecords } from '../../db/viewRecords';
import { useT } from '../../i18n/useT';
import type { ViewSelection } from '../../state/store';
import { statusKey } from '../actors/labels';
import { typeLabel } from '../events/labels';
import { useOpenRecord } from './useOpenRecord';

/** The record picked on the timeline or the map (the other view shows it picked too), with a way in. */
export function SelectionCard({ records, selection, onClose }: { records: ViewRecords; selection: ViewSelection; onClose: () => void }) {
  const t = useT();
  const open = useOpenRecord();
  const ev = selection.kind === 'event' ? records.events.find((e) => e.id === selection.id) : undefined;
  const actor = selection.kind === 'actor' ? records.actors.find((a) => a.id === selection.id) : undefined;
  if (!ev && !actor) return null;
  const title = ev ? ev.title : actor!.name;
  const place = ev ? [ev.place.name, ev.place.admin2, ev.place.admin1, ev.place.country].filter(Boolean).join(', ') : '';
  const fatalities = ev ? totalFatalities(ev) : null;
  return (
    <aside className="selection-card" aria-label={t('views.selected')}>
      <div className="selection-card__head">
        <h2>{title}</h2>
        <button type="button" className="icon" aria-label={t('views.close')} onClick={onClose}>×</button>
      </div>
      <dl className="kv">
        {ev ? (
          <>
            <dt>{t('views.type')}</dt><dd>{typeLabel(t, ev.type)}</dd>
            <dt>{t('views.dateAsWritten')}</dt><dd>{ev.date ? ev.date.label : t('events.undated')}</dd>
            {ev.date && ev.date.earliest !== ev.date.latest ? <><dt>{t('views.date')}</dt><dd>{ev.date.earliest} … {ev.date.latest}</dd></> : null}
            <dt>{t('views.place')}</dt><dd>{place || t('events.noPlace')}</dd>
            {fatalities !== null ? <><dt>{t('views.fatalities')}</dt><dd>{fatalities}</dd></> : null}
          </>
        ) : (
          actor!.statusHistory.map((s) => (
            <div key={s.id} className="selection-card__status"><dt>{s.date?.label ?? t('events.undated')}</dt><dd>{t(statusKey(s.status))}</dd></div>
          ))
        )}
      </dl>
      <button type="button" className="primary" onClick={() => open(selection.kind, selection.id)}>{t('views.openRecord', { title })}</button>
    </aside>
  );
}
