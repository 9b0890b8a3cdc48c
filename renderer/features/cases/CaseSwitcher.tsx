import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useDb } from '../../db/dbContext';
import { listCases } from '../../db/cases';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';

/** Picks the case the lists show; "All cases" shows every record. */
export function CaseSwitcher() {
  const db = useDb();
  const t = useT();
  const id = useId();
  const cases = useLiveQuery(() => listCases(db), [db]) ?? [];
  const activeCaseId = useUi((s) => s.activeCaseId);
  const setActiveCase = useUi((s) => s.setActiveCase);
  const openEditor = useUi((s) => s.openEditor);
  // A case moved to trash stops being a valid choice.
  const active = cases.some((c) => c.id === activeCaseId) ? activeCaseId : null;

  return (
    <div className="case-switcher">
      <label htmlFor={id}>{t('case.label')}</label>
      <select id={id} value={active ?? ''} onChange={(e) => setActiveCase(e.target.value || null)}>
        <option value="">{t('case.all')}</option>
        {cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <div className="case-switcher__actions">
        <button type="button" className="secondary small" onClick={() => openEditor({ kind: 'case', id: null })}>{t('case.new')}</button>
        {active ? (
          <button type="button" className="secondary small" onClick={() => openEditor({ kind: 'case', id: active })}>{t('case.rename')}</button>
        ) : null}
      </div>
    </div>
  );
}
