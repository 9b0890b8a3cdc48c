import { useMemo, useReducer } from 'react';
import type { ImportChoices, ImportPreview, PreviewKind, PreviewRecord, RecordChoice } from '../../bundle/types';
import { formatTimestamp, useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { allowedChoices, choiceFor, choiceReducer, choiceTally, conflicts, inTrash, keysOffering, toImportChoices } from './choices';
import { PREVIEW_KINDS, newByKind } from './diffs';
import { DiffTable } from './DiffTable';
import { TrashSection } from './TrashSection';
import { formatBytes } from '../../i18n/formatBytes';

const CHOICES: readonly RecordChoice[] = ['mine', 'theirs', 'both'];

interface Props {
  preview: ImportPreview;
  restore: boolean;
  onImport: (choices: ImportChoices) => void;
  onCancel: () => void;
}

/** What the bundle would change, and the user's choice for every conflicting record. */
export function ImportPreviewPanel({ preview, restore, onImport, onCancel }: Props) {
  const t = useT();
  const [choices, dispatch] = useReducer(choiceReducer, {});
  const conflicting = useMemo(() => conflicts(preview.records), [preview.records]);
  const trashed = useMemo(() => inTrash(preview.records), [preview.records]);
  const anyTrashed = trashed.length > 0;
  const fresh = useMemo(() => newByKind(preview.records), [preview.records]);
  const tally = choiceTally(preview.records, choices);
  const { bundle, summary, files, warnings } = preview;
  const nothingNew = preview.records.length === 0 && files.new === 0 && !preview.ocr?.pages;

  return (
    <form className="bundle-dialog__body import-preview" aria-label={t('bundles.preview.region')}
      onSubmit={(e) => { e.preventDefault(); onImport(toImportChoices(preview.records, choices)); }}>
      <div className="bundle-dialog__content">
        <p className="import-preview__about">
          <strong>{bundle.caseName}</strong>{' · '}
          {t('bundles.preview.madeWith', { version: bundle.appVersion, when: formatTimestamp(bundle.createdAt, t.lang) })}
          {bundle.encrypted ? <> · <span className="chip">{t('bundles.preview.encrypted')}</span></> : null}
        </p>

        <table className="plain import-preview__summary" aria-label={t('bundles.preview.summary')}>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">{t('bundles.preview.kindColumn')}</span></th>
              <th scope="col">{t('bundles.status.new')}</th>
              <th scope="col">{t('bundles.status.identical')}</th>
              <th scope="col">{t('bundles.status.conflict')}</th>
              {anyTrashed ? <th scope="col">{t('bundles.status.trashed')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {PREVIEW_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`bundles.kind.${kind}.plural`)}</th>
                <td>{summary[kind].new}</td>
                <td>{summary[kind].identical}</td>
                <td className={summary[kind].conflict > 0 ? 'import-preview__conflicts' : undefined}>{summary[kind].conflict}</td>
                {anyTrashed ? <td className={summary[kind].trashed > 0 ? 'import-preview__conflicts' : undefined}>{summary[kind].trashed ?? 0}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
        <p data-testid="preview-files">
          {plural(t, 'bundles.preview.files', files.new, { size: formatBytes(files.newBytes, t.lang), present: files.alreadyPresent })}
        </p>
        {preview.ocr && preview.ocr.pages > 0 ? <p data-testid="preview-ocr">{plural(t, 'bundles.ocr.added', preview.ocr.pages)}</p> : null}
        {restore && conflicting.length === 0 ? <p className="muted">{t('bundles.preview.restoreHint')}</p> : null}
        {nothingNew ? <p className="muted">{t('bundles.preview.nothingNew')}</p> : null}

        {warnings.length > 0 ? (
          <section className="import-preview__warnings" aria-label={t('bundles.preview.warnings')}>
            <h2>{t('bundles.preview.warnings')}</h2>
            <ul>{warnings.map((w, i) => <li key={i}>{w.entry} · {w.path || w.id}: {t.dynamic(w.message)}</li>)}</ul>
          </section>
        ) : null}

        {conflicting.length > 0 ? (
          <section aria-labelledby="import-conflicts-title">
            <div className="import-preview__conflicts-head">
              <h2 id="import-conflicts-title">{t('bundles.preview.conflicts', { count: conflicting.length })}</h2>
              <div className="import-preview__all" role="group" aria-label={t('bundles.preview.forAll')}>
                <span className="muted">{t('bundles.preview.forAll')}</span>
                {CHOICES.map((choice) => (
                  <button key={choice} type="button" className="small"
                    onClick={() => dispatch({ type: 'all', choice, keys: keysOffering(preview.records, choice) })}>
                    {t(`bundles.choice.${choice}`)}
                  </button>
                ))}
              </div>
            </div>
            <p className="field__hint">{t('bundles.preview.conflictHint')}</p>
            <ul className="conflict-list">
              {conflicting.map((record) => (
                <Conflict key={record.key} record={record} choice={choiceFor(choices, record.key)}
                  onChoose={(choice) => dispatch({ type: 'set', key: record.key, choice })} />
              ))}
            </ul>
          </section>
        ) : null}

        <TrashSection records={trashed} choiceFor={(key) => choiceFor(choices, key)}
          onChoose={(key, choice) => dispatch({ type: 'set', key, choice })}
          onAll={(choice) => dispatch({ type: 'all', choice, keys: trashed.map((r) => r.key) })} />

        <NewRecords fresh={fresh} />
      </div>

      <div className="bundle-dialog__actions">
        <button type="submit" className="primary">{t('bundles.import.start')}</button>
        <button type="button" onClick={onCancel}>{t('action.cancel')}</button>
        {conflicting.length > 0 ? (
          <span className="muted">{t('bundles.preview.tally', { mine: tally.mine, theirs: tally.theirs, both: tally.both })}</span>
        ) : null}
      </div>
    </form>
  );
}

function Conflict({ record, choice, onChoose }: { record: PreviewRecord; choice: RecordChoice; onChoose: (choice: RecordChoice) => void }) {
  const t = useT();
  const name = `choice-${record.key}`;
  return (
    <li className="conflict">
      <div className="conflict__head">
        <span className="chip">{t(`bundles.kind.${record.kind}`)}</span>
        {record.aspect === 'ocr' ? <span className="chip">{t('bundles.ocr.chip')}</span> : null}
        <strong>{record.label}</strong>
      </div>
      {record.aspect === 'ocr' ? <p className="field__hint">{t('bundles.ocr.conflictHint')}</p> : null}
      <DiffTable record={record} />
      <fieldset className="conflict__choice">
        <legend className="visually-hidden">{t('bundles.preview.choiceFor', { label: record.label })}</legend>
        {allowedChoices(record).map((c) => (
          <label key={c}>
            <input type="radio" name={name} value={c} checked={choice === c} onChange={() => onChoose(c)} />
            {' '}{t(`bundles.choice.${c}`)}
          </label>
        ))}
      </fieldset>
    </li>
  );
}

function NewRecords({ fresh }: { fresh: Record<PreviewKind, PreviewRecord[]> }) {
  const t = useT();
  const kinds = PREVIEW_KINDS.filter((kind) => fresh[kind].length > 0);
  if (kinds.length === 0) return null;
  return (
    <details className="import-preview__new">
      <summary>{t('bundles.preview.newList', { count: kinds.reduce((n, k) => n + fresh[k].length, 0) })}</summary>
      {kinds.map((kind) => (
        <div key={kind} className="import-preview__new-kind">
          <h3>{t(`bundles.kind.${kind}.plural`)} ({fresh[kind].length})</h3>
          <ul aria-label={t('bundles.preview.newOfKind', { kind: t(`bundles.kind.${kind}.plural`) })}>
            {fresh[kind].slice(0, 500).map((r) => <li key={r.key}>{r.label}</li>)}
            {fresh[kind].length > 500 ? <li className="muted">{t('bundles.preview.andMore', { count: fresh[kind].length - 500 })}</li> : null}
          </ul>
        </div>
      ))}
    </details>
  );
}
