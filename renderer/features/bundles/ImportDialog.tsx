import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { getBundleClient } from '../../bundle/bundleClient';
import type { BundleInspectError, BundleProgress, ImportChoices, ImportPreview, ImportResult } from '../../bundle/types';
import type { RecordIssue } from '../../../shared/bundle';
import { hasMessage } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useImportKeyAhead } from './useKeyAhead';
import { useUi } from '../../state/store';
import { Dialog } from './Dialog';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ImportSummary } from './ImportSummary';
import { ProgressLine } from './ProgressLine';
import { taskErrorText } from './taskErrors';

type Step =
  | { step: 'inspecting'; progress: BundleProgress }
  | { step: 'passphrase'; wrong: boolean }
  | { step: 'rejected'; error: BundleInspectError }
  /** Something other than the bundle went wrong (the worker, the disk): said as it is. */
  | { step: 'failed'; error: unknown }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview; progress: BundleProgress; cancelling: boolean }
  | { step: 'done'; result: ImportResult; restore: boolean };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Import a bundle (or restore a backup): read and check it in the worker, ask for the
 * passphrase if it is encrypted, show what is new, identical and conflicting with a
 * choice per conflict, then write it all in one go and open the imported case. Nothing
 * is written before the user presses Import; a rejected bundle changes nothing.
 */
