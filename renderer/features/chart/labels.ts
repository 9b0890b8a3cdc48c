import type { ChartEdge } from '../../../shared/chart/types';
import { formatApproxDate } from '../../../shared/dates';
import type { Translator } from '../../i18n/useT';

/** The roles on an edge as the UI says them: participant roles translated, membership roles as typed. */
export function edgeRoles(t: Translator, edge: ChartEdge): string {
  return edge.kind === 'participation' ? edge.roles.map((r) => t.dynamic(`events.role.${r}`)).join(', ') : edge.roles.join(', ');
}

/** When an edge held: a membership's span, an event's date, a co-mention's page count. */
export function edgeWhen(t: Translator, edge: ChartEdge): string {
  if (edge.kind === 'membership') {
    if (!edge.from && !edge.to) return t('chart.datesUnknown');
    const from = edge.from ? formatApproxDate(edge.from, t.lang) : '?';
    const to = edge.to ? formatApproxDate(edge.to, t.lang) : '?';
    return `${from} – ${to}`;
  }
  if (edge.kind === 'participation') return edge.date ? formatApproxDate(edge.date, t.lang) : t('chart.undated');
  if (edge.kind === 'co-mention') return t('chart.pagesBoth', { count: edge.weight });
  return t('chart.citations', { count: edge.weight, pages: edge.pages.map((p) => p || '—').join(', ') });
}
