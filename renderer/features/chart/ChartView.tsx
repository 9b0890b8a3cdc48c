import { useEffect, useMemo, useRef, useState } from 'react';
import type { SavedChart } from '../../../shared/chart/savedChart';
import { visibleChart } from '../../../shared/chart/visible';
import { EMPTY_CHART, expandNode, filterOf, findPath, fromSavedChart, removeNode, setHidden, setPinned, startChart } from '../../../shared/chart/work';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import type { NodeAction } from './ChartCanvas';
import { ChartCanvas } from './ChartCanvas';
import { ChartFilters } from './ChartFilters';
import { ChartNodePanel } from './ChartNodePanel';
import { ChartStart } from './ChartStart';
import { ChartTables } from './ChartTables';
import { saveChartPng, saveChartSvg } from './exportChart';
import { getLayoutClient } from './layoutClient';
import { SavedCharts } from './SavedCharts';
import { useChartGraph } from './useChartGraph';
import './chart.css';

/**
 * The link chart (issue 14): people, groups, events and sources and how they connect. Start
 * from a record or the whole case, expand, hide and pin nodes, filter links by kind and date,
 * find the shortest path between two actors; the layout runs in a worker. The same content
 * is one button away as tables.
 */
export function ChartView() {
  const t = useT();
  const data = useChartGraph();
  const work = useUi((s) => s.chart);
  const setChart = useUi((s) => s.setChart);
  const relayout = useUi((s) => s.chartRelayout);
  const relayoutChart = useUi((s) => s.relayoutChart);
  const activeCaseId = useUi((s) => s.activeCaseId);
  const notify = useUi((s) => s.notify);
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const [layout, setLayout] = useState<{ share: number; cancel: () => void } | null>(null);
  const [fitTick, setFitTick] = useState(0);
  const [status, setStatus] = useState('');

  const filter = useMemo(() => filterOf({ edgeKinds: work.edgeKinds, at: work.at }), [work.edgeKinds, work.at]);
  const hiddenSet = useMemo(() => new Set(work.hidden), [work.hidden]);
  const visible = useMemo(() => (data ? visibleChart(data.graph, work.shown, hiddenSet, filter) : null), [data, work.shown, hiddenSet, filter]);
  const positions = useMemo(() => new Map(Object.entries(work.positions)), [work.positions]);
  const pinned = useMemo(() => new Set(work.pinned), [work.pinned]);
  const pathSet = useMemo(() => new Set([...(work.path?.nodes ?? []), ...(work.path?.edges ?? [])]), [work.path]);

  // Lay out when nodes without a place appear, or on request; a newer layout replaces a running one.
  const ids = useMemo(() => visible?.nodes.map((n) => n.id) ?? [], [visible]);
  const idsKey = useMemo(() => ids.join('|'), [ids]);
  const lastRelayout = useRef(relayout);
  useEffect(() => {
    if (!visible || ids.length === 0) return;
    const current = useUi.getState().chart;
    const fresh = relayout !== lastRelayout.current;
    lastRelayout.current = relayout;
    const placed = ids.filter((id) => current.positions[id]).length;
    if (placed === ids.length && !fresh) return;
    const job = getLayoutClient().run(
      { ids, edges: visible.edges.map((e) => [e.edge.source, e.edge.target] as const), positions: current.positions, pinned: new Set(current.pinned), fresh },
      (share) => setLayout((l) => (l ? { ...l, share } : l)),
    );
    setLayout({ share: 0, cancel: job.cancel });
    let live = true;
    void job.result.then((r) => {
      if (!live) return;
      setLayout(null);
      if (!r) { setStatus(t('chart.layoutCancelled')); return; }
      setChart((c) => ({ ...c, positions: { ...c.positions, ...Object.fromEntries(r.positions) } }));
      setStatus(t('chart.laidOut', { count: ids.length, ms: Math.round(r.ms) }));
      if (fresh || placed === 0) setFitTick((n) => n + 1);
    });
    return () => { live = false; job.cancel(); };
    // idsKey stands for ids (the edges follow the same nodes). Not `data`: a record saved
    // elsewhere (or the mentions worker storing co-mentions) must not restart a running layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey, relayout]);

  if (!data || !visible) return <section className="view chart-view"><p className="empty">{t('common.loading')}</p></section>;

  const selectedNode = work.selected ? data.graph.nodes.get(work.selected) ?? null : null;
  const linkCount = work.selected ? visible.edges.filter((e) => e.edge.source === work.selected || e.edge.target === work.selected).length : 0;
  const title = work.name || t('chart.title');

  const act = (action: NodeAction | 'remove', nodeId: string) => {
    const node = data.graph.nodes.get(nodeId);
    if (!node) return;
    const ui = useUi.getState();
    if (action === 'open') {
      if (node.kind === 'event') ui.selectEvent(node.recordId);
      else if (node.kind === 'source') ui.openViewer(node.recordId);
      else ui.selectActor(node.recordId);
    } else if (action === 'expand') {
      const { work: next, added } = expandNode(data.graph, work, nodeId);
      setChart(() => next);
      setStatus(t('chart.expanded', { name: node.label, count: added }));
    } else if (action === 'hide') setChart((c) => setHidden(c, nodeId, true));
    else if (action === 'pin') setChart((c) => setPinned(c, nodeId, !c.pinned.includes(nodeId)));
    else setChart((c) => removeNode(c, nodeId));
  };
  const start = (seeds: string[], depth: number, name: string) => {
    setChart((c) => startChart(data.graph, seeds, depth, c, name));
    setFitTick((n) => n + 1);
  };
  const open = (saved: SavedChart) => {
    const { work: next, missing } = fromSavedChart(saved, data.graph);
    setChart(() => next);
    setFitTick((n) => n + 1);
    setStatus(missing ? t('chart.openedMissing', { name: saved.name, count: missing }) : t('chart.opened', { name: saved.name }));
  };
  const runExport = async (kind: 'svg' | 'png') => {
    try {
      const r = kind === 'svg' ? await saveChartSvg(visible, positions, title, pathSet) : await saveChartPng(visible, positions, title, pathSet);
      if (r.saved) notify(t('chart.exported', { kind: kind.toUpperCase() }));
    } catch (e) {
      notify(t('chart.exportFailed', { reason: e instanceof Error ? e.message : String(e) }), 'error');
    }
  };
  const summary = t('chart.summary', { name: title, nodes: visible.nodes.length, edges: visible.edges.length, selected: selectedNode ? selectedNode.label : t('chart.none') });

  return (
    <section className="view chart-view" aria-labelledby="chart-title">
      <header className="chart-view__head">
        <h1 id="chart-title">{t('chart.title')}{work.name ? <span className="muted"> — {work.name}</span> : null}</h1>
        <ChartStart data={data} activeCaseId={activeCaseId} onStart={start} />
      </header>
      <div className="chart-view__bar" role="toolbar" aria-label={t('chart.toolbar')}>
        <div className="chart-view__modes">
          <button type="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>{t('chart.asChart')}</button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => setMode('table')}>{t('chart.asTable')}</button>
        </div>
        <button type="button" disabled={ids.length === 0 || layout !== null} onClick={relayoutChart}>{t('chart.relayout')}</button>
        <button type="button" disabled={ids.length === 0} onClick={() => void runExport('svg')}>{t('chart.exportSvg')}</button>
        <button type="button" disabled={ids.length === 0} onClick={() => void runExport('png')}>{t('chart.exportPng')}</button>
        <button type="button" disabled={work.shown.length === 0} onClick={() => { setChart((c) => ({ ...EMPTY_CHART, edgeKinds: c.edgeKinds, at: c.at })); setStatus(''); }}>{t('chart.clear')}</button>
        {layout ? (
          <span className="chart-view__progress">
            <progress max={1} value={layout.share} aria-label={t('chart.layingOut')} /> {t('chart.layingOut')}
            <button type="button" className="small" onClick={layout.cancel}>{t('action.cancel')}</button>
          </span>
        ) : null}
        <span className="chart-view__status" role="status">{status}</span>
      </div>
      <ChartFilters edgeKinds={work.edgeKinds} at={work.at} onKinds={(edgeKinds) => setChart((c) => ({ ...c, edgeKinds }))} onAt={(at) => setChart((c) => ({ ...c, at }))} />
      <div className="chart-view__body">
        <div className="chart-view__main">
          {work.shown.length === 0 ? <p className="empty">{t('chart.empty')}</p>
            : mode === 'chart' ? (
              <ChartCanvas chart={visible} positions={positions} selected={work.selected} pinned={pinned} path={pathSet} fitKey={String(fitTick)}
                onSelect={(id) => setChart((c) => ({ ...c, selected: id }))} onAction={act}
                onMove={(id, p) => setChart((c) => setPinned({ ...c, positions: { ...c.positions, [id]: p } }, id, true))} summary={summary} />
            ) : <ChartTables chart={visible} selected={work.selected} path={pathSet} onSelect={(id) => setChart((c) => ({ ...c, selected: id }))} />}
        </div>
        <div className="chart-view__side">
          <ChartNodePanel data={data} node={selectedNode} links={linkCount} pinned={work.selected ? pinned.has(work.selected) : false} path={work.path}
            hidden={work.hidden.flatMap((id) => { const n = data.graph.nodes.get(id); return n ? [n] : []; })}
            onAction={act} onShow={(id) => setChart((c) => setHidden(c, id, false))} onClearPath={() => setChart((c) => ({ ...c, path: null }))}
            onPath={(from, to) => {
              const next = findPath(data.graph, work, from, to);
              if (next) setChart(() => next);
              else setStatus(t('chart.noPath', { from: data.graph.nodes.get(from)?.label ?? '', to: data.graph.nodes.get(to)?.label ?? '' }));
            }} />
          <SavedCharts key={`${work.savedId ?? ''}|${work.name}`} work={work} activeCaseId={activeCaseId} onOpen={open} onSaved={(savedId, name) => setChart((c) => ({ ...c, savedId, name }))} />
        </div>
      </div>
    </section>
  );
}
