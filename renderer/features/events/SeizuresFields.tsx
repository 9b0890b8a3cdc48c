import { TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { SeizureDraft } from './draft';
import { blankSeizure } from './draft';
import type { ErrorOf } from './formParts';
import { removeAt, replaceAt } from './formParts';

interface Props {
  value: SeizureDraft[];
  onChange: (next: SeizureDraft[]) => void;
  errorOf: ErrorOf;
}

/** What was seized: "79 kg cocaine", or "weapons" with the quantity left empty when not stated. */
export function SeizuresFields({ value, onChange, errorOf }: Props) {
  const t = useT();
  return (
    <fieldset className="form__section event-form__fieldset">
      <legend><h3>{t('events.form.seizures')}</h3></legend>
      {value.map((s, i) => {
        const n = i + 1;
        const path = `seizures.${i}`;
        const set = (patch: Partial<SeizureDraft>) => onChange(replaceAt(value, i, patch));
        return (
          <div key={s.id} role="group" aria-label={t('events.form.seizure', { n })} className="subrow event-form__seizure">
            <TextField label={t('events.form.seizureItem')} value={s.item} placeholder={t('events.form.seizureItemPlaceholder')}
              error={errorOf(`${path}.item`)} onChange={(item) => set({ item })} />
            <TextField label={t('events.form.seizureQuantity')} value={s.quantity} inputMode="decimal"
              error={errorOf(`${path}.quantity`)} onChange={(quantity) => set({ quantity })} />
            <TextField label={t('events.form.seizureUnit')} value={s.unit} placeholder={t('events.form.seizureUnitPlaceholder')}
              error={errorOf(`${path}.unit`)} onChange={(unit) => set({ unit })} />
            <TextField label={t('events.form.seizureNote')} value={s.note} error={errorOf(`${path}.note`)} onChange={(note) => set({ note })} />
            <button type="button" className="small subrow__remove" aria-label={t('events.form.removeSeizure', { n })}
              onClick={() => onChange(removeAt(value, i))}>{t('action.remove')}</button>
          </div>
        );
      })}
      <button type="button" className="small" onClick={() => onChange([...value, blankSeizure()])}>{t('events.form.addSeizure')}</button>
    </fieldset>
  );
}
