import { useState } from 'react';
import type { Reliability, SourceDocument } from '../../../shared/model';
import { DOCUMENT_EDITABLE_FIELDS, RELIABILITY_GRADES, issuesByPath } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { saveDocumentMetadata } from '../../db/documents';
import { DateField } from '../../components/DateField';
import { Field, TextField } from '../../components/Field';
import { TagsField } from '../../components/TagsField';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { CaseChecklist } from '../cases/CaseChecklist';
import { reliabilityLabel } from './labels';
import { saveFailedText } from '../storage/saveErrors';

type Errors = Map<string, string>;

function sameMetadata(a: SourceDocument, b: SourceDocument): boolean {
  return DOCUMENT_EDITABLE_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/**
 * The editable metadata, always open: sources are mostly filed by correcting what the PDF
 * said. The draft follows the stored document (an unlock can fill the title and author)
 * until the user changes something; a failed save keeps the draft and says why per field.
 */
export function DocumentForm({ doc }: { doc: SourceDocument }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const [base, setBase] = useState(doc);
  const [draft, setDraft] = useState(doc);
  const [errors, setErrors] = useState<Errors>(new Map());
  const [badDate, setBadDate] = useState(false);
  const [saving, setSaving] = useState(false);

  if (doc !== base) {
    setBase(doc);
    if (sameMetadata(draft, base)) setDraft(doc);
  }
  const dirty = !sameMetadata(draft, doc);

  const update = (patch: Partial<SourceDocument>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's message goes once the user changes that field; the rest wait for the next save.
    const fields = Object.keys(patch);
    if (fields.some((f) => errors.has(f))) setErrors((e) => new Map([...e].filter(([path]) => !fields.some((f) => path === f || path.startsWith(`${f}.`)))));
  };
  const err = (path: string) => { const key = errors.get(path); return key ? t.dynamic(key) : undefined; };

  const save = async () => {
    if (badDate) return;
    setSaving(true);
    try {
      const result = await saveDocumentMetadata(db, draft);
      if (!result.ok) { setErrors(issuesByPath(result.issues)); return; }
      setErrors(new Map());
      setBase(result.value);
      setDraft(result.value);
      notify(t('common.saved'));
    } catch (error) {
      notify(saveFailedText(error, t.lang, draft.title), 'error');
    } finally {
      setSaving(false);
    }
  };

  const revert = () => { setDraft(doc); setErrors(new Map()); setBadDate(false); };
  const problems = errors.size + (badDate ? 1 : 0);

  return (
    <form className="form doc-form" aria-labelledby="doc-details" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id="doc-details" className="section-title">{t('documents.section.details')}</h2>
      {problems > 0 ? <div className="form__summary" role="alert">{plural(t, 'validation.summary', problems)}</div> : null}
      <div className="form__grid">
        <TextField className="field--wide" label={t('documents.field.title')} value={draft.title} error={err('title')} onChange={(title) => update({ title })} />
        <TextField label={t('documents.field.author')} value={draft.author} error={err('author')} onChange={(author) => update({ author })} />
        <TextField label={t('documents.field.publisher')} value={draft.publisher} error={err('publisher')} onChange={(publisher) => update({ publisher })} />
        <DateField label={t('documents.field.publishedOn')} value={draft.publishedOn} error={err('publishedOn')} compact
          onChange={(publishedOn, invalid) => { update({ publishedOn }); setBadDate(invalid); }} />
        <TextField className="field--wide" label={t('documents.field.url')} value={draft.url} error={err('url')} placeholder="https://"
          onChange={(url) => update({ url })} />
        <TextField label={t('documents.field.language')} value={draft.language} error={err('language')} onChange={(language) => update({ language })} />
        <Field label={t('documents.field.reliability')} hint={t('documents.reliabilityHint')} error={err('reliability')}>
          {(a11y) => (
            <select {...a11y} value={draft.reliability} onChange={(e) => update({ reliability: e.target.value as Reliability })}>
              {RELIABILITY_GRADES.map((grade) => <option key={grade} value={grade}>{reliabilityLabel(t, grade)}</option>)}
            </select>
          )}
        </Field>
        <TextField className="field--wide" label={t('documents.field.notes')} multiline value={draft.notes} error={err('notes')} onChange={(notes) => update({ notes })} />
        <div className="field--wide"><TagsField value={draft.tags} error={err('tags')} onChange={(tags) => update({ tags })} /></div>
      </div>
      <CaseChecklist value={draft.caseIds} onChange={(caseIds) => update({ caseIds })} />
      <div className="form__actions">
        <button type="submit" className="primary" disabled={saving}>{t('action.save')}</button>
        {dirty ? <button type="button" onClick={revert}>{t('documents.revert')}</button> : null}
        {dirty ? <span className="muted doc-form__dirty">{t('documents.unsaved')}</span> : null}
      </div>
    </form>
  );
}
