import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import { getDocumentsByIds } from '../../db/documents';
import type { OcrJobRow } from '../../db/ocrJobs';
import { ACTIVE_OCR_STATUSES, cancelAllOcr, setOcrJobStatus, setOcrQueuePaused } from '../../db/ocrJobs';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { plural, timeLeftText } from './format';
import { useOcrQueue } from './useOcrQueue';
import './ocr.css';

/**
 * "Reading scans: 12 of 40 pages, about 3 min left" with Pause/Resume and Cancel for the whole
 * queue, and one row per document still to read with its own buttons. Hidden when nothing waits.
 */
export function OcrQueuePanel() {
  const db = useDb();
  const t = useT();
  const queue = useOcrQueue();
  const active = (queue?.jobs ?? []).filter((j) => ACTIVE_OCR_STATUSES.includes(j.status));
  const ids = active.map((j) => j.documentId).join(',');
  const docs = useLiveQuery(() => getDocumentsByIds(db, ids ? ids.split(',') : []), [db, ids]);
  if (!queue?.summary) return null;
  const { summary, paused } = queue;
  const titles = new Map((docs ?? []).map((d) => [d.id, d.title]));
  const headline = plural(t, paused ? 'ocr.pausedProgress' : 'ocr.progress', summary.total, { done: summary.done, total: summary.total });
  const idle = paused || summary.waiting === 0;

  return (
    <section className="ocr-panel" aria-label={t('ocr.region')}>
      <div className="ocr-panel__head">
        <strong data-testid="ocr-progress" aria-live="polite">
          {headline}{idle ? '' : `, ${timeLeftText(t, queue.secondsLeft)}`}
        </strong>
        {summary.failed > 0 ? <span className="ocr-panel__failed">{plural(t, 'ocr.failedCount', summary.failed)}</span> : null}
        <span className="ocr-panel__spacer" />
        <button type="button" className="small" aria-label={paused ? t('ocr.resumeAll') : t('ocr.pauseAll')}
          onClick={() => void setOcrQueuePaused(db, !paused)}>
          {paused ? t('ocr.resume') : t('ocr.pause')}
        </button>
        <button type="button" className="small" aria-label={t('ocr.cancelAll')} onClick={() => void cancelAllOcr(db)}>{t('ocr.cancel')}</button>
      </div>
      <progress className="ocr-panel__bar" aria-label={t('ocr.overall')} max={summary.total} value={summary.done} />
      {active.length > 1 || active[0]?.status === 'paused' ? (
        <ul className="ocr-panel__jobs" aria-label={t('ocr.documents')}>
          {active.map((job) => <JobRow key={job.documentId} job={job} title={titles.get(job.documentId) ?? '…'} />)}
        </ul>
      ) : null}
    </section>
  );
}

function JobRow({ job, title }: { job: OcrJobRow; title: string }) {
  const db = useDb();
  const t = useT();
  const selectDocument = useUi((s) => s.selectDocument);
  const isPaused = job.status === 'paused';
  return (
    <li className={`ocr-job ocr-job--${job.status}`}>
      <button type="button" className="link ocr-job__name" title={title} onClick={() => selectDocument(job.documentId)}>{title}</button>
      <span className="ocr-job__status">{t(`ocr.status.${job.status}`)} · {t('ocr.jobPages', { done: job.done.length, total: job.pages.length })}</span>
      <button type="button" className="small" aria-label={t(isPaused ? 'ocr.resumeDoc' : 'ocr.pauseDoc', { title })}
        onClick={() => void setOcrJobStatus(db, job.documentId, isPaused ? 'resume' : 'pause')}>
        {isPaused ? t('ocr.resume') : t('ocr.pause')}
      </button>
      <button type="button" className="small" aria-label={t('ocr.cancelDoc', { title })}
        onClick={() => void setOcrJobStatus(db, job.documentId, 'cancel')}>{t('ocr.cancel')}</button>
    </li>
  );
}
