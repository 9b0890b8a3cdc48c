import type { CaseEvent } from '../../../shared/model';
import { useT } from '../../i18n/useT';
import { dateText } from './dates';
import { anySubTypeLabel, placeLabel, titleOf, typeLabel } from './labels';

export const ROW_HEIGHT = 48;

interface Props {
  id: string;
  /** Undefined while the row's page is still being read. */
  event: CaseEvent | undefined;
  selected: boolean;
  index: number;
  total: number;
  top: number;
  onSelect: () => void;
}

/** One option of the virtualised list: title, then date · place · sub-type. */
export function EventRow({ id, event, selected, index, total, top, onSelect }: Props) {
  const t = useT();
  const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${top}px)` } as const;
  if (!event) {
    return (
      <div id={`event-row-${id}`} role="option" aria-selected={selected} aria-setsize={total} aria-posinset={index + 1}
        className="row" style={style}>
        <span className="row__sub">{t('events.loadingRow')}</span>
      </div>
    );
  }
  const place = [event.place.name, event.place.admin1].filter((s) => s.trim() !== '').join(', ') || placeLabel(event.place);
  const kind = anySubTypeLabel(t, event.type, event.subType);
  const sub = [event.date ? dateText(event.date, t.lang) : t('events.undated'), place || t('events.noPlace'), kind];
  return (
    <div id={`event-row-${id}`} role="option" aria-selected={selected} aria-setsize={total} aria-posinset={index + 1}
      className="row" style={style} title={`${typeLabel(t, event.type)} — ${kind}`} onClick={onSelect}>
      <span className="row__title">{titleOf(t, event)}</span>
      <span className="row__sub">
        {sub.map((part, i) => <span key={i} className={i === 0 ? 'event-row__date' : undefined}>{i > 0 ? ' · ' : null}{part}</span>)}
      </span>
    </div>
  );
}
