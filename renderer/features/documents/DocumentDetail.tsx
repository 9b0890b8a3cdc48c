import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceDocument } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { deleteDocument, getDocument } from '../../db/documents';
import { restoreFromTrash } from '../../db/trash';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { ActorsMentioned } from '../mentions/ActorsMentioned';
import { NameSuggestions } from '../mentions/NameSuggestions';
import { CitedBy } from './CitedBy';
import { DocumentForm } from './DocumentForm';
import { ExtractionStatus } from './ExtractionStatus';
import { DocumentOcr } from '../ocr/DocumentOcr';
import { formatBytes, formatDay, stateBadge, stateTone } from './labels';

export function DocumentDetail({ id }: { id: string }) {
  const db = useDb();
  const doc = useLiveQuery(async () => (await getDocument(db, id)) ?? null, [db, id]);
  if (doc === undefined) return null;
  if (doc === null) return <p className="empty">—</p>;
  return <Detail doc={doc} />;
}

function Detail({ doc }: { doc: SourceDocument }) {
  const db = useDb();
  const t = useT();
  const selectDocument = useUi((s) => s.selectDocument);
  const notify = useUi((s) => s.notify);
  const damaged = doc.extraction.state === 'damaged';

  const remove = async () => {
    await deleteDocument(db, doc.id);
    selectDocument(null);
    notify(t('trash.moved', { title: doc.title }), 'info', {
      label: t('action.undo'),
      run: () => {
        void restoreFromTrash(db, doc.id).then((result) => {
          if (result === 'restored') selectDocument(doc.id);
          else if (result === 'conflict' || result === 'same-file') notify(t('documents.restoreConflict', { title: doc.title }), 'error');
        });
      },
    });
  };

  return (
    <article className="detail doc-detail" aria-labelledby="doc-title">
      <header className="detail__head">
        <div className="doc-detail__heading">
          <div className="detail__kicker">
            <span className="doc-detail__file">{doc.fileName}</span> · {formatBytes(doc.byteLength, t.lang)} · {t('documents.addedOn', { date: formatDay(doc.createdAt, t.lang) })}
          </div>
          <h1 id="doc-title">{doc.title}</h1>
          <div className="doc-detail__sub">
            <span className={`doc-state doc-state--${stateTone(doc.extraction)}`} data-testid="doc-state">{stateBadge(t, doc.extraction)}</span>
            {[doc.author, doc.publisher].filter(Boolean).map((s) => <span key={s} className="muted"> · {s}</span>)}
          </div>
        </div>
        <div className="actions">
          <button type="button" className="primary" disabled={damaged} title={damaged ? t('documents.openDamaged') : undefined}
            onClick={() => useUi.getState().openViewer(doc.id, 1)}>
            {t('documents.open')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>{t('action.delete')}</button>
        </div>
      </header>

      <ExtractionStatus doc={doc} />
      <DocumentOcr doc={doc} />
      <CitedBy doc={doc} />
      <ActorsMentioned documentId={doc.id} />
      <NameSuggestions documentId={doc.id} />
      <DocumentForm doc={doc} />
    </article>
  );
}
