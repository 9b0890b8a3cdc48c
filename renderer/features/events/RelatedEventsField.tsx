import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Field } from '../../components/Field';
import { useDb } from '../../app/dbContext';
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
  const [active, setActive] = useState(0);
  const valueKey = value.join(',');
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const taken = new Set([selfId, ...valueKey.split(',')]);
    const ids = (await queryEventIds(db, query.trim() ? { text: query } : {}, 'date-desc')).filter((id) => !taken.has(id));
    return getEventsByIds(db, ids.slice(0, MAX_OPTIONS));
  }, [db, query, selfId, valueKey]) ?? [];

  const open = query !== null && options.length > 0;
  const choose = (id: string) => { onChange([...value, id]); setQuery(''); setActive(0); };

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
          <div className="combobox">
            <input {...a11y} type="text" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
              aria-activedescendant={open ? `${listId}-${active}` : undefined} value={query ?? ''}
              placeholder={t('events.form.relatedPlaceholder')}
              onFocus={() => setQuery(query ?? '')}
              onBlur={() => setTimeout(() => setQuery(null), 150)}
              onChange={(e) => { setQuery(e.target.value); setActive(0); }}
              onKeyDown={(e) => {
                if (!open) return;
                if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
                else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
                else if (e.key === 'Enter') { e.preventDefault(); const o = options[active]; if (o) choose(o.id); }
                else if (e.key === 'Escape') { e.preventDefault(); setQuery(null); }
              }} />
            {open ? (
              <ul id={listId} role="listbox" className="combobox__list" aria-label={t('events.form.related')}>
                {options.map((ev, i) => (
                  <li key={ev.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}
                    onMouseDown={(e) => { e.preventDefault(); choose(ev.id); }}>
                    {titleOf(t, ev)}
                    {ev.date ? <span className="muted"> — {dateText(ev.date, t.lang)}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </Field>
    </div>
  );
}
