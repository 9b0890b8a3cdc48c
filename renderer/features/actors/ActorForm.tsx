import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Actor, ActorKind } from '../../../shared/model';
import { ACTOR_KINDS, blankActor, issuesByPath, newId } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { getActor, saveActor } from '../../db/actors';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { TagsField } from '../../components/TagsField';
import { CaseChecklist } from '../cases/CaseChecklist';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { kindKey } from './labels';
import { MembershipRows, NameRows, StatusRows } from './ActorFormRows';
import { saveFailedText } from '../storage/saveErrors';

/** Create (id null) or edit an actor. Input is never lost: a failed save keeps the draft and shows why. */
export function ActorForm({ id, name = '', aliases = [], kind }: { id: string | null; name?: string; aliases?: readonly string[]; kind?: ActorKind | undefined }) {
  const db = useDb();
  const activeCaseId = useUi((s) => s.activeCaseId);
  const existing = useLiveQuery(async () => (id ? (await getActor(db, id)) ?? null : null), [db, id]);
  if (id && existing === undefined) return null;
  const names = aliases.map((alias) => ({ id: newId(), name: alias, type: 'alias' as const, note: '', citations: [] }));
  const initial = existing ?? { ...blankActor(kind), name, names, caseIds: activeCaseId ? [activeCaseId] : [] };
  return <Form initial={initial} isNew={!existing} />;
}

export type Errors = Map<string, string>;
export interface RowProps {
  draft: Actor;
  update: (patch: Partial<Actor>) => void;
  err: (path: string) => string | undefined;
  setInvalidDate: (key: string, invalid: boolean) => void;
}

function Form({ initial, isNew }: { initial: Actor; isNew: boolean }) {
  const db = useDb();
  const t = useT();
  const closeEditor = useUi((s) => s.closeEditor);
  const selectActor = useUi((s) => s.selectActor);
  const notify = useUi((s) => s.notify);
  const [draft, setDraft] = useState<Actor>(initial);
  const [errors, setErrors] = useState<Errors>(new Map());
  const [invalidDates, setInvalidDates] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') closeEditor(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeEditor]);

  const update = (patch: Partial<Actor>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (path: string) => { const key = errors.get(path); return key ? t.dynamic(key) : undefined; };
  const setInvalidDate = (key: string, invalid: boolean) => setInvalidDates((s) => {
    if (s.has(key) === invalid) return s;
    const next = new Set(s);
    if (invalid) next.add(key); else next.delete(key);
    return next;
  });

  const save = async () => {
    if (invalidDates.size > 0) {
      setErrors(new Map());
      return;
    }
    setSaving(true);
    try {
      const result = await saveActor(db, draft);
      if (!result.ok) { setErrors(issuesByPath(result.issues)); return; }
      setErrors(new Map());
      selectActor(result.value.id);
      notify(t('common.saved'));
    } catch (error) {
      notify(saveFailedText(error, t.lang, draft.name), 'error');
    } finally {
      setSaving(false);
    }
  };

  const problemCount = errors.size + invalidDates.size;
  const rowProps: RowProps = { draft, update, err, setInvalidDate };

  return (
    <form className="form" aria-labelledby="actor-form-title" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h1 id="actor-form-title" style={{ marginBottom: 12 }}>{isNew ? t('actors.newTitle') : t('actors.editTitle')}</h1>
      {problemCount > 0 ? <div className="form__summary" role="alert">{plural(t, 'validation.summary', problemCount)}</div> : null}
      <div className="form__grid">
        <SelectField label={t('actors.kind')} value={draft.kind} error={err('kind')} onChange={(kind) => update({ kind })}
          options={ACTOR_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        <TextField label={t('actors.primaryName')} value={draft.name} error={err('name')} autoFocus onChange={(name) => update({ name })} />
        <TextField label={t('actors.nationality')} value={draft.nationality} error={err('nationality')} onChange={(nationality) => update({ nationality })} />
        <TextField className="field--wide" label={t('common.description')} multiline value={draft.description} error={err('description')}
          onChange={(description) => update({ description })} />
        <DateField label={t('actors.birth')} value={draft.birth} error={err('birth')}
          onChange={(birth, invalid) => { update({ birth }); setInvalidDate('birth', invalid); }} />
        <DateField label={t('actors.death')} value={draft.death} error={err('death')}
          onChange={(death, invalid) => { update({ death }); setInvalidDate('death', invalid); }} />
        <div className="field--wide"><TagsField value={draft.tags} error={err('tags')} onChange={(tags) => update({ tags })} /></div>
      </div>
      <NameRows {...rowProps} />
      <MembershipRows {...rowProps} />
      <StatusRows {...rowProps} />
      <div className="form__section">
        <CaseChecklist value={draft.caseIds} onChange={(caseIds) => update({ caseIds })} />
      </div>
      <div className="form__actions">
        <button type="submit" className="primary" disabled={saving}>{t('action.save')}</button>
        <button type="button" onClick={closeEditor}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
