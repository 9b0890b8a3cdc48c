import type { RefObject } from 'react';
import type { EventType } from '../../../shared/model';
import type { EventSort } from '../../db/events';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { typeOptions } from './labels';

export interface EventFilterState {
  text: string;
  type: EventType | '';
  from: string;
  to: string;
  sort: EventSort;
}

export const NO_FILTERS: EventFilterState = { text: '', type: '', from: '', to: '', sort: 'date-desc' };
const SORTS: readonly EventSort[] = ['date-desc', 'date-asc', 'updated'];

interface Props {
  value: EventFilterState;
  onChange: (next: EventFilterState) => void;
  fromInvalid: boolean;
  toInvalid: boolean;
  textRef: RefObject<HTMLInputElement | null>;
}

/** The list's filter boxes; dates are free text read like the event form's ("2019", "Aug 2019"). */
export function EventFilters({ value, onChange, fromInvalid, toInvalid, textRef }: Props) {
  const t = useT();
  const set = (patch: Partial<EventFilterState>) => onChange({ ...value, ...patch });
  const badDate = t('events.filter.badDate');
  return (
    <div className="filters">
      <Field label={t('events.filter.text')} className="field--wide">
        {(a11y) => (
          <input {...a11y} ref={textRef} type="search" value={value.text} placeholder={t('events.filter.textPlaceholder')}
            onChange={(e) => set({ text: e.target.value })} />
        )}
      </Field>
      <Field label={t('events.filter.type')}>
        {(a11y) => (
          <select {...a11y} value={value.type} onChange={(e) => set({ type: e.target.value as EventType | '' })}>
            <option value="">{t('events.filter.allTypes')}</option>
            {typeOptions(t).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('common.sort')}>
        {(a11y) => (
          <select {...a11y} value={value.sort} onChange={(e) => set({ sort: e.target.value as EventSort })}>
            {SORTS.map((s) => <option key={s} value={s}>{t(`events.sort.${s}`)}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('common.from')} error={fromInvalid ? badDate : undefined}>
        {(a11y) => (
          <input {...a11y} type="text" value={value.from} placeholder={t('events.filter.datePlaceholder')}
            onChange={(e) => set({ from: e.target.value })} />
        )}
      </Field>
      <Field label={t('common.to')} error={toInvalid ? badDate : undefined}>
        {(a11y) => (
          <input {...a11y} type="text" value={value.to} placeholder={t('events.filter.datePlaceholder')}
            onChange={(e) => set({ to: e.target.value })} />
        )}
      </Field>
    </div>
  );
}
