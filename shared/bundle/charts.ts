import type { SavedChart } from '../chart/savedChart';
import { savedChartSchema } from '../chart/savedChart';
import { V, validateWith } from '../model';
import type { IssueList } from './validateRecords';

/**
 * The case's saved link charts (format version 4): each chart as the library keeps it
 * (shared/chart/savedChart.ts). A chart names records by id and holds no copy of them; nodes
 * naming records the bundle does not carry are kept (reopened, the chart leaves them out and
 * says so), but a chart must belong to one of the bundle's cases.
 */
export const CHARTS_PATH = 'records/charts.json';

export const sortCharts = (charts: readonly SavedChart[]): SavedChart[] => [...charts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function validateCharts(entry: string, input: unknown, caseIds: ReadonlySet<string>, errors: IssueList, broken: IssueList): SavedChart[] {
  if (!Array.isArray(input)) {
    errors.add({ kind: 'chart', id: '', entry, path: '', message: 'bundle.notAList' });
    return [];
  }
  const out: SavedChart[] = [];
  const seen = new Set<string>();
  input.forEach((item, index) => {
    const result = validateWith(savedChartSchema, item);
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${index}`;
    if (!result.ok) {
      for (const issue of result.issues) errors.add({ kind: 'chart', id, entry, ...issue, path: `${index}${issue.path ? `.${issue.path}` : ''}` });
      return;
    }
    if (seen.has(id)) errors.add({ kind: 'chart', id, entry, path: `${index}.id`, message: V.duplicate });
    else if (!caseIds.has(result.value.caseId)) broken.add({ kind: 'chart', id, entry, path: `${index}.caseId`, message: 'bundle.missingCase' });
    else out.push(result.value);
    seen.add(id);
  });
  return out;
}
