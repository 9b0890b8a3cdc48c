import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/dbContext';
import type { OcrJobRow } from '../../db/ocrJobs';
import { isOcrQueuePaused, listOcrJobs } from '../../db/ocrJobs';
import type { OcrQueueSummary } from '../../ocr/progress';
import { summariseQueue, timeLeftSeconds } from '../../ocr/progress';
import { useUi } from '../../state/store';

export interface OcrQueueView {
  jobs: OcrJobRow[];
  summary: OcrQueueSummary | null;
  paused: boolean;
  /** Seconds left for the pages waiting, at the pace measured this session; null while unknown. */
  secondsLeft: number | null;
}

/** The queue as the progress area and the sidebar show it, read live from the database. */
export function useOcrQueue(): OcrQueueView | undefined {
  const db = useDb();
  const secondsPerPage = useUi((s) => s.ocrRun.secondsPerPage);
  const data = useLiveQuery(async () => {
    const [jobs, paused] = await Promise.all([listOcrJobs(db), isOcrQueuePaused(db)]);
    return { jobs, paused };
  }, [db]);
  if (!data) return undefined;
  const summary = summariseQueue(data.jobs);
  return { ...data, summary, secondsLeft: summary ? timeLeftSeconds(summary.waiting, secondsPerPage) : null };
}
