import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useDb } from '../../db/dbContext';
import { listCases } from '../../db/cases';
import type { BundleProgress, BundleScope } from '../../bundle/types';
import { useT } from '../../i18n/useT';
import { getPlatform } from '../../platform';
import { useUi } from '../../state/store';
import { Dialog } from './Dialog';
import { PassphraseFields, passphraseProblem } from './PassphraseFields';
import { ProgressLine } from './ProgressLine';
import type { ExportFormat, RunExportResult } from './runExport';
import { runExport } from './runExport';
import type { Selection } from './SelectionPicker';
import { SelectionPicker } from './SelectionPicker';
import { taskErrorText } from './taskErrors';
import { useBundleWorkerAhead, useKeyAhead } from './useKeyAhead';

const FORMATS: readonly ExportFormat[] = ['bundle', 'ftm', 'csv', 'report'];

/** What the ACLED CSV could not date as ACLED does, said after the file is saved. */
function acledDateNotes(summary: RunExportResult['acledDates'], t: ReturnType<typeof useT>): string[] {
  if (!summary) return [];
  const notes: string[] = [];
  if (summary.coarse) notes.push(t('bundles.format.csv.coarseDates', { count: summary.coarse, total: summary.events }));
  if (summary.undated) notes.push(t('bundles.format.csv.undated', { count: summary.undated, total: summary.events }));
  return notes;
}

interface Props {
  /** The case to start with; null starts with the first case. */
  initialCaseId: string | null;
  /** "Back up everything": the whole library as a bundle, no case or format to choose. */
  backup: boolean;
}

/**
 * Export a case (or some of its actors and events) as a Casefile bundle, FollowTheMoney
 * entities, an ACLED-style CSV or a printable report; or, as a backup, the whole library.
 */
