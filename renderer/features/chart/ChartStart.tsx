import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { NodePicker } from './NodePicker';
import type { ChartData } from './useChartGraph';

interface ChartStartProps {
  data: ChartData;
  activeCaseId: string | null;
  onStart: (seeds: string[], depth: number, name: string) => void;
}

/** Where a chart begins: a record and what lies within a few links of it, or the whole active case. */
export function ChartStart({ data, activeCaseId, onStart }: ChartStartProps) {
  const t = useT();
  const [seed, setSeed] = useState<string | null>(null);
  const [depth, setDepth] = useState(1);
  const label = seed ? data.graph.nodes.get(seed)?.label ?? '' : '';
  return (
    <form className="chart-start" aria-label={t('chart.start')} onSubmit={(e) => { e.preventDefault(); if (seed) onStart([seed], depth, label); }}>
      <NodePicker data={data} label={t('chart.startFrom')} kinds={['person', 'group', 'event', 'source']} value={seed} onChange={setSeed} className="chart-start__picker" />
      <div className="field">
        <label htmlFor="chart-depth">{t('chart.depth')}</label>
        <select id="chart-depth" value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
          {[1, 2, 3].map((d) => <option key={d} value={d}>{t('chart.depthLinks', { count: d })}</option>)}
        </select>
      </div>
      <button type="submit" className="primary" disabled={!seed}>{t('chart.startButton')}</button>
      <button type="button" disabled={!activeCaseId}
        title={activeCaseId ? undefined : t('chart.wholeCaseNeedsCase')}
        onClick={() => { if (activeCaseId) onStart(data.caseNodes(activeCaseId), 0, t('chart.wholeCaseName')); }}>
        {t('chart.wholeCase')}
      </button>
    </form>
  );
}
