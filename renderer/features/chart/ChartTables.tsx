import type { VisibleChart } from '../../../shared/chart/visible';
import { useT } from '../../i18n/useT';
import { edgeRoles, edgeWhen } from './labels';

interface ChartTablesProps {
  chart: VisibleChart;
  selected: string | null;
  path: ReadonlySet<string>;
  onSelect: (nodeId: string) => void;
}

/**
 * The chart as two tables with the same content (every node shown, every edge drawn), for
 * keyboard and screen-reader users and for checking the picture against the records.
 */
export function ChartTables({ chart, selected, path, onSelect }: ChartTablesProps) {
  const t = useT();
  const names = new Map(chart.nodes.map((n) => [n.id, n.label]));
  const links = new Map<string, number>();
  for (const { edge } of chart.edges) {
    links.set(edge.source, (links.get(edge.source) ?? 0) + 1);
    links.set(edge.target, (links.get(edge.target) ?? 0) + 1);
  }
  return (
    <div className="chart-tables">
      <table className="chart-table">
        <caption>{t('chart.nodesTable', { count: chart.nodes.length })}</caption>
        <thead><tr><th scope="col">{t('chart.col.name')}</th><th scope="col">{t('chart.col.kind')}</th><th scope="col">{t('chart.col.detail')}</th><th scope="col">{t('chart.col.links')}</th></tr></thead>
        <tbody>
          {chart.nodes.map((n) => (
            <tr key={n.id} className={path.has(n.id) ? 'chart-table__path' : undefined}>
              <th scope="row">
                <button type="button" className="link" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>{n.label}</button>
                {path.has(n.id) ? <span className="chart-table__tag"> {t('chart.onPath')}</span> : null}
              </th>
              <td>{t.dynamic(`chart.kind.${n.kind}`)}</td>
              <td>{n.kind === 'person' || n.kind === 'group' ? t.dynamic(`kind.${n.detail}`) : n.detail}</td>
              <td>{links.get(n.id) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="chart-table">
        <caption>{t('chart.edgesTable', { count: chart.edges.length })}</caption>
        <thead><tr><th scope="col">{t('chart.col.from')}</th><th scope="col">{t('chart.col.relation')}</th><th scope="col">{t('chart.col.to')}</th><th scope="col">{t('chart.col.roles')}</th><th scope="col">{t('chart.col.when')}</th><th scope="col">{t('chart.col.certainty')}</th></tr></thead>
        <tbody>
          {chart.edges.map(({ edge, standing }) => (
            <tr key={edge.id} className={path.has(edge.id) ? 'chart-table__path' : undefined}>
              <td>{names.get(edge.source)}</td>
              <td>{t.dynamic(`chart.edge.${edge.kind}`)}</td>
              <td>{names.get(edge.target)}</td>
              <td>{edgeRoles(t, edge)}</td>
              <td>{edgeWhen(t, edge)}</td>
              <td>{standing === 'certain' ? t('chart.certain') : t('chart.possible')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
