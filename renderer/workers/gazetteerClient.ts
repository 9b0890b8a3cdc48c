import type { GazetteerRegion, PlaceHit } from '../../shared/geo/gazetteer';
import type { GazetteerRequest, GazetteerResponse, RegionQuery } from './gazetteerProtocol';

type Pending = { resolve: (r: GazetteerResponse) => void };
type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

/** The gazetteer worker, started on first use (the map, the place picker) and kept. */
class GazetteerClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();

  private ask(req: Body<GazetteerRequest>): Promise<GazetteerResponse> {
    if (!this.worker) {
      this.worker = new Worker(new URL('./gazetteer.worker.ts', import.meta.url), { type: 'module', name: 'casefile-gazetteer' });
      this.worker.onmessage = (e: MessageEvent<GazetteerResponse>) => {
        const p = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        p?.resolve(e.data);
      };
      this.worker.postMessage({ url: new URL('gazetteer/places.tsv', document.baseURI).href });
    }
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker!.postMessage({ ...req, id } as GazetteerRequest);
    });
  }

  private static fail(r: GazetteerResponse): never {
    throw new Error(r.ok ? 'unexpected answer' : r.error);
  }

  async search(query: string, lang: string, limit = 8): Promise<PlaceHit[]> {
    const r = await this.ask({ op: 'search', query, limit, lang });
    return r.ok && 'hits' in r ? r.hits : GazetteerClient.fail(r);
  }

  async regions(queries: RegionQuery[]): Promise<(GazetteerRegion | null)[]> {
    const r = await this.ask({ op: 'regions', queries });
    return r.ok && 'regions' in r ? r.regions : GazetteerClient.fail(r);
  }

  async nearest(lat: number, lon: number): Promise<PlaceHit | null> {
    const r = await this.ask({ op: 'nearest', lat, lon });
    return r.ok && 'nearest' in r ? r.nearest : GazetteerClient.fail(r);
  }
}

let client: GazetteerClient | null = null;
export const gazetteer = (): GazetteerClient => (client ??= new GazetteerClient());
