import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceDocument } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import type { CitationTargetLabel } from '../../db/citationTargets';
import type { CitingRecord } from '../../db/documents';
import { recordsCitingDocument } from '../../db/documents';
import type { Translator } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { nameTypeKey, statusKey } from '../actors/labels';
import { roleLabel } from '../events/labels';

function partLabel(t: Translator, label: CitationTargetLabel): string {
  switch (label.part) {
    case 'actor': return t('documents.part.actor');
    case 'name': return t('documents.part.name', { name: `${label.name} (${t(nameTypeKey(label.type))})` });
    case 'membership': return t('documents.part.membership', { role: label.role });
    case 'status': return t('documents.part.status', { status: t(statusKey(label.status)) });
    case 'event': return t('documents.part.event');
    case 'participant': return t('documents.part.participant', { role: roleLabel(t, label.role) });
  }
}

/** Every actor and event citing the source, with the part of it that does and the page. */
export function CitedBy({ doc }: { doc: SourceDocument }) {
  const db = useDb();
  const t = useT();
  const records = useLiveQuery(() => recordsCitingDocument(db, doc.id), [db, doc.id]);
  return (
    <section aria-labelledby="doc-cited">
      <h2 id="doc-cited" className="section-title">{t('documents.section.citedBy')}</h2>
      {records === undefined ? null : records.length === 0 ? <p className="muted">{t('documents.citedBy.none')}</p> : (
        <ul className="doc-cited" aria-labelledby="doc-cited">
          {records.map((record) => <CitingEntry key={record.id} record={record} doc={doc} />)}
        </ul>
      )}
    </section>
  );
}

function CitingEntry({ record, doc }: { record: CitingRecord; doc: SourceDocument }) {
  const t = useT();
  const selectActor = useUi((s) => s.selectActor);
  const selectEvent = useUi((s) => s.selectEvent);
  const open = () => (record.table === 'actors' ? selectActor(record.id) : selectEvent(record.id));
  return (
    <li>
      <span className="chip">{t(`documents.citedBy.${record.table}`)}</span>{' '}
      <button type="button" className="link" onClick={open}>{record.title || '—'}</button>
      <ul className="citations">
        {record.citations.map(({ citation, label }) => (
          <li key={citation.id}>
            {partLabel(t, label)}
            {' · '}
            {citation.page ? (
              <button type="button" className="link" aria-label={t('documents.citedBy.openPage', { title: doc.title, page: citation.page })}
                onClick={() => useUi.getState().openViewer(doc.id, citation.page ?? 1)}>
                {t('common.page', { page: citation.page })}
              </button>
            ) : t('common.wholeDocument')}
            {citation.quote ? <> — <q>{citation.quote}</q></> : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
