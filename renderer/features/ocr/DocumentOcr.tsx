import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { SourceDocument } from '../../../shared/model';
import { ocrLanguagesFor } from '../../../shared/ocr/languages';
import { useDb } from '../../db/dbContext';
import type { OcrJobRow } from '../../db/ocrJobs';
import { ACTIVE_OCR_STATUSES, enqueueOcr, isOcrQueuePaused, setOcrJobStatus } from '../../db/ocrJobs';
import { documentOcrPages, type OcrPageOverview } from '../../db/ocrOverview';
import type { Translator } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { languagesText, plural } from './format';
import './ocr.css';

/**
 * A document's OCR: where its job stands, the pages that failed and why, and the way to read
 * it again (all of it, say after its language was corrected) or one page (a junk text layer,
 * a failed page). Shown for documents that have pages OCR can read.
 */
export function DocumentOcr({ doc }: { doc: SourceDocument }) {
  const db = useDb();
  const t = useT();
  const data = useLiveQuery(async () => {
    // Page numbers and states only: the rows of read pages (every word with its box) are not read.
    const [job, { pages, languages }, queuePaused] = await Promise.all([db.ocrJobs.get(doc.id), documentOcrPages(db, doc.id), isOcrQueuePaused(db)]);
    return { job: job ?? null, queuePaused, pages, readLanguages: languages };
  }, [db, doc.id]);
  if (!data || (data.pages.length === 0 && !data.job)) return null;
  const { job, pages, queuePaused, readLanguages } = data;
  const active = job !== null && ACTIVE_OCR_STATUSES.includes(job.status);
  const failed = pages.filter((p) => p.failed !== null);
  const wanted = ocrLanguagesFor(doc.language);
  const usedLanguages = readLanguages ? readLanguages.join('+') : job?.languages;
  const languageChanged = job?.status === 'done' && usedLanguages !== undefined && usedLanguages !== wanted;

  return (
    <section aria-labelledby="doc-ocr" className="doc-ocr">
      <h2 id="doc-ocr" className="section-title">{t('ocr.section')}</h2>
      {job ? <JobLine job={job} t={t} title={doc.title} /> : null}
      {active && queuePaused ? <p className="doc-ocr__paused">{t('ocr.doc.queuePaused')}</p> : null}
      {job?.error ? <p className="doc-ocr__error">{t('ocr.doc.error', { reason: job.error })}</p> : null}
      {usedLanguages ? <p className="muted">{t('ocr.doc.languages', { languages: languagesText(t, usedLanguages) })}</p> : null}
      {languageChanged ? <p data-testid="ocr-language-changed">{t('ocr.doc.languageChanged', { was: languagesText(t, usedLanguages!), now: languagesText(t, wanted) })}</p> : null}
      {failed.length ? (
        <>
          <h3 className="doc-ocr__sub">{t('ocr.doc.failed')}</h3>
          <ul className="doc-ocr__failed" data-testid="ocr-failed-pages">
            {failed.map((p) => <li key={p.page}>{t('ocr.doc.failedPage', { page: p.page, reason: t(`ocr.reason.${p.failed!}`) })}</li>)}
          </ul>
        </>
      ) : null}
      {pages.length ? <Actions doc={doc} pages={pages} languages={wanted} whole={!active} /> : <p className="muted">{t('ocr.doc.nothing')}</p>}
    </section>
  );
}

function JobLine({ job, t, title }: { job: OcrJobRow; t: Translator; title: string }) {
  const db = useDb();
  // Of this job's pages: those stored, and those read (stored and not failed).
  const params = { done: job.done.length, total: job.pages.length, read: job.done.length - job.failed.length };
  const text = job.status === 'queued' ? plural(t, 'ocr.doc.queued', job.pages.length - job.done.length, { total: job.pages.length - job.done.length })
    : job.status === 'done' ? plural(t, 'ocr.doc.done', job.pages.length, params)
    : plural(t, `ocr.doc.${job.status}`, job.pages.length, params);
  const active = job.status === 'queued' || job.status === 'running' || job.status === 'paused';
  return (
    <div className="doc-ocr__job">
      <p data-testid="doc-ocr-status">{text}</p>
      {active ? (
        <>
          <button type="button" className="small" aria-label={t(job.status === 'paused' ? 'ocr.resumeDoc' : 'ocr.pauseDoc', { title })}
            onClick={() => void setOcrJobStatus(db, job.documentId, job.status === 'paused' ? 'resume' : 'pause')}>
            {job.status === 'paused' ? t('ocr.resume') : t('ocr.pause')}
          </button>
          <button type="button" className="small" aria-label={t('ocr.cancelDoc', { title })}
            onClick={() => void setOcrJobStatus(db, job.documentId, 'cancel')}>{t('ocr.cancel')}</button>
        </>
      ) : null}
    </div>
  );
}

/** `whole`: offer to read the whole document again (not while its job still waits or runs). */
function Actions({ doc, pages, languages, whole }: { doc: SourceDocument; pages: OcrPageOverview[]; languages: string; whole: boolean }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const id = useId();
  const [page, setPage] = useState(pages[0]!.page);
  const queue = async (scope: Parameters<typeof enqueueOcr>[2]) => {
    const job = await enqueueOcr(db, doc.id, scope, languages);
    if (job) notify(t('ocr.doc.queuedToast', { title: doc.title }));
  };
  const label = (p: OcrPageOverview) => t(p.failed ? 'ocr.pageState.failed' : `ocr.pageState.${p.state}`, { page: p.page });
  return (
    <div className="doc-ocr__actions">
      {whole ? <button type="button" onClick={() => void queue({ kind: 'all' })}>{t('ocr.doc.readAgain')}</button> : null}
      <span className="doc-ocr__page">
        <label htmlFor={id}>{t('ocr.doc.pagePick')}</label>
        <select id={id} value={page} onChange={(e) => setPage(Number(e.target.value))}>
          {pages.map((p) => <option key={p.page} value={p.page}>{label(p)}</option>)}
        </select>
        <button type="button" onClick={() => void queue({ kind: 'page', page })}>{t('ocr.doc.readPage')}</button>
      </span>
    </div>
  );
}
