import { useLiveQuery } from 'dexie-react-hooks';
import type { HitKind } from '../../../shared/search/types';
import { HIT_KINDS } from '../../../shared/search/types';
import type { ActorStatus } from '../../../shared/model';
import { STATUSES } from '../../../shared/model';
import { useDb } from '../../db/dbContext';
import { Field } from '../../components/Field';
import { listCases } from '../../db/cases';
import { useT } from '../../i18n/useT';
import { DEFAULT_SEARCH_FILTERS, useUi } from '../../state/store';
import { statusKey } from '../actors/labels';
import { isNarrowed } from './query';

export const kindLabelKey = (kind: HitKind) => `search.kind.${kind}` as const;

/** Kinds, case, actor status and a date range; dates are free text read like the events list's. */
export function SearchFiltersBar({ fromInvalid, toInvalid }: { fromInvalid: boolean; toInvalid: boolean }) {
  const t = useT();
  const db = useDb();
  const filters = useUi((s) => s.searchFilters);
  const activeCaseId = useUi((s) => s.activeCaseId);
  const set = useUi((s) => s.setSearchFilters);
  const cases = useLiveQuery(() => listCases(db), [db]) ?? [];
  const caseValue = filters.caseId === 'active' ? activeCaseId ?? '' : filters.caseId;
  const badDate = t('search.badDate');

  const toggleKind = (kind: HitKind, on: boolean) =>
    set({ kinds: HIT_KINDS.filter((k) => (k === kind ? on : filters.kinds.includes(k))) });

  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')}>
      <fieldset className="search-filters__kinds">
        <legend>{t('search.kinds')}</legend>
        {HIT_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={filters.kinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
            {t(kindLabelKey(kind))}
          </label>
        ))}
      </fieldset>
      <Field label={t('search.case')}>
        {(a11y) => (
          <select {...a11y} value={caseValue}
            onChange={(e) => set({ caseId: e.target.value === (activeCaseId ?? '') ? 'active' : e.target.value })}>
            <option value="">{t('search.allCases')}</option>
            {cases.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('search.status')} hint={filters.status ? t('search.statusHint') : undefined}>
        {(a11y) => (
          <select {...a11y} value={filters.status} onChange={(e) => set({ status: e.target.value as ActorStatus | '' })}>
            <option value="">{t('search.anyStatus')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(statusKey(s))}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('search.from')} error={fromInvalid ? badDate : undefined} className="search-filters__date">
        {(a11y) => (
          <input {...a11y} type="text" value={filters.from} placeholder={t('search.datePlaceholder')}
            onChange={(e) => set({ from: e.target.value })} />
        )}
      </Field>
      <Field label={t('search.to')} error={toInvalid ? badDate : undefined} className="search-filters__date">
        {(a11y) => (
          <input {...a11y} type="text" value={filters.to} placeholder={t('search.datePlaceholder')}
            onChange={(e) => set({ to: e.target.value })} />
        )}
      </Field>
      {isNarrowed(filters) ? (
        <div className="search-filters__actions">
          <button type="button" className="link" onClick={() => set(DEFAULT_SEARCH_FILTERS)}>{t('search.resetFilters')}</button>
        </div>
      ) : null}
    </div>
  );
}
