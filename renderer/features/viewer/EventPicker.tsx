import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Combobox } from '../../components/Combobox';
import { Field } from '../../components/Field';
import { useDb } from '../../db/dbContext';
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
  const [query, setQuery] = useState<string | null>(null);
  const selected = useLiveQuery(async () => (value ? (await getEvent(db, value)) ?? null : null), [db, value]);
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const ids = await queryEventIds(db, query.trim() ? { text: query } : {}, 'date-desc');
    return getEventsByIds(db, ids.slice(0, MAX_OPTIONS));
  }, [db, query]) ?? [];

  const idleText = selected ? titleOf(t, selected) : value ? t('common.deletedRecord') : '';

  return (
    <Field label={label}>
      {(a11y) => (
        <Combobox a11y={a11y} listLabel={label} idleText={idleText} placeholder={placeholder}
          query={query} onQuery={setQuery} options={options} optionKey={(ev) => ev.id}
          onChoose={(ev) => { onChange(ev.id); setQuery(null); }} onCleared={() => onChange(null)}
          renderOption={(ev) => <>{titleOf(t, ev)}{ev.date ? <span className="muted"> — {dateText(ev.date, t.lang)}</span> : null}</>} />
      )}
    </Field>
  );
}
