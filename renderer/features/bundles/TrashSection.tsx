import type { PreviewRecord, RecordChoice } from '../../bundle/types';
import { useT } from '../../i18n/useT';
import { DiffTable } from './DiffTable';

const OPTIONS: readonly { choice: RecordChoice; label: 'bundles.trash.keep' | 'bundles.trash.restore' }[] = [
  { choice: 'mine', label: 'bundles.trash.keep' },
  { choice: 'theirs', label: 'bundles.trash.restore' },
];

interface Props {
  records: readonly PreviewRecord[];
  choiceFor: (key: string) => RecordChoice;
  onChoose: (key: string, choice: RecordChoice) => void;
  onAll: (choice: RecordChoice) => void;
}

/**
 * Records the user deleted that the bundle still has: never brought back without a word.
 * Each stays in the Trash unless the user restores it from the bundle; a trashed version that
 * differs from the bundle's is shown side by side and stays in the Trash either way.
 */
export function TrashSection({ records, choiceFor, onChoose, onAll }: Props) {
  const t = useT();
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="import-trash-title" className="import-preview__trash">
      <div className="import-preview__conflicts-head">
        <h2 id="import-trash-title">{t('bundles.trash.heading', { count: records.length })}</h2>
        <div className="import-preview__all" role="group" aria-label={t('bundles.trash.forAll')}>
          <span className="muted">{t('bundles.preview.forAll')}</span>
          {OPTIONS.map(({ choice, label }) => (
            <button key={choice} type="button" className="small" onClick={() => onAll(choice)}>{t(label)}</button>
          ))}
        </div>
      </div>
      <p className="field__hint">{t('bundles.trash.hint')}</p>
      <ul className="conflict-list">
        {records.map((record) => (
          <li key={record.key} className="conflict conflict--trash">
            <div className="conflict__head">
              <span className="chip">{t(`bundles.kind.${record.kind}`)}</span>
              <strong>{record.label}</strong>
              <span className="muted">{t(record.diffs.length > 0 ? 'bundles.trash.differs' : 'bundles.trash.same')}</span>
            </div>
            {record.diffs.length > 0 ? <DiffTable record={record} mineHeading={t('bundles.trash.mineColumn')} /> : null}
            <fieldset className="conflict__choice">
              <legend className="visually-hidden">{t('bundles.trash.choiceFor', { label: record.label })}</legend>
              {OPTIONS.map(({ choice, label }) => (
                <label key={choice}>
                  <input type="radio" name={`trash-${record.key}`} value={choice} checked={choiceFor(record.key) === choice}
                    onChange={() => onChoose(record.key, choice)} />
                  {' '}{t(label)}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
