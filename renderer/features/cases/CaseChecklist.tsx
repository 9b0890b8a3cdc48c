import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import { listCases } from '../../db/cases';
import { useT } from '../../i18n/useT';

/** Which cases a record belongs to; a record may be in several. */
export function CaseChecklist({ value, onChange }: { value: readonly string[]; onChange: (caseIds: string[]) => void }) {
  const db = useDb();
  const t = useT();
  const cases = useLiveQuery(() => listCases(db), [db]) ?? [];
  if (cases.length === 0) return null;
  return (
    <fieldset className="checklist">
      <legend>{t('case.inCases')}</legend>
      {cases.map((c) => (
        <label key={c.id}>
          <input type="checkbox" checked={value.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((id) => id !== c.id))} />
          {' '}{c.name}
        </label>
      ))}
    </fieldset>
  );
}
