import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { SourceDocument } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { getDocumentsByIds } from '../../db/documents';
import { plural, type PluralKey } from '../../i18n/plural';
import { useT } from '../../i18n/useT';
import type { ImportJob } from '../../state/store';
import { useUi } from '../../state/store';
import { cancelImport } from './importRunner';
import { isLocked, stateBadge, stateTone } from './labels';

const FINISHED: ReadonlySet<ImportJob['phase']> = new Set(['done', 'duplicate', 'failed', 'cancelled']);
const SUMMARY: ReadonlyArray<[ImportJob['phase'], PluralKey]> = [
  ['done', 'documents.import.summary.added'],
  ['duplicate', 'documents.import.summary.duplicate'],
  ['failed', 'documents.import.summary.failed'],
  ['cancelled', 'documents.import.summary.cancelled'],
];

/** Per-file and overall progress of adding PDFs; Cancel while it runs, Dismiss once it is over. */
export function ImportPanel() {
  const db = useDb();
  const t = useT();
  const jobs = useUi((s) => s.importJobs);
  const running = useUi((s) => s.importRunning);
  const clear = useUi((s) => s.clearImportJobs);
  // The documents the finished files became, read live so an unlock shows here too.
  const docIds = jobs.filter((j) => j.phase === 'done' && j.documentId).map((j) => j.documentId!).join(',');
  const docs = useLiveQuery(() => getDocumentsByIds(db, docIds ? docIds.split(',') : []), [db, docIds]);
  const byId = useMemo(() => new Map((docs ?? []).map((d) => [d.id, d])), [docs]);
  if (jobs.length === 0) return null;

  const finished = jobs.filter((j) => FINISHED.has(j.phase)).length;
  const current = jobs.find((j) => j.phase === 'extracting' && j.pageCount > 0);
  const overall = finished + (current ? current.page / current.pageCount : 0);
  const summary = SUMMARY.map(([phase, key]) => [key, jobs.filter((j) => j.phase === phase).length] as const)
    .filter(([, count]) => count > 0).map(([key, count]) => plural(t, key, count)).join(' · ');

  return (
    <section className="import-panel" aria-label={t('documents.import.region')}>
      <div className="import-panel__head">
        <strong aria-live="polite">
          {running ? t('documents.import.running', { done: finished, total: jobs.length }) : t('documents.import.finished')}
        </strong>
        {!running && summary ? <span className="muted">{summary}</span> : null}
        <span className="import-panel__spacer" />
        {running
          ? <button type="button" className="small" onClick={() => cancelImport(db)}>{t('documents.import.cancel')}</button>
          : <button type="button" className="small" onClick={clear}>{t('documents.import.dismiss')}</button>}
      </div>
      <progress className="import-panel__overall" aria-label={t('documents.import.overall')} max={jobs.length} value={overall} />
      <ul className="import-panel__files" aria-label={t('documents.import.files')}>
        {jobs.map((job) => <JobRow key={job.id} job={job} doc={job.documentId ? byId.get(job.documentId) : undefined} />)}
      </ul>
    </section>
  );
}

function JobRow({ job, doc }: { job: ImportJob; doc: SourceDocument | undefined }) {
  const selectDocument = useUi((s) => s.selectDocument);
  const name = job.phase === 'done' && doc
    ? <button type="button" className="link import-job__name" title={job.fileName} onClick={() => selectDocument(doc.id)}>{job.fileName}</button>
    : <span className="import-job__name" title={job.fileName}>{job.fileName}</span>;
  return (
    <li className={`import-job import-job--${job.phase}`}>
      {name}
      <span className="import-job__status"><JobStatus job={job} doc={doc} /></span>
    </li>
  );
}

function JobStatus({ job, doc }: { job: ImportJob; doc: SourceDocument | undefined }) {
  const t = useT();
  const selectDocument = useUi((s) => s.selectDocument);
  switch (job.phase) {
    case 'queued':
    case 'hashing':
    case 'saving':
      return <span className="muted">{t(`documents.import.phase.${job.phase}`)}</span>;
    case 'extracting':
      if (job.pageCount === 0) return <span className="muted">{t('documents.import.phase.opening')}</span>;
      return (
        <>
          <progress aria-label={t('documents.import.fileProgress', { name: job.fileName })} max={job.pageCount} value={job.page} />
          <span className="muted">{t('documents.import.phase.extracting', { page: job.page, pageCount: job.pageCount })}</span>
        </>
      );
    case 'done': {
      if (!doc) return null;
      const { state, message } = doc.extraction;
      const note = state === 'extracted' || isLocked(state) ? '' : message;
      return (
        <>
          <span className={`doc-state doc-state--${stateTone(doc.extraction)}`}>{stateBadge(t, doc.extraction)}</span>
          {note ? <span className="import-job__message" title={note}>{note}</span> : null}
        </>
      );
    }
    case 'duplicate':
      return (
        <>
          <span>{t('documents.import.phase.duplicate')}</span>
          {job.documentId ? (
            <button type="button" className="link" aria-label={t('documents.import.showExistingLabel', { title: job.message })}
              onClick={() => selectDocument(job.documentId)}>
              {t('documents.import.showExisting')}
            </button>
          ) : null}
        </>
      );
    case 'failed':
      return <><span className="doc-state doc-state--bad">{t('documents.import.phase.failed')}</span><span className="import-job__message" title={job.message}>{job.message}</span></>;
    case 'cancelled':
      return <span className="muted">{t('documents.import.phase.cancelled')}</span>;
  }
}
