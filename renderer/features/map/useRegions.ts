import { useEffect, useMemo, useState } from 'react';
import type { CaseEvent } from '../../../shared/model';
import { regionKey, regionQueries } from '../../../shared/geo/markers';
import { gazetteer } from '../../workers/gazetteerClient';

export type RegionCentres = ReadonlyMap<string, { name: string; lat: number; lon: number } | null>;

/**
 * Centres of the regions that events without coordinates name, from the gazetteer worker.
 * `loading` while it reads the gazetteer; `error` if it cannot.
 */
export function useRegions(events: readonly CaseEvent[] | null): { regions: RegionCentres; loading: boolean; error: string | null } {
  const queries = useMemo(() => (events ? regionQueries(events) : []), [events]);
  const wanted = queries.map(regionKey).join('\n');
  const [state, setState] = useState<{ key: string; regions: RegionCentres; error: string | null }>({ key: '', regions: new Map(), error: null });
  useEffect(() => {
    if (queries.length === 0) return;
    let live = true;
    gazetteer().regions(queries).then((found) => {
      if (!live) return;
      const map = new Map<string, { name: string; lat: number; lon: number } | null>();
      queries.forEach((q, i) => map.set(regionKey(q), found[i] ? { name: found[i]!.name, lat: found[i]!.lat, lon: found[i]!.lon } : null));
      setState({ key: wanted, regions: map, error: null });
    }, (e: unknown) => { if (live) setState({ key: wanted, regions: new Map(), error: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, [queries, wanted]);
  if (queries.length === 0) return { regions: new Map(), loading: false, error: null };
  return { regions: state.regions, loading: state.key !== wanted, error: state.error };
}
