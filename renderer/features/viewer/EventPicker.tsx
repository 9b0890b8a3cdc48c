import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Field } from '../../components/Field';
import { useDb } from '../../app/dbContext';
import { getEvent, getEventsByIds, queryEventIds } from '../../db/events';
import { useT } from '../../i18n/useT';
import { dateText } from '../events/dates';
import { titleOf } from '../events/labels';

interface EventPickerProps {
  label: string;
  value: string | null;
  onChange: (eventId: string | null) => void;
  placeholder?: string;
}

const MAX_OPTIONS = 12;

/** One event, found by words of its title: an accessible combobox like ActorPicker (and RelatedEventsField). */
export function EventPicker({ label, value, onChange, placeholder }: EventPickerProps) {
  const db = useDb();
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const selected = useLiveQuery(async () => (value ? (await getEvent(db, value)) ?? null : null), [db, value]);
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const ids = await queryEventIds(db, query.trim() ? { text: query } : {}, 'date-desc');
    return getEventsByIds(db, ids.slice(0, MAX_OPTIONS));
  }, [db, query]) ?? [];

  const shown = query ?? (selected ? titleOf(t, selected) : value ? t('common.deletedRecord') : '');
  const open = query !== null && options.length > 0;
  const choose = (id: string) => { onChange(id); setQuery(null); };

  return (
    <Field label={label}>
      {(a11y) => (
        <div className="combobox">
          <input {...a11y} type="text" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
            aria-activedescendant={open ? `${listId}-${active}` : undefined} value={shown} placeholder={placeholder}
            onFocus={() => setQuery(query ?? '')}
            onBlur={() => setTimeout(() => setQuery(null), 150)}
            onChange={(e) => { setQuery(e.target.value); setActive(0); if (e.target.value === '') onChange(null); }}
            onKeyDown={(e) => {
              if (!open) return;
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
              else if (e.key === 'Enter') { e.preventDefault(); const o = options[active]; if (o) choose(o.id); }
              else if (e.key === 'Escape') { e.preventDefault(); setQuery(null); }
            }} />
          {open ? (
            <ul id={listId} role="listbox" className="combobox__list" aria-label={label}>
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
  );
}
