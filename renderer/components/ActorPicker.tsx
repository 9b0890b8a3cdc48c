import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ActorKind } from '../../shared/model';
import { allNames } from '../../shared/model';
import { foldText } from '../../shared/text/fold';
import { useDb } from '../app/dbContext';
import { getActor, getActorsByIds, queryActorIds } from '../db/actors';
import { useT } from '../i18n/useT';
import { Field } from './Field';

interface ActorPickerProps {
  label: string;
  value: string | null;
  onChange: (actorId: string | null) => void;
  /** Limit choices, e.g. to groups for a membership. */
  kinds?: readonly ActorKind[];
  /** Leave out, e.g. the actor being edited. */
  excludeId?: string;
  error?: string | undefined;
  className?: string;
  srLabel?: string | undefined;
  placeholder?: string;
}

const MAX_OPTIONS = 12;

/**
 * An accessible combobox over every actor by any of their names. A plain <select> would
 * not scale to tens of thousands of actors, so it asks the name index as the user types.
 */
export function ActorPicker({ label, value, onChange, kinds, excludeId, error, className, srLabel, placeholder }: ActorPickerProps) {
  const db = useDb();
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const selected = useLiveQuery(async () => (value ? (await getActor(db, value)) ?? null : null), [db, value]);
  const kindsKey = kinds?.join(',') ?? '';
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const ids = await queryActorIds(db, { text: query, ...(kindsKey ? { kinds: kindsKey.split(',') as ActorKind[] } : {}) }, 'name');
    const actors = await getActorsByIds(db, ids.filter((id) => id !== excludeId).slice(0, MAX_OPTIONS));
    return actors;
  }, [db, query, kindsKey, excludeId]) ?? [];

  const shown = query ?? (selected ? selected.name : value ? t('common.deletedRecord') : '');
  const open = query !== null && options.length > 0;
  const choose = (id: string) => { onChange(id); setQuery(null); };
  const matchedAlias = (names: string[]) => {
    if (!query) return null;
    const q = foldText(query.trim());
    return names.slice(1).find((n) => foldText(n).includes(q)) ?? null;
  };

  return (
    <Field label={label} error={error} className={className} srLabel={srLabel}>
      {(a11y) => (
        <div className="combobox">
          <input {...a11y} type="text" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
            aria-activedescendant={open ? `${listId}-${active}` : undefined}
            value={shown} placeholder={placeholder}
            onFocus={() => setQuery(query ?? '')}
            onBlur={() => setTimeout(() => setQuery(null), 150)}
            onChange={(e) => { setQuery(e.target.value); setActive(0); if (e.target.value === '') onChange(null); }}
            onKeyDown={(e) => {
              if (!open) return;
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, options.length - 1)); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
              else if (e.key === 'Enter') { e.preventDefault(); const o = options[active]; if (o) choose(o.id); }
              else if (e.key === 'Escape') setQuery(null);
            }} />
          {open ? (
            <ul id={listId} role="listbox" className="combobox__list" aria-label={srLabel ?? label}>
              {options.map((actor, i) => {
                const alias = matchedAlias(allNames(actor));
                return (
                  <li key={actor.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}
                    onMouseDown={(e) => { e.preventDefault(); choose(actor.id); }}>
                    {actor.name}{alias ? <span className="muted"> — {alias}</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      )}
    </Field>
  );
}
