import { useMemo, useState } from 'react';
import type { TimelineItem, TimelineModel } from '../../../shared/timeline';
import { isoFromDayIndex } from '../../../shared/dates';
import { useT } from '../../i18n/useT';
import { statusKey } from '../actors/labels';
import { typeLabel } from '../events/labels';
import { useOpenRecord } from './useOpenRecord';

const PAGE = 200;

interface Props {
  model: TimelineModel;
  selectedRecordId: string | null;
  onSelect: (item: TimelineItem) => void;
}

/** The timeline as a table: the same items, in time order, with the date as written and its bounds. */
export function TimelineTable({ model, selectedRecordId, onSelect }: Props) {
  const t = useT();
  const open = useOpenRecord();
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => model.rows.flatMap((row) => row.items.map((it) => ({ row: row.label, it })))
    .sort((a, b) => a.it.start - b.it.start || a.it.end - b.it.end), [model]);
  return (
    <div className="view-table">
      <table className="plain">
        <caption className="visually-hidden">{t('timeline.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('views.dateAsWritten')}</th>
            <th scope="col">{t('views.earliest')}</th>
            <th scope="col">{t('views.latest')}</th>
            <th scope="col">{t('views.title')}</th>
            <th scope="col">{t('views.kind')}</th>
            <th scope="col">{t('views.row')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map(({ row, it }) => (
            <tr key={it.key} className={it.recordId === selectedRecordId ? 'is-selected' : undefined}>
              <td>{it.dateLabel}</td>
              <td>{it.openStart ? t('timeline.openStart') : isoFromDayIndex(it.start)}</td>
              <td>{it.openEnd ? t('timeline.openEnd') : isoFromDayIndex(it.end - 1)}</td>
              <td>
                <button type="button" className="link" onClick={() => { onSelect(it); open(it.recordKind, it.recordId); }}>{it.title}</button>
              </td>
              <td>{it.kind === 'event' && it.eventType ? typeLabel(t, it.eventType) : it.kind === 'status' && it.status ? t(statusKey(it.status)) : t(`timeline.kind.${it.kind}`)}</td>
              <td>{row}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>{t('views.showMore', { count: Math.min(PAGE, rows.length - shown) })}</button>
      ) : null}
    </div>
  );
}
