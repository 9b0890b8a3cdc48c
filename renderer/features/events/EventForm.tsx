import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { CaseEvent, EventType, FieldIssue } from '../../../shared/model';
import { EVENT_TAXONOMY, issuesByPath } from '../../../shared/model';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { TagsField } from '../../components/TagsField';
import { useDb } from '../../db/dbContext';
import { saveEvent } from '../../db/events';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import type { EventDraft } from './draft';
import { checkDraft, draftFrom, isShownInline, mergeIssues } from './draft';
import { FatalitiesFields } from './FatalitiesFields';
import { FormSummary } from './FormSummary';
import { ParticipantsFields } from './ParticipantsFields';
import { PlaceFields } from './PlaceFields';
import { RelatedEventsField } from './RelatedEventsField';
import { SeizuresFields } from './SeizuresFields';
import { subTypeOptions, typeOptions } from './labels';
import { saveFailedText } from '../storage/saveErrors';

interface Props {
  initial: CaseEvent;
  isNew: boolean;
}

/**
 * Create or edit one event. Problems show only after a first save attempt, then follow
 * the user's edits live; the draft is never reset by a failed save.
 */
export function EventForm({ initial, isNew }: Props) {
  const db = useDb();
  const t = useT();
  const closeEditor = useUi((s) => s.closeEditor);
  const selectEvent = useUi((s) => s.selectEvent);
  const notify = useUi((s) => s.notify);
  const [draft, setDraft] = useState<EventDraft>(() => draftFrom(initial));
  const [attempted, setAttempted] = useState(false);
  const [storeIssues, setStoreIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const issues = useMemo(
    () => (attempted ? mergeIssues(checkDraft(draft).issues, storeIssues) : []),
    [attempted, draft, storeIssues],
  );
  const byPath = useMemo(() => issuesByPath(issues), [issues]);
  const errorOf = (path: string) => {
    const key = byPath.get(path);
    return key ? t.dynamic(key) : undefined;
  };
  const set = (patch: Partial<EventDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // After a refused save, take the user to the first field with a problem.
  useEffect(() => {
    if (focusTick === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form__summary');
    target?.focus();
  }, [focusTick]);

  const refuse = (found: FieldIssue[]) => {
    setStoreIssues(found);
    setAttempted(true);
    setFocusTick((n) => n + 1);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const { record, issues: found } = checkDraft(draft);
    if (found.length > 0) return refuse([]);
    setSaving(true);
    try {
      const result = await saveEvent(db, record);
      if (!result.ok) return refuse(result.issues);
      notify(t('events.saved', { title: result.value.title }));
      selectEvent(result.value.id);
    } catch (error) {
      notify(saveFailedText(error, t.lang, record.title), 'error');
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    // An open suggestion list takes Escape for itself.
    if (e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    closeEditor();
  };

  const changeType = (type: EventType) => set({ type, subType: EVENT_TAXONOMY[type][0] });
  const heading = isNew ? t('events.form.newTitle') : t('events.form.editTitle');

  return (
    <form ref={formRef} className="form event-form" aria-label={heading} noValidate onSubmit={(e) => void save(e)} onKeyDown={onKeyDown}>
      <h2 className="event-form__heading">{heading}</h2>
      <FormSummary issues={issues} hidden={issues.filter((i) => !isShownInline(i.path))} />
      <div className="form__grid event-form__top">
        <TextField label={t('events.form.title')} value={draft.title} onChange={(title) => set({ title })} autoFocus
          placeholder={t('events.form.titlePlaceholder')} error={errorOf('title')} className="field--wide" />
        <DateField label={t('events.form.date')} value={draft.date} error={errorOf('date')} className="event-form__date"
          onChange={(date, dateInvalid) => set({ date, dateInvalid })} />
        <SelectField<EventType> label={t('events.form.type')} value={draft.type} options={typeOptions(t)}
          onChange={changeType} error={errorOf('type')} />
        <SelectField<string> label={t('events.form.subType')} value={draft.subType} options={subTypeOptions(t, draft.type)}
          onChange={(subType) => set({ subType })} error={errorOf('subType')} />
        <TextField label={t('events.form.description')} value={draft.description} multiline className="field--wide"
          onChange={(description) => set({ description })} error={errorOf('description')} />
      </div>
      <PlaceFields value={draft.place} onChange={(place) => set({ place })} errorOf={errorOf} />
      <FatalitiesFields total={draft.total} sides={draft.sides} errorOf={errorOf}
        onTotal={(total) => set({ total })} onSides={(sides) => set({ sides })} />
      <SeizuresFields value={draft.seizures} onChange={(seizures) => set({ seizures })} errorOf={errorOf} />
      <ParticipantsFields value={draft.participants} onChange={(participants) => set({ participants })} errorOf={errorOf} />
      <RelatedEventsField selfId={draft.base.id} value={draft.relatedEventIds} error={errorOf('relatedEventIds')}
        onChange={(relatedEventIds) => set({ relatedEventIds })} />
      <div className="form__section">
        <TagsField value={draft.tags} onChange={(tags) => set({ tags })} error={errorOf('tags')} />
      </div>
      <div className="form__actions">
        <button type="submit" className="primary" disabled={saving}>{t('action.save')}</button>
        <button type="button" onClick={closeEditor}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
