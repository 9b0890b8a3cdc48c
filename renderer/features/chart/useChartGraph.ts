import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildChartGraph } from '../../../shared/chart/build';
import type { ChartGraph } from '../../../shared/chart/types';
import { actorNodeId, eventNodeId, sourceNodeId } from '../../../shared/chart/types';
import { allNames } from '../../../shared/model';
import { foldText } from '../../../shared/text/fold';
import { chartRecords } from '../../db/charts';
import { useDb } from '../../db/dbContext';

export interface ChartData {
  graph: ChartGraph;
  /** Folded names per node (every name of an actor), for the pickers. */
  searchText: Map<string, string>;
  /** The node ids of each case's records, for "whole case". */
  caseNodes: (caseId: string) => string[];
}

/** The whole graph of the library, rebuilt when the records change (null while loading). */
export function useChartGraph(): ChartData | null {
  const db = useDb();
  const records = useLiveQuery(() => chartRecords(db), [db]);
  return useMemo(() => {
    if (!records) return null;
    const graph = buildChartGraph(records);
    const searchText = new Map<string, string>();
    for (const a of records.actors) searchText.set(actorNodeId(a.id), foldText(allNames(a).join(' | ')));
    for (const e of records.events) searchText.set(eventNodeId(e.id), foldText(e.title));
    for (const d of records.documents) searchText.set(sourceNodeId(d.id), foldText(`${d.title} | ${d.fileName}`));
    const caseNodes = (caseId: string) => [
      ...records.actors.filter((a) => a.caseIds.includes(caseId)).map((a) => actorNodeId(a.id)),
      ...records.events.filter((e) => e.caseIds.includes(caseId)).map((e) => eventNodeId(e.id)),
    ];
    return { graph, searchText, caseNodes };
  }, [records]);
}
