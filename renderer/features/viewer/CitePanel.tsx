import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { newCitation } from '../../../shared/model';
import type { FieldIssue } from '../../../shared/model';
import { ActorPicker } from '../../components/ActorPicker';
import { Field, TextField } from '../../components/Field';
import { useDb } from '../../db/dbContext';
import { getActor, getActorsByIds } from '../../db/actors';
import { RecordNotFoundError } from '../../db/cases';
import type { CitablePart } from '../../db/citations';
import { addCitation, listCitationTargets } from '../../db/citations';
import { partIdOf } from '../../db/citationTargets';
import { getEvent } from '../../db/events';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { titleOf } from '../events/labels';
import { EventPicker } from './EventPicker';
import { labelActorIds, partLabel } from './partLabels';
import { isDiskFull } from '../../db/storageErrors';
import { diskFullSaying } from '../storage/saveErrors';

interface CitePanelProps {
  documentId: string;
  page: number;
  /** The words selected on the page when the panel opened; editable, may be empty. */
  initialQuote: string;
  onClose: () => void;
}

type Kind = 'actor' | 'event';

const partKey = (part: CitablePart) => `${part.target.part}:${partIdOf(part.target) ?? ''}`;

/**
 * "Cite this page": pick an actor or an event, the part of it the page supports (the
 * record as a whole, one name, membership, status entry or participant), the quote and
 * a note, and attach the citation. The repository refuses a page past the document's end.
 */
export function CitePanel({ documentId, page, initialQuote, onClose }: CitePanelProps) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const headingId = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  // Start from what the user was looking at behind the viewer.
  const [kind, setKind] = useState<Kind>(() => (useUi.getState().view === 'events' ? 'event' : 'actor'));
  const [actorId, setActorId] = useState<string | null>(() => useUi.getState().selectedActorId);
  const [eventId, setEventId] = useState<string | null>(() => useUi.getState().selectedEventId);
  const [chosenPart, setChosenPart] = useState('');
  const [quote, setQuote] = useState(initialQuote);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => { firstRef.current?.focus(); }, []);

  const recordId = kind === 'actor' ? actorId : eventId;
  const record = useLiveQuery(async () => {
    if (!recordId) return null;
    return (kind === 'actor' ? await getActor(db, recordId) : await getEvent(db, recordId)) ?? null;
  }, [db, kind, recordId]);
  const parts = record ? listCitationTargets(record) : [];
  const idsKey = labelActorIds(parts.map((p) => p.label)).join(',');
  const names = useLiveQuery(async () => {
    const actors = await getActorsByIds(db, idsKey ? idsKey.split(',') : []);
    return new Map(actors.map((a) => [a.id, a.name]));
  }, [db, idsKey]) ?? new Map<string, string>();
  const part = parts.find((p) => partKey(p) === chosenPart) ?? parts[0];
  const recordName = record ? ('statusHistory' in record ? record.name : titleOf(t, record)) : '';

  const describe = (issues: FieldIssue[]) => issues.map((i) => {
    if (i.path === 'page') return t('viewer.cite.pageOutside', { page });
    if (i.path === 'documentId') return t('viewer.cite.documentGone');
    return t.dynamic(i.message);
  }).join(' ');

  const save = async () => {
    if (!record || !part) { setError(t('viewer.cite.pickRecord')); return; }
    setSaving(true);
    try {
      const citation = { ...newCitation(documentId, page, quote.replace(/\s+/g, ' ').trim()), note: note.trim() };
      const result = await addCitation(db, part.target, citation);
      if (!result.ok) { setError(describe(result.issues)); return; }
      notify(t('viewer.cite.done', { page, record: recordName }));
      onClose();
    } catch (failure) {
      if (failure instanceof RecordNotFoundError) setError(t('viewer.cite.gone'));
      else if (isDiskFull(failure)) setError(diskFullSaying(t.lang, t('storage.diskFull.citation', { page })));
      else setError(String(failure));
    } finally {
      setSaving(false);
    }
  };

  const changeKind = (next: Kind) => { setKind(next); setChosenPart(''); setError(null); };

  return (
    <section className="cite-panel" role="dialog" aria-labelledby={headingId}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <h2 id={headingId}>{t('viewer.cite.title', { page })}</h2>
        <fieldset className="cite-panel__kind">
          <legend>{t('viewer.cite.on')}</legend>
          <label><input ref={firstRef} type="radio" name="cite-kind" checked={kind === 'actor'} onChange={() => changeKind('actor')} />{t('viewer.cite.actor')}</label>
          <label><input type="radio" name="cite-kind" checked={kind === 'event'} onChange={() => changeKind('event')} />{t('viewer.cite.event')}</label>
        </fieldset>
        {kind === 'actor' ? (
          <ActorPicker label={t('viewer.cite.actor')} value={actorId} onChange={(id) => { setActorId(id); setChosenPart(''); setError(null); }} />
        ) : (
          <EventPicker label={t('viewer.cite.event')} value={eventId} placeholder={t('viewer.cite.eventPlaceholder')}
            onChange={(id) => { setEventId(id); setChosenPart(''); setError(null); }} />
        )}
        <Field label={t('viewer.cite.part')}>
          {(a11y) => (
            <select {...a11y} value={part ? partKey(part) : ''} disabled={!part} onChange={(e) => setChosenPart(e.target.value)}>
              {parts.map((p) => <option key={partKey(p)} value={partKey(p)}>{partLabel(t, p.label, names)}</option>)}
            </select>
          )}
        </Field>
        <TextField label={t('viewer.cite.quote')} value={quote} onChange={setQuote} multiline hint={quote ? undefined : t('viewer.cite.quoteHint')} />
        <TextField label={t('viewer.cite.note')} value={note} onChange={setNote} />
        {error ? <p className="form__summary" role="alert">{error}</p> : null}
        <div className="cite-panel__actions">
          <button type="submit" className="primary" disabled={saving}>{t('action.save')}</button>
          <button type="button" onClick={onClose}>{t('action.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