export function ImportDialog({ file, restore }: { file: File; restore: boolean }) {
  const t = useT();
  const close = useUi((s) => s.closeBundleDialog);
  const notify = useUi((s) => s.notify);
  const setActiveCase = useUi((s) => s.setActiveCase);
  const showView = useUi((s) => s.showView);
  const [state, setState] = useState<Step>({ step: 'inspecting', progress: { phase: 'reading', done: 0, total: file.size } });
  const abort = useRef<AbortController | null>(null);
  const token = useRef<string | null>(null);

  /** Reads and checks the bundle in the worker; resolves to the next step, or null when cancelled. */
  const inspect = useCallback(async (passphrase?: string): Promise<Step | null> => {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await getBundleClient().inspectBundle(file, {
        signal: controller.signal,
        onProgress: (progress) => { if (!controller.signal.aborted) setState({ step: 'inspecting', progress }); },
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
      if (controller.signal.aborted) return null;
      if (result.ok) {
        token.current = result.preview.token;
        return { step: 'preview', preview: result.preview };
      }
      if (result.error.code === 'passphrase-required' || result.error.code === 'wrong-passphrase') {
        return { step: 'passphrase', wrong: result.error.code === 'wrong-passphrase' };
      }
      return { step: 'rejected', error: result.error };
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return null;
      return { step: 'failed', error };
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }, [file]);

  useEffect(() => {
    void inspect().then((next) => { if (next) setState(next); });
    return () => {
      abort.current?.abort();
      if (token.current) getBundleClient().discard(token.current);
    };
  }, [inspect]);

  /** Reading and checking write nothing: cancelling them closes at once. */
  const cancelInspect = () => {
    abort.current?.abort();
    close();
    notify(t('bundles.import.cancelled'));
  };

  /**
   * The import's transaction may already have committed: the worker answers, and only a
   * rollback closes the dialog as "cancelled"; otherwise the summary shows what was written.
   */
  const cancelImport = () => {
    setState((s) => (s.step === 'importing' ? { ...s, cancelling: true } : s));
    abort.current?.abort();
  };

  const apply = async (preview: ImportPreview, choices: ImportChoices) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'importing', preview, progress: { phase: 'importing', done: 0, total: 0 }, cancelling: false });
    try {
      const result = await getBundleClient().applyImport(preview.token, choices, {
        signal: controller.signal,
        onProgress: (progress) => { if (!controller.signal.aborted) setState({ step: 'importing', preview, progress, cancelling: false }); },
      });
      token.current = null;
      // The bundle's case left in the Trash (the user's choice) is not opened: all cases are shown instead.
      const caseKey = `case:${preview.bundle.caseId}`;
      const caseInTrash = preview.records.some((r) => r.key === caseKey && r.status === 'trashed') && choices[caseKey] !== 'theirs';
      setActiveCase(caseInTrash ? null : result.caseId);
      showView('actors');
      setState({ step: 'done', result, restore });
    } catch (error) {
      if (isAbort(error)) {
        close();
        notify(t('bundles.import.cancelled'));
        return;
      }
      setState({ step: 'failed', error });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const busy = state.step === 'inspecting' || state.step === 'importing';
  const title = restore ? t('bundles.restore.title') : t('bundles.import.title');
  return (
    <Dialog title={title} onClose={close} busy={busy} className="import-dialog" step={state.step}>
      <p className="import-dialog__file muted">{t('bundles.import.file', { name: file.name })}</p>
      {state.step === 'inspecting' ? (
        <div className="bundle-dialog__body">
          <div className="bundle-dialog__content"><ProgressLine progress={state.progress} label={t('bundles.import.progress')} /></div>
          <div className="bundle-dialog__actions"><button type="button" onClick={cancelInspect}>{t('bundles.cancelTask')}</button></div>
        </div>
      ) : null}
      {state.step === 'passphrase' ? <PassphrasePrompt file={file} wrong={state.wrong} onSubmit={(p) => {
        setState({ step: 'inspecting', progress: { phase: 'decrypting', done: 0, total: file.size } });
        void inspect(p).then((next) => { if (next) setState(next); });
      }} onCancel={close} /> : null}
      {state.step === 'rejected' ? <Rejected fileName={file.name} error={state.error} onClose={close} /> : null}
      {state.step === 'failed' ? <Failed fileName={file.name} error={state.error} onClose={close} /> : null}
      {state.step === 'preview' ? (
        <ImportPreviewPanel preview={state.preview} restore={restore} onImport={(choices) => void apply(state.preview, choices)} onCancel={close} />
      ) : null}
      {state.step === 'importing' ? (
        <div className="bundle-dialog__body">
          <div className="bundle-dialog__content"><ProgressLine progress={state.progress} label={t('bundles.import.progress')} /></div>
          <div className="bundle-dialog__actions">
            <button type="button" disabled={state.cancelling} onClick={cancelImport}>
              {state.cancelling ? t('bundles.cancelling') : t('bundles.cancelTask')}
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'done' ? <ImportSummary result={state.result} onClose={close} /> : null}
    </Dialog>
  );
}

function PassphrasePrompt({ file, wrong, onSubmit, onCancel }: { file: Blob; wrong: boolean; onSubmit: (passphrase: string) => void; onCancel: () => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState('');
  // scrypt runs on the passphrase while it is typed, so "Open bundle" rarely waits for it.
  useImportKeyAhead(file, value);
  return (
    <form className="bundle-dialog__body" aria-label={t('bundles.passphrase.ask')} onSubmit={(e) => { e.preventDefault(); if (value) onSubmit(value); }}>
      <div className="bundle-dialog__content">
        <p>{t('bundles.passphrase.ask')}</p>
        <div className={`field${wrong ? ' field--invalid' : ''}`}>
          <label htmlFor={id}>{t('bundles.passphrase.label')}</label>
          {/* A fresh, empty field after a wrong attempt, focused for the retry. */}
          <input id={id} type="password" autoComplete="off" autoFocus value={value} aria-invalid={wrong}
            aria-describedby={wrong ? `${id}-error` : undefined} onChange={(e) => setValue(e.target.value)} />
          {wrong ? <div id={`${id}-error`} className="field__error" role="alert">{t('bundles.passphrase.wrong')}</div> : null}
        </div>
      </div>
      <div className="bundle-dialog__actions">
        <button type="submit" className="primary" disabled={!value}>{t('bundles.passphrase.open')}</button>
        <button type="button" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

/** One problem in words: which record (kind and id), which field, and what is wrong with it. */
function issueText(t: ReturnType<typeof useT>, issue: RecordIssue): string {
  const kind = t.dynamic(`bundles.issueKind.${issue.kind}`);
  const problem = t.dynamic(issue.message);
  const id = issue.id ? `“${issue.id}”` : `(${issue.entry})`;
  return issue.path ? t('bundles.import.issue', { kind, id, field: issue.path, problem }) : t('bundles.import.issueNoField', { kind, id, problem });
}

/**
 * The reader's own sentence says exactly which entry and why, but only in English: it is shown
 * in English when no issue list says more, and in other languages only the entry it names.
 */
function RefusalDetails({ error, hasIssues }: { error: BundleInspectError; hasIssues: boolean }) {
  const t = useT();
  if (hasIssues || !error.message) return null;
  if (t.lang === 'en') return <p className="muted">{t('bundles.import.details', { message: error.message })}</p>;
  return 'entry' in error && error.entry ? <p className="muted">{t('bundles.import.entry', { entry: error.entry })}</p> : null;
}

function Rejected({ fileName, error, onClose }: { fileName: string; error: BundleInspectError; onClose: () => void }) {
  const t = useT();
  const headline = `bundles.error.${error.code}`;
  const issues = 'issues' in error ? error.issues ?? [] : [];
  return (
    <div className="bundle-dialog__body">
      <div className="bundle-dialog__content">
        <div className="bundle-dialog__problem" role="alert">
          <strong>{t('bundles.import.rejected', { name: fileName })}</strong>
          <p>{hasMessage(headline) ? t.dynamic(headline) : error.message}</p>
          {'detail' in error && error.detail && hasMessage(error.detail.key) ? <p>{t.dynamic(error.detail.key, error.detail.values)}</p>
            : hasMessage(headline) ? <RefusalDetails error={error} hasIssues={issues.length > 0} /> : null}
          {issues.length > 0 ? (
            <ul className="bundle-issues">
              {issues.slice(0, 10).map((issue, i) => (
                <li key={i}>{issueText(t, issue)}</li>
              ))}
              {issues.length > 10 ? <li>{t('bundles.import.moreIssues', { count: issues.length - 10 })}</li> : null}
            </ul>
          ) : null}
          <p>{t('bundles.import.nothingChanged')}</p>
        </div>
      </div>
      <div className="bundle-dialog__actions"><button type="button" className="primary" onClick={onClose}>{t('action.close')}</button></div>
    </div>
  );
}

function Failed({ fileName, error, onClose }: { fileName: string; error: unknown; onClose: () => void }) {
  const t = useT();
  return (
    <div className="bundle-dialog__body">
      <div className="bundle-dialog__content">
        <div className="bundle-dialog__problem" role="alert">
          <strong>{t('bundles.import.rejected', { name: fileName })}</strong>
          <p>{t('bundles.import.failed', { reason: taskErrorText(error, t) })}</p>
          <p>{t('bundles.import.nothingChanged')}</p>
        </div>
      </div>
      <div className="bundle-dialog__actions"><button type="button" className="primary" onClick={onClose}>{t('action.close')}</button></div>
    </div>
  );
}
