import { buildChartGraph } from '../chart/build';
import type { SavedChart } from '../chart/savedChart';
import { chartSvg } from '../chart/svg';
import type { Point } from '../chart/svg';
import { visibleChart } from '../chart/visible';
import { filterOf } from '../chart/work';
import type { Raw } from './html';
import { html, raw } from './html';
import type { ReportLocale } from './labels';
import type { ExportInput } from './types';

const CHART_WORDS: Record<ReportLocale, { title: string; counts: (nodes: number, links: number) => string; at: string; missing: (n: number) => string }> = {
  en: {
    title: 'Link charts',
    counts: (n, l) => `${n} ${n === 1 ? 'node' : 'nodes'}, ${l} ${l === 1 ? 'link' : 'links'}`,
    at: 'as at',
    missing: (n) => `${n} ${n === 1 ? 'record' : 'records'} of the saved chart not in this report`,
  },
  es: {
    title: 'Gráficos de vínculos',
    counts: (n, l) => `${n} ${n === 1 ? 'nodo' : 'nodos'}, ${l} ${l === 1 ? 'vínculo' : 'vínculos'}`,
    at: 'a fecha de',
    missing: (n) => `${n} ${n === 1 ? 'registro' : 'registros'} del gráfico guardado no están en este informe`,
  },
};

/** Print styles of the section (the report's stylesheet is applied through CSSOM; this joins it). */
export const CHARTS_REPORT_CSS = `
.chart-figure { margin: 12px 0 22px; break-inside: avoid; }
.chart-figure svg { display: block; max-width: 100%; height: auto; max-height: 22cm; border: 1px solid #ddd; }
.chart-figure figcaption { font-size: 9.5pt; color: #555; margin-top: 4px; }
`;

/**
 * The case's saved link charts for the printable report, each drawn as it was saved (the same
 * SVG as the chart's export) from the records in the report, with a caption: its name, what it
 * shows, the date it is set to. Self-contained: the report lists the section it returns (none
 * without charts) and adds CHARTS_REPORT_CSS.
 */
export function chartsReportSection(charts: readonly SavedChart[], input: ExportInput, locale: ReportLocale): { id: string; heading: string; body: Raw }[] {
  if (charts.length === 0) return [];
  const w = CHART_WORDS[locale];
  const graph = buildChartGraph({
    actors: input.actors, events: input.events,
    documents: input.documents.map((d) => ({ id: d.id, title: d.title, fileName: d.fileName })),
    coMentions: [],
  });
  const figures = charts.map((chart) => {
    const shown = chart.nodes.map((n) => n.id);
    const visible = visibleChart(graph, shown, new Set(chart.hidden), filterOf(chart));
    const positions = new Map<string, Point>(chart.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    const missing = chart.nodes.filter((n) => !graph.nodes.has(n.id)).length;
    const svg = chartSvg(visible, positions, { title: chart.name });
    return html`<figure class="chart-figure" id="chart-${chart.id}">${raw(svg)}<figcaption><strong>${chart.name}</strong> — ${w.counts(visible.nodes.length, visible.edges.length)}${chart.at ? html`, ${w.at} ${chart.at}` : ''}${missing > 0 ? html` (${w.missing(missing)})` : ''}</figcaption></figure>`;
  });
  return [{ id: 'charts', heading: w.title, body: html`${figures}` }];
}
