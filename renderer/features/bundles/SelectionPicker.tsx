import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { getActorsByIds } from '../../db/actors';
import { queryActorIds } from '../../db/actorList';
import { getEventsByIds, queryEventIds } from '../../db/events';
import { useT } from '../../i18n/useT';

/** How many matches each list shows; the filter narrows a big case down. */
const SHOWN = 200;

export interface Selection {
  actorIds: ReadonlySet<string>;
  eventIds: ReadonlySet<string>;
}

interface Props {
  caseId: string;
  value: Selection;
  onChange: (next: Selection) => void;
}

/** Filterable checklists of the case's actors and events, for exporting part of a case. */
export function SelectionPicker({ caseId, value, onChange }: Props) {
  const db = useDb();
  const t = useT();
  const filterId = useId();
  const [text, setText] = useState('');
  const actors = useLiveQuery(async () => getActorsByIds(db, (await queryActorIds(db, { caseId, text }, 'name')).slice(0, SHOWN)), [db, caseId, text]);
  const events = useLiveQuery(async () => getEventsByIds(db, (await queryEventIds(db, { caseId, text }, 'date-asc')).slice(0, SHOWN)), [db, caseId, text]);

  const toggle = (which: keyof Selection, id: string, on: boolean) => {
    const next = new Set(value[which]);
    if (on) next.add(id); else next.delete(id);
    onChange({ ...value, [which]: next });
  };
  const setShown = (which: keyof Selection, ids: string[], on: boolean) => {
    const next = new Set(value[which]);
    for (const id of ids) { if (on) next.add(id); else next.delete(id); }
    onChange({ ...value, [which]: next });
  };

  const lists = [
    { which: 'actorIds' as const, legend: t('bundles.export.actors'), items: (actors ?? []).map((a) => ({ id: a.id, label: a.name })) },
    { which: 'eventIds' as const, legend: t('bundles.export.events'), items: (events ?? []).map((e) => ({ id: e.id, label: e.title })) },
  ];

  return (
    <div className="selection-picker">
      <div className="field">
        <label htmlFor={filterId}>{t('bundles.export.filter')}</label>
        <input id={filterId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="selection-picker__lists">
        {lists.map(({ which, legend, items }) => (
          <fieldset key={which} className="selection-picker__list">
            <legend>{legend}</legend>
            <div className="selection-picker__bulk">
              <button type="button" className="link" disabled={items.length === 0}
                aria-label={t('bundles.export.selectShownLabel', { what: legend })}
                onClick={() => setShown(which, items.map((i) => i.id), true)}>{t('bundles.export.selectShown')}</button>
              <button type="button" className="link" disabled={value[which].size === 0}
                aria-label={t('bundles.export.clearLabel', { what: legend })}
                onClick={() => onChange({ ...value, [which]: new Set() })}>{t('bundles.export.clear')}</button>
            </div>
            {items.length === 0 ? <p className="muted">{t('bundles.export.noMatch')}</p> : (
              <ul>
                {items.map((item) => (
                  <li key={item.id}>
                    <label>
                      <input type="checkbox" checked={value[which].has(item.id)} onChange={(e) => toggle(which, item.id, e.target.checked)} />
                      <span>{item.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        ))}
      </div>
      <p className="muted" aria-live="polite">
        {t('bundles.export.selected', { actors: value.actorIds.size, events: value.eventIds.size })}
      </p>
    </div>
  );
}
