import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { blankEvent } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { getEvent } from '../../db/events';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { EventForm } from './EventForm';

/** Opens the form on a new event (joining the active case) or on a stored one. */
export function EventEditor({ id }: { id: string | null }) {
  return id === null ? <NewEvent /> : <ExistingEvent id={id} />;
}

function NewEvent() {
  const activeCaseId = useUi((s) => s.activeCaseId);
  const [initial] = useState(() => ({ ...blankEvent(), caseIds: activeCaseId ? [activeCaseId] : [] }));
  return <EventForm initial={initial} isNew />;
}

function ExistingEvent({ id }: { id: string }) {
  const db = useDb();
  const t = useT();
  const closeEditor = useUi((s) => s.closeEditor);
  // Read once per id: later changes to the stored record must not overwrite the user's edits.
  const event = useLiveQuery(async () => (await getEvent(db, id)) ?? null, [db, id]);
  if (event === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (event === null) {
    return (
      <div className="empty">
        <p>{t('events.notFound')}</p>
        <button type="button" onClick={closeEditor}>{t('action.close')}</button>
      </div>
    );
  }
  return <EventForm key={event.id} initial={event} isNew={false} />;
}
