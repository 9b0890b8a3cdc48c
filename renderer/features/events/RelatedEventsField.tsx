import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { useDb } from '../../db/dbContext';
import { getEventsByIds, queryEventIds } from '../../db/events';
import { useT } from '../../i18n/useT';
import { dateText } from './dates';
import { titleOf } from './labels';
import { useEventTitles } from './useNames';

interface Props {
  selfId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

const MAX_OPTIONS = 10;

/** Links to other events, found by words of their title (an accessible combobox, like ActorPicker). */
export function RelatedEventsField({ selfId, value, onChange, error }: Props) {
  const db = useDb();
  const t = useT();
  const listId = useId();
  const titles = useEventTitles(value);
  const [query, setQuery] = useState<string | null>(null);
  const valueKey = value.join(',');
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const taken = new Set([selfId, ...valueKey.split(',')]);
    const ids = (await queryEventIds(db, query.trim() ? { text: query } : {}, 'date-desc')).filter((id) => !taken.has(id));
    return getEventsByIds(db, ids.slice(0, MAX_OPTIONS));
  }, [db, query, selfId, valueKey]) ?? [];


  return (
    <div className="form__section">
      <h3 id={`${listId}-heading`}>{t('events.form.related')}</h3>
      {value.length === 0 ? <p className="muted">{t('events.form.noneYet')}</p> : (
        <ul className="event-form__related" aria-labelledby={`${listId}-heading`}>
          {value.map((id) => {
            const title = titles?.get(id) ?? t('common.deletedRecord');
            return (
              <li key={id}>
                <span>{title}</span>
                <button type="button" className="small" aria-label={t('events.form.removeRelated', { title })}
                  onClick={() => onChange(value.filter((x) => x !== id))}>{t('action.remove')}</button>
              </li>
            );
          })}
        </ul>
      )}
      <Field label={t('events.form.relatedSearch')} error={error} className="event-form__related-search">
        {(a11y) => (
          <Combobox a11y={a11y} listLabel={t('events.form.related')} idleText="" placeholder={t('events.form.relatedPlaceholder')}
            query={query} onQuery={setQuery} options={options} optionKey={(ev) => ev.id}
            onChoose={(ev) => { onChange([...value, ev.id]); setQuery(''); }}
            renderOption={(ev) => <>{titleOf(t, ev)}{ev.date ? <span className="muted"> — {dateText(ev.date, t.lang)}</span> : null}</>} />
        )}
      </Field>
    </div>
  );
}
