import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { DocumentDetail } from './DocumentDetail';
import { DocumentList } from './DocumentList';
import { ImportPanel } from './ImportPanel';
import { OcrQueuePanel } from '../ocr/OcrQueuePanel';
import './documents.css';

/** Sources: the PDF library on the left; import progress and the selected source on the right. */
export function DocumentsView() {
  const t = useT();
  const selectedId = useUi((s) => s.selectedDocumentId);
  return (
    <div className="split documents-view">
      <DocumentList />
      <div className="documents-view__side">
        <ImportPanel />
        <OcrQueuePanel />
        <section className="pane pane--detail" aria-label={t('documents.details')}>
          {selectedId ? <DocumentDetail key={selectedId} id={selectedId} /> : <p className="empty">{t('documents.selectHint')}</p>}
        </section>
      </div>
    </div>
  );
}
