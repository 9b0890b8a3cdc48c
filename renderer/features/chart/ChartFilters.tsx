import type { ChartEdgeKind } from '../../../shared/chart/types';
import { CHART_EDGE_KINDS } from '../../../shared/chart/types';
import { isCalendarDay } from '../../../shared/model';
import { useT } from '../../i18n/useT';

interface ChartFiltersProps {
  edgeKinds: readonly ChartEdgeKind[];
  at: string | null;
  onKinds: (kinds: ChartEdgeKind[]) => void;
  onAt: (day: string | null) => void;
}

/** Which links the chart draws: by kind, and at a point in time (memberships that held then). */
export function ChartFilters({ edgeKinds, at, onKinds, onAt }: ChartFiltersProps) {
  const t = useT();
  const toggle = (kind: ChartEdgeKind, on: boolean) => onKinds(CHART_EDGE_KINDS.filter((k) => (k === kind ? on : edgeKinds.includes(k))));
  return (
    <div className="chart-filters">
      <fieldset className="chart-filters__kinds">
        <legend>{t('chart.links')}</legend>
        {CHART_EDGE_KINDS.map((kind) => (
          <label key={kind} className="chart-filters__kind">
            <input type="checkbox" checked={edgeKinds.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
            <span className={`chart-swatch chart-swatch--${kind}`} aria-hidden="true" />
            {t.dynamic(`chart.edge.${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="field chart-filters__at">
        <label htmlFor="chart-at">{t('chart.atDate')}</label>
        <input id="chart-at" type="date" value={at ?? ''} aria-describedby="chart-at-hint"
          onChange={(e) => onAt(isCalendarDay(e.target.value) ? e.target.value : null)} />
        {at ? <button type="button" className="small" onClick={() => onAt(null)}>{t('chart.allTime')}</button> : null}
        <div id="chart-at-hint" className="field__hint">{t('chart.atHint')}</div>
      </div>
    </div>
  );
}