export function ExportDialog({ initialCaseId, backup }: Props) {
  const db = useDb();
  const t = useT();
  const ids = { case: useId(), scope: useId(), format: useId() };
  const close = useUi((s) => s.closeBundleDialog);
  const notify = useUi((s) => s.notify);
  const cases = useLiveQuery(() => listCases(db), [db]);
  const [chosenCase, setChosenCase] = useState(initialCaseId);
  const [scopeKind, setScopeKind] = useState<'case' | 'selection'>('case');
  const [selection, setSelection] = useState<Selection>({ actorIds: new Set(), eventIds: new Set() });
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState({ first: '', second: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const caseId = cases?.some((c) => c.id === chosenCase) ? chosenCase : cases?.[0]?.id ?? null;
  const caseName = cases?.find((c) => c.id === caseId)?.name ?? '';
  const running = progress !== null;
  const withPassphrase = format === 'bundle' && encrypt;
  // The bundle worker starts while the dialog is open, and age's key is stretched as soon as the
  // passphrase is settled, so Export waits for neither.
  useBundleWorkerAhead(backup || format === 'bundle');
  useKeyAhead(withPassphrase && passphraseProblem(passphrase.first, passphrase.second) === null ? passphrase.first : null);

  const scope = (): BundleScope | null => {
    if (backup) return { kind: 'library' };
    if (!caseId) return null;
    if (scopeKind === 'case') return { kind: 'case', caseId };
    return { kind: 'selection', caseId, actorIds: [...selection.actorIds], eventIds: [...selection.eventIds] };
  };

  const start = async () => {
    const chosen = scope();
    if (!chosen) return;
    if (chosen.kind === 'selection' && chosen.actorIds.length + chosen.eventIds.length === 0) {
      setProblem(t('bundles.export.nothingSelected'));
      return;
    }
    const weak = withPassphrase ? passphraseProblem(passphrase.first, passphrase.second) : null;
    if (weak) { setProblem(t(weak)); return; }
    setProblem(null);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: 'collecting', done: 0, total: 0 });
    try {
      const result = await runExport(db, {
        scope: chosen, format: backup ? 'bundle' : format, caseName: caseName || t('bundles.backup.fileName'),
        passphrase: withPassphrase ? passphrase.first : undefined, lang: t.lang, onProgress: setProgress, signal: controller.signal,
      });
      close();
      if (backup && result.saved) useUi.getState().setBackupReminder('done');
      if (!result.saved) notify(t('bundles.export.notSaved'));
      else if (backup) notify(t('bundles.backup.saved', { name: result.fileName }));
      else if (format === 'report' && getPlatform().kind === 'web') notify(t('bundles.export.reportSavedWeb', { name: result.fileName }));
      else notify([t('bundles.export.saved', { name: result.fileName }), ...acledDateNotes(result.acledDates, t)].join(' '));
    } catch (error) {
      setProgress(null);
      if (error instanceof DOMException && error.name === 'AbortError') { setProblem(t('bundles.export.cancelled')); return; }
      setProblem(t('bundles.export.failed', { reason: taskErrorText(error, t) }));
    } finally {
      abort.current = null;
    }
  };

  const title = backup ? t('bundles.backup.title') : t('bundles.export.title');
  return (
    <Dialog title={title} onClose={close} busy={running} className="export-dialog">
      <form className="bundle-dialog__body" aria-label={title} onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <div className="bundle-dialog__content">
          <fieldset disabled={running} className="bundle-dialog__fields">
            {backup ? <p>{t('bundles.backup.explain')}</p> : (
              <>
                {cases && cases.length === 0 ? <p className="muted">{t('bundles.export.noCases')}</p> : null}
                <div className="field">
                  <label htmlFor={ids.case}>{t('bundles.export.case')}</label>
                  <select id={ids.case} value={caseId ?? ''} onChange={(e) => { setChosenCase(e.target.value); setSelection({ actorIds: new Set(), eventIds: new Set() }); }}>
                    {(cases ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </select>
                </div>
                <fieldset className="choice-group">
                  <legend>{t('bundles.export.scope')}</legend>
                  <label><input type="radio" name={ids.scope} checked={scopeKind === 'case'} onChange={() => setScopeKind('case')} /> {t('bundles.export.scope.case')}</label>
                  <label><input type="radio" name={ids.scope} checked={scopeKind === 'selection'} onChange={() => setScopeKind('selection')} /> {t('bundles.export.scope.selection')}</label>
                </fieldset>
                {scopeKind === 'selection' && caseId ? (
                  <>
                    <p className="field__hint">{t('bundles.export.citedGoAlong')}</p>
                    <SelectionPicker caseId={caseId} value={selection} onChange={setSelection} />
                  </>
                ) : null}
                <fieldset className="choice-group choice-group--formats">
                  <legend>{t('bundles.export.format')}</legend>
                  {FORMATS.map((f) => (
                    <label key={f}>
                      <input type="radio" name={ids.format} checked={format === f} onChange={() => setFormat(f)} />
                      <span><strong>{t(`bundles.format.${f}`)}</strong> <span className="muted">{t(f === 'report' && getPlatform().kind === 'web' ? 'bundles.format.report.hint.web' : `bundles.format.${f}.hint`)}</span></span>
                    </label>
                  ))}
                </fieldset>
              </>
            )}
            {backup || format === 'bundle' ? (
              <PassphraseFields encrypt={encrypt} onEncrypt={setEncrypt} value={passphrase} onChange={setPassphrase} />
            ) : null}
          </fieldset>
          {problem ? <p className="bundle-dialog__problem" role="alert">{problem}</p> : null}
          {progress ? <ProgressLine progress={progress} label={t('bundles.export.progress')} /> : null}
        </div>
        <div className="bundle-dialog__actions">
          {running ? (
            <button type="button" onClick={() => abort.current?.abort()}>{t('bundles.cancelTask')}</button>
          ) : (
            <>
              <button type="submit" className="primary" disabled={!backup && !caseId}>{backup ? t('bundles.backup.start') : t('bundles.export.start')}</button>
              <button type="button" onClick={close}>{t('action.close')}</button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
