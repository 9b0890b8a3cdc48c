/**
 * Saved link charts (since version 7): a case's named charts, and what the chart is drawn from.
 * Every write validates the chart and goes in one transaction.
 */
import type { ChartRecords } from '../../shared/chart/build';
import type { SavedChart } from '../../shared/chart/savedChart';
import { savedChartSchema } from '../../shared/chart/savedChart';
import type { Validated } from '../../shared/model';
import { validateWith } from '../../shared/model';
import type { CasefileDb } from './db';
import { coMentionPairs } from './mentions';

/** A case's charts (every case's with null), most recently saved first. */
export async function listCharts(db: CasefileDb, caseId: string | null): Promise<SavedChart[]> {
  const charts = caseId ? await db.charts.where('caseId').equals(caseId).toArray() : await db.charts.toArray();
  return charts.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

export async function getChart(db: CasefileDb, id: string): Promise<SavedChart | null> {
  return (await db.charts.get(id)) ?? null;
}

/** Saves (creates or replaces) a chart; the issues name the field when it is refused. */
export async function saveChart(db: CasefileDb, chart: SavedChart): Promise<Validated<SavedChart>> {
  const checked = validateWith(savedChartSchema, chart);
  if (!checked.ok) return checked;
  await db.transaction('rw', db.charts, db.cases, async () => {
    if (!(await db.cases.get(checked.value.caseId))) throw new Error(`The case ${checked.value.caseId} no longer exists.`);
    await db.charts.put(checked.value);
  });
  return checked;
}

export async function deleteChart(db: CasefileDb, id: string): Promise<SavedChart | null> {
  return db.transaction('rw', db.charts, async () => {
    const chart = (await db.charts.get(id)) ?? null;
    if (chart) await db.charts.delete(id);
    return chart;
  });
}

/**
 * Everything the chart can show: every actor, event and document of the library (a chart
 * follows links across cases), and co-mentions once the mentions worker has found them.
 * Rows carry index fields beyond the model; the graph builder reads only the model's.
 */
export async function chartRecords(db: CasefileDb): Promise<ChartRecords> {
  const [actors, events, documents, coMentions] = await Promise.all([
    db.actors.toArray(),
    db.events.toArray(),
    db.documents.toArray(),
    coMentionPairs(db),
  ]);
  return { actors, events, documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.fileName })), coMentions };
}
