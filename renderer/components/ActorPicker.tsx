import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ActorKind } from '../../shared/model';
import { allNames } from '../../shared/model';
import { foldText } from '../../shared/text/fold';
import { useDb } from '../db/dbContext';
import { getActor, getActorsByIds } from '../db/actors';
import { queryActorIds } from '../db/actorList';
import { useT } from '../i18n/useT';
import { Combobox } from './Combobox';
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
  const [query, setQuery] = useState<string | null>(null);
  const selected = useLiveQuery(async () => (value ? (await getActor(db, value)) ?? null : null), [db, value]);
  const kindsKey = kinds?.join(',') ?? '';
  const options = useLiveQuery(async () => {
    if (query === null) return [];
    const ids = await queryActorIds(db, { text: query, ...(kindsKey ? { kinds: kindsKey.split(',') as ActorKind[] } : {}) }, 'name');
    const actors = await getActorsByIds(db, ids.filter((id) => id !== excludeId).slice(0, MAX_OPTIONS));
    return actors;
  }, [db, query, kindsKey, excludeId]) ?? [];

  const idleText = selected ? selected.name : value ? t('common.deletedRecord') : '';
  const matchedAlias = (names: string[]) => {
    if (!query) return null;
    const q = foldText(query.trim());
    return names.slice(1).find((n) => foldText(n).includes(q)) ?? null;
  };

  return (
    <Field label={label} error={error} className={className} srLabel={srLabel}>
      {(a11y) => (
        <Combobox a11y={a11y} listLabel={srLabel ?? label} idleText={idleText} placeholder={placeholder}
          query={query} onQuery={setQuery} options={options} optionKey={(actor) => actor.id}
          onChoose={(actor) => { onChange(actor.id); setQuery(null); }} onCleared={() => onChange(null)}
          renderOption={(actor) => {
            const alias = matchedAlias(allNames(actor));
            return <>{actor.name}{alias ? <span className="muted"> — {alias}</span> : null}</>;
          }} />
      )}
    </Field>
  );
}
