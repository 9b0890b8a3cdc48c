import { useDb } from '../../db/dbContext';
import { setOcrQueuePaused } from '../../db/ocrJobs';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { formatDuration } from './format';
import { useOcrQueue } from './useOcrQueue';
import './ocr.css';

/** One line in the sidebar while scans are being read: pages done, time left, and Pause/Resume. */
export function OcrSidebarStatus() {
  const db = useDb();
  const t = useT();
  const showView = useUi((s) => s.showView);
  const queue = useOcrQueue();
  if (!queue?.summary) return null;
  const { summary, paused, secondsLeft } = queue;
  const time = !paused && secondsLeft !== null ? formatDuration(secondsLeft, t.lang) : null;
  return (
    <div className="ocr-side" data-testid="ocr-sidebar">
      <button type="button" className="ocr-side__text" title={t('ocr.sidebar.show')} onClick={() => showView('documents')}>
        <span aria-hidden="true" className={`ocr-side__dot${paused ? ' ocr-side__dot--paused' : ''}`} />
        {t(paused ? 'ocr.sidebar.paused' : 'ocr.sidebar.running', { done: summary.done, total: summary.total })}
        {time ? <span className="ocr-side__time"> · {time}</span> : null}
      </button>
      <progress className="ocr-side__bar" aria-label={t('ocr.overall')} max={summary.total} value={summary.done} />
      <button type="button" className="ocr-side__toggle" aria-label={paused ? t('ocr.resumeAll') : t('ocr.pauseAll')}
        title={paused ? t('ocr.resumeAll') : t('ocr.pauseAll')} onClick={() => void setOcrQueuePaused(db, !paused)}>
        {paused ? '▶' : '❚❚'}
      </button>
    </div>
  );
}
