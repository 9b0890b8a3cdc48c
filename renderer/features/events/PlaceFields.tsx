import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import type { PlaceDraft } from './draft';
import type { ErrorOf } from './formParts';
import type { GeoPrecision } from './labels';
import { precisionOptions } from './labels';
import { PlacePicker } from '../map/PlacePicker';

interface Props {
  value: PlaceDraft;
  onChange: (next: PlaceDraft) => void;
  errorOf: ErrorOf;
}

/** Where it happened: the names a source gives, down to admin level 3, and coordinates if known. */
export function PlaceFields({ value, onChange, errorOf }: Props) {
  const t = useT();
  const text = (key: 'name' | 'admin1' | 'admin2' | 'admin3' | 'country') => (next: string) => onChange({ ...value, [key]: next });
  return (
    <fieldset className="form__section event-form__fieldset">
      <legend><h3>{t('events.form.place')}</h3></legend>
      <div className="form__grid event-form__place">
        <PlacePicker value={value} onChange={onChange} />
        <TextField label={t('events.form.placeName')} value={value.name} onChange={text('name')} error={errorOf('place.name')} />
        <TextField label={t('events.form.admin1')} value={value.admin1} onChange={text('admin1')} error={errorOf('place.admin1')} />
        <TextField label={t('events.form.admin2')} value={value.admin2} onChange={text('admin2')} error={errorOf('place.admin2')} />
        <TextField label={t('events.form.admin3')} value={value.admin3} onChange={text('admin3')} error={errorOf('place.admin3')} />
        <TextField label={t('events.form.country')} value={value.country} onChange={text('country')} error={errorOf('place.country')} />
        <SelectField<GeoPrecision> label={t('events.form.precision')} value={value.precision} options={precisionOptions(t)}
          onChange={(precision) => onChange({ ...value, precision })} error={errorOf('place.precision')} />
        <TextField label={t('events.form.latitude')} value={value.latitude} inputMode="decimal" placeholder={t('events.form.latitudePlaceholder')}
          hint={t('events.form.latitudeHint')} onChange={(latitude) => onChange({ ...value, latitude })} error={errorOf('place.latitude')} />
        <TextField label={t('events.form.longitude')} value={value.longitude} inputMode="decimal" placeholder={t('events.form.longitudePlaceholder')}
          hint={t('events.form.longitudeHint')} onChange={(longitude) => onChange({ ...value, longitude })} error={errorOf('place.longitude')} />
      </div>
    </fieldset>
  );
}
