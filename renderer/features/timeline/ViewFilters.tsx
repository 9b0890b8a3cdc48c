import { useLiveQuery } from 'dexie-react-hooks';
import { parseApproxDate } from '../../../shared/dates';
import { dayIndex } from '../../../shared/dates';
import type { EventType } from '../../../shared/model';
import { EVENT_TYPES } from '../../../shared/model';
import { ActorPicker } from '../../components/ActorPicker';
import { getActorsByIds } from '../../db/actors';
import { useDb } from '../../db/dbContext';
import type { Translator } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { typeLabel } from '../events/labels';
import { TYPE_COLORS } from './colors';

export interface ViewFilterState {
  types: ReadonlySet<EventType>;
  actorIds: readonly string[];
}

export const ALL_TYPES: ReadonlySet<EventType> = new Set(EVENT_TYPES);

/** The shared time range as day indexes (half-open), with a message for what cannot be read. */
export function readRange(t: Translator, from: string, to: string): { range: { start: number; end: number } | null; fromError?: string; toError?: string } {
  const parse = (text: string) => (text.trim() ? parseApproxDate(text, { lang: t.lang }) : null);
  const f = parse(from);
  const u = parse(to);
  const fromError = f && !f.ok ? t('views.badDate') : undefined;
  let toError = u && !u.ok ? t('views.badDate') : undefined;
  const start = f?.ok ? dayIndex(f.value.earliest) : -Infinity;
  const end = u?.ok ? dayIndex(u.value.latest) + 1 : Infinity;
  if (!toError && start >= end) toError = t('views.rangeOrder');
  if (fromError || toError || (start === -Infinity && end === Infinity)) return { range: null, ...(fromError ? { fromError } : {}), ...(toError ? { toError } : {}) };
  return { range: { start, end } };
}

interface Props {
  value: ViewFilterState;
  onChange: (next: ViewFilterState) => void;
  errors: { fromError?: string | undefined; toError?: string | undefined };
}

/** Filters both views share: the time range (kept between them), event types, actors. */
export function ViewFilters({ value, onChange, errors }: Props) {
  const t = useT();
  const db = useDb();
  const range = useUi((s) => s.viewRange);
  const setRange = useUi((s) => s.setViewRange);
  const chosen = useLiveQuery(() => getActorsByIds(db, value.actorIds), [db, value.actorIds.join(',')]) ?? [];
  const toggleType = (type: EventType) => {
    const next = new Set(value.types);
    if (next.has(type)) next.delete(type); else next.add(type);
    onChange({ ...value, types: next });
  };
  return (
    <div className="view-filters">
      <div className="view-filters__range">
        <div className={`field${errors.fromError ? ' field--invalid' : ''}`}>
          <label htmlFor="view-from">{t('views.from')}</label>
          <input id="view-from" type="text" value={range.from} placeholder={t('views.rangeHint')} aria-invalid={Boolean(errors.fromError)}
            aria-describedby={errors.fromError ? 'view-from-error' : undefined}
            onChange={(e) => setRange({ from: e.target.value })} />
          {errors.fromError ? <div id="view-from-error" className="field__error">{errors.fromError}</div> : null}
        </div>
        <div className={`field${errors.toError ? ' field--invalid' : ''}`}>
          <label htmlFor="view-to">{t('views.to')}</label>
          <input id="view-to" type="text" value={range.to} placeholder={t('views.rangeHint')} aria-invalid={Boolean(errors.toError)}
            aria-describedby={errors.toError ? 'view-to-error' : undefined}
            onChange={(e) => setRange({ to: e.target.value })} />
          {errors.toError ? <div id="view-to-error" className="field__error">{errors.toError}</div> : null}
        </div>
      </div>
      <fieldset className="view-filters__types">
        <legend>{t('views.types')}</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="view-filters__type">
            <input type="checkbox" checked={value.types.has(type)} onChange={() => toggleType(type)} />
            <span className="swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
            {typeLabel(t, type)}
          </label>
        ))}
      </fieldset>
      <div className="view-filters__actors">
        <ActorPicker label={t('views.actorFilter')} value={null} placeholder={t('views.actorFilterPlaceholder')}
          onChange={(id) => { if (id && !value.actorIds.includes(id)) onChange({ ...value, actorIds: [...value.actorIds, id] }); }} />
        {chosen.length > 0 ? (
          <ul className="chips view-filters__chosen" aria-label={t('views.actors')}>
            {chosen.map((a) => (
              <li key={a.id} className="chip">
                {a.name}{' '}
                <button type="button" className="icon" aria-label={t('views.removeActor', { name: a.name })}
                  onClick={() => onChange({ ...value, actorIds: value.actorIds.filter((id) => id !== a.id) })}>×</button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
