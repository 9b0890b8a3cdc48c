import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useDb } from '../../db/dbContext';
import { deleteCase, getCase, saveCase } from '../../db/cases';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import type { Case } from '../../../shared/model';
import { blankCase, issuesByPath } from '../../../shared/model';

/** Create or rename a case; shown as a strip above the current view. */
export function CaseEditor({ id }: { id: string | null }) {
  const db = useDb();
  const existing = useLiveQuery(async () => (id ? (await getCase(db, id)) ?? null : null), [db, id]);
  if (id && existing === undefined) return null;
  return <CaseForm key={id ?? 'new'} initial={existing ?? blankCase()} isNew={!existing} />;
}

function CaseForm({ initial, isNew }: { initial: Case; isNew: boolean }) {
  const db = useDb();
  const t = useT();
  const closeEditor = useUi((s) => s.closeEditor);
  const setActiveCase = useUi((s) => s.setActiveCase);
  const notify = useUi((s) => s.notify);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());

  const save = async () => {
    const result = await saveCase(db, draft);
    if (!result.ok) { setErrors(issuesByPath(result.issues)); return; }
    setActiveCase(result.value.id);
    closeEditor();
  };
  const remove = async () => {
    await deleteCase(db, draft.id);
    setActiveCase(null);
    closeEditor();
    notify(t('case.deleted', { name: draft.name }));
  };
  const err = (path: string) => { const key = errors.get(path); return key ? t.dynamic(key) : undefined; };

  return (
    <form className="case-editor form" aria-label={isNew ? t('case.new') : t('case.rename')}
      onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="form__grid">
        <TextField label={t('case.name')} value={draft.name} autoFocus error={err('name')} onChange={(name) => setDraft({ ...draft, name })} />
        <TextField label={t('case.description')} value={draft.description} error={err('description')}
          onChange={(description) => setDraft({ ...draft, description })} />
      </div>
      <div className="form__actions">
        <button type="submit" className="primary">{isNew ? t('case.create') : t('action.save')}</button>
        <button type="button" onClick={closeEditor}>{t('action.cancel')}</button>
        {!isNew ? <button type="button" className="danger" onClick={() => void remove()}>{t('case.delete')}</button> : null}
      </div>
    </form>
  );
}
