/// <reference lib="webworker" />
import type { Gazetteer } from '../../shared/geo/gazetteer';
import { nearestPlace, parseGazetteer, resolveRegion, searchGazetteer } from '../../shared/geo/gazetteer';
import type { GazetteerInit, GazetteerRequest, GazetteerResponse } from './gazetteerProtocol';

// The gazetteer lives here, off the window's thread: loading and indexing 135,000 places takes
// about a second, each lookup as you type a fraction of a millisecond (bench:views).
declare const self: DedicatedWorkerGlobalScope;

let loaded: Promise<Gazetteer> | null = null;

function answer(req: GazetteerRequest, g: Gazetteer): GazetteerResponse {
  switch (req.op) {
    case 'search': return { id: req.id, ok: true, hits: searchGazetteer(g, req.query, req.limit, req.lang) };
    case 'regions': return { id: req.id, ok: true, regions: req.queries.map((q) => resolveRegion(g, q.country, q.region)) };
    case 'nearest': return { id: req.id, ok: true, nearest: nearestPlace(g, req.lat, req.lon) };
  }
}

self.onmessage = (event: MessageEvent<GazetteerInit | GazetteerRequest>) => {
  const msg = event.data;
  if ('url' in msg) {
    loaded = fetch(msg.url).then((r) => {
      if (!r.ok) throw new Error(`gazetteer file: HTTP ${r.status}`);
      return r.text();
    }).then(parseGazetteer);
    loaded.catch(() => undefined);
    return;
  }
  if (!loaded) { self.postMessage({ id: msg.id, ok: false, error: 'not started' } satisfies GazetteerResponse); return; }
  loaded.then((g) => self.postMessage(answer(msg, g)), (e: unknown) => {
    self.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies GazetteerResponse);
  });
};
