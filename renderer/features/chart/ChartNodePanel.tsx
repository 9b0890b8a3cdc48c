import { useState } from 'react';
import type { ChartPath } from '../../../shared/chart/path';
import type { ChartNode } from '../../../shared/chart/types';
import { useT } from '../../i18n/useT';
import type { NodeAction } from './ChartCanvas';
import { NodePicker } from './NodePicker';
import type { ChartData } from './useChartGraph';

interface ChartNodePanelProps {
  data: ChartData;
  node: ChartNode | null;
  links: number;
  pinned: boolean;
  path: ChartPath | null;
  hidden: readonly ChartNode[];
  onAction: (action: NodeAction | 'remove', nodeId: string) => void;
  onPath: (from: string, to: string) => void;
  onClearPath: () => void;
  onShow: (nodeId: string) => void;
}

/** The selected node: what it is, and what can be done with it; the hidden nodes, to show again. */
export function ChartNodePanel({ data, node, links, pinned, path, hidden, onAction, onPath, onClearPath, onShow }: ChartNodePanelProps) {
  const t = useT();
  const [target, setTarget] = useState<string | null>(null);
  const names = (ids: readonly string[]) => ids.map((id) => data.graph.nodes.get(id)?.label ?? '?').join(' → ');
  return (
    <aside className="chart-panel" aria-label={t('chart.panel')}>
      {node ? (
        <section aria-labelledby="chart-node-name">
          <h2 id="chart-node-name">{node.label}</h2>
          <p className="muted">{t.dynamic(`chart.kind.${node.kind}`)}{node.detail && node.kind === 'event' ? ` · ${node.detail}` : ''} · {t('chart.linkCount', { count: links })}</p>
          <div className="chart-panel__actions">
            <button type="button" className="primary" onClick={() => onAction('open', node.id)}>{t('chart.open')}</button>
            <button type="button" onClick={() => onAction('expand', node.id)}>{t('chart.expand')}</button>
            <button type="button" onClick={() => onAction('hide', node.id)}>{t('chart.hide')}</button>
            <button type="button" aria-pressed={pinned} onClick={() => onAction('pin', node.id)}>{pinned ? t('chart.unpin') : t('chart.pin')}</button>
            <button type="button" onClick={() => onAction('remove', node.id)}>{t('chart.remove')}</button>
          </div>
          <form className="chart-panel__path" onSubmit={(e) => { e.preventDefault(); if (target) onPath(node.id, target); }}>
            <NodePicker data={data} label={t('chart.pathTo')} kinds={['person', 'group']} value={target} onChange={setTarget} />
            <button type="submit" disabled={!target || target === node.id}>{t('chart.findPath')}</button>
          </form>
        </section>
      ) : <p className="muted">{t('chart.noSelection')}</p>}
      {path ? (
        <section className="chart-panel__pathresult" aria-live="polite">
          <h2>{t('chart.pathTitle', { count: path.edges.length })}</h2>
          <p>{names(path.nodes)}</p>
          <button type="button" className="small" onClick={onClearPath}>{t('chart.clearPath')}</button>
        </section>
      ) : null}
      {hidden.length > 0 ? (
        <section>
          <h2>{t('chart.hiddenTitle', { count: hidden.length })}</h2>
          <ul className="chart-panel__hidden">
            {hidden.map((n) => (
              <li key={n.id}>{n.label} <button type="button" className="small" aria-label={t('chart.showLabel', { name: n.label })} onClick={() => onShow(n.id)}>{t('chart.show')}</button></li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
