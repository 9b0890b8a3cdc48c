import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import type { SourceDocument } from '../../../shared/model';
import { textLayerOf } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { pagesNeedingOcr } from '../../db/documents';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { sharedExtractor } from './importRunner';
import { isLocked, pageRanges } from './labels';
import { retryExtraction } from './retryExtraction';
import { isDiskFull } from '../../db/storageErrors';
import type { Translator } from '../../i18n/useT';
import { diskFullSaying } from '../storage/saveErrors';

/** What text extraction made of the file, in words, with the way forward for locked and timed-out files. */
export function ExtractionStatus({ doc }: { doc: SourceDocument }) {
  const t = useT();
  const { state, pageCount, characters, message, annotationChars = 0 } = doc.extraction;
  const format = (n: number) => new Intl.NumberFormat(t.lang).format(n);
  const chars = format(characters);
  const layer = textLayerOf(doc.extraction);
  let summary: string;
  if (layer?.layer === 'text') summary = t(pageCount === 1 ? 'documents.status.extracted.one' : 'documents.status.extracted.other', { count: pageCount, chars });
  else if (layer?.layer === 'partly-scanned') summary = t('documents.status.partly-scanned', { ocr: layer.ocrPages, count: pageCount, chars });
  else if (layer) summary = t(`documents.status.${layer.layer}`, { count: pageCount });
  else if (isLocked(state)) summary = t('documents.status.password');
  else summary = t(`documents.status.${state as 'damaged' | 'timed-out'}`);
  // Locked files carry pdf.js's "protected with a password" note, which the summary already says.
  const detail = isLocked(state) ? '' : message;

  return (
    <section aria-labelledby="doc-text" className={`doc-status doc-status--${state}`}>
      <h2 id="doc-text" className="section-title">{t('documents.section.text')}</h2>
      <p data-testid="doc-status">{summary}</p>
      {layer?.layer === 'partly-scanned' ? <OcrPages documentId={doc.id} /> : null}
      {layer && annotationChars > 0 ? <p className="muted">{t('documents.status.annotations', { chars: format(annotationChars) })}</p> : null}
      {layer && !doc.extraction.textLayer ? <ReadAgain doc={doc} /> : null}
      {detail ? <p className={state === 'damaged' ? 'doc-status__damage' : 'muted'} data-testid="doc-status-detail">{detail}</p> : null}
      {isLocked(state) ? <UnlockForm doc={doc} /> : null}
      {state === 'timed-out' ? <RetryButton doc={doc} /> : null}
    </section>
  );
}

/** Which pages of a partly scanned document need OCR, as ranges ("3, 5–7"). */
function OcrPages({ documentId }: { documentId: string }) {
  const db = useDb();
  const t = useT();
  const pages = useLiveQuery(() => pagesNeedingOcr(db, documentId), [db, documentId]);
  if (!pages?.length) return null;
  return <p data-testid="doc-ocr-pages">{t('documents.status.ocrPages', { pages: pageRanges(pages) })}</p>;
}

/** The password is held in this field only until the attempt: cleared after it, never stored or logged. */
function UnlockForm({ doc }: { doc: SourceDocument }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);

  const unlock = async () => {
    if (!password || busy) return;
    setBusy(true);
    try {
      const outcome = await retryExtraction(db, sharedExtractor(), doc.id, password);
      if (outcome.status === 'wrong-password') {
        setWrong(true);
        input.current?.focus();
      } else {
        notify(t('documents.password.unlocked', { title: outcome.document.title }));
      }
    } catch (error) {
      notify(retryFailedText(error, t, doc.title), 'error');
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="doc-unlock" noValidate onSubmit={(e) => { e.preventDefault(); void unlock(); }}>
      <div className={`field${wrong ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{t('documents.password.label')}</label>
        <div className="doc-unlock__row">
          <input ref={input} id={id} type="password" autoComplete="off" value={password} disabled={busy}
            aria-invalid={wrong} aria-describedby={wrong ? `${id}-error` : undefined}
            onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" disabled={busy || password === ''}>{busy ? t('documents.password.unlocking') : t('documents.password.unlock')}</button>
        </div>
        {wrong ? <div id={`${id}-error`} className="field__error" role="alert">{t('documents.password.wrong')}</div> : null}
      </div>
    </form>
  );
}

/**
 * Documents read before pages were told apart (database version 3): a "scan" may be blank
 * pages or drawings, and form fields and comments were not read. Reading the file again
 * classifies each page.
 */
function ReadAgain({ doc }: { doc: SourceDocument }) {
  const t = useT();
  return (
    <div className="doc-read-again">
      <p className="muted" data-testid="doc-read-again">{t('documents.status.olderReading')}</p>
      <RetryButton doc={doc} label={t('documents.status.readAgain')} />
    </div>
  );
}

function RetryButton({ doc, label }: { doc: SourceDocument; label?: string }) {
  const db = useDb();
  const t = useT();
  const notify = useUi((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await retryExtraction(db, sharedExtractor(), doc.id);
    } catch (error) {
      notify(retryFailedText(error, t, doc.title), 'error');
    } finally {
      setBusy(false);
    }
  };
  return <button type="button" disabled={busy} onClick={() => void retry()}>{busy ? t('documents.status.retrying') : label ?? t('documents.status.retry')}</button>;
}

/** A full disk while storing the unlocked or re-read text is said plainly; other failures are quoted. */
function retryFailedText(error: unknown, t: Translator, title: string): string {
  if (isDiskFull(error)) return diskFullSaying(t.lang, t('storage.diskFull.pages', { name: title }));
  return t('documents.status.retryFailed', { reason: error instanceof Error ? error.message : String(error) });
}
