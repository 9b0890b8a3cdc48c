import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useDb } from '../../db/dbContext';
import type { ViewRecords } from '../../db/viewRecords';
import { readViewRecords, viewRecordsVersion } from '../../db/viewRecords';
import { useUi } from '../../state/store';

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
// The last read, so going from the timeline to the map does not read everything again.
let cache: { key: string; records: ViewRecords } | null = null;

/** The active case's actors and events for the timeline and the map; reloads when records change. */
export function useViewRecords(): ViewRecords | null {
  const db = useDb();
  const caseId = useUi((s) => s.activeCaseId);
  const version = useLiveQuery(() => viewRecordsVersion(db), [db]);
  const key = version === undefined ? null : `${caseId ?? '*'}|${version}`;
  const [loaded, setLoaded] = useState<{ key: string; records: ViewRecords } | null>(null);

  useEffect(() => {
    if (key === null || cache?.key === key) return;
    const abort = new AbortController();
    readViewRecords(db, caseId, pause, abort.signal).then((next) => {
      cache = { key, records: next };
      if (!abort.signal.aborted) setLoaded({ key, records: next });
    }).catch((e: unknown) => {
      if (!abort.signal.aborted) throw e;
    });
    return () => abort.abort();
  }, [db, caseId, key]);
  // While a change is read, the records before it stay on screen.
  const records = cache && cache.key === key ? cache.records : (loaded?.records ?? null);
  return records;
}
