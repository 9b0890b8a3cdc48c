/**
 * The query path run once over a tiny index of its own, so that the first real query after
 * start-up runs code already compiled. The search worker's first answer (after ~145 MB of
 * stored rows at 100k pages) took 45–54 ms against 5–10 ms for the same kind of query a few
 * queries later (docs/benchmarks-search.md, session 15): most of that is code running for the
 * first time (each function parsed and compiled on first call, its inline caches filled, its
 * loops interpreted), not work the query needs.
 *
 * The tiny index is built, stored and loaded exactly as a stored segment is (persist.ts), so the
 * objects the warmed code meets have the shapes of the real ones. It shares nothing with the
 * real segments: no cache, pool or vocabulary the real queries read is written (the scratch
 * pools keep its arrays under their own tiny lengths), so no answer changes.
 */
import { loadSegment, serializeSegment } from './persist';
import { searchSegments } from './search';
import { buildSegment } from './segment';
import type { Segment } from './segment';
import type { SearchDoc } from './types';

const page = (documentId: string, n: number, text: string, lang: 'es' | 'en'): SearchDoc => ({
  ref: `page:${documentId}:${n}`, kind: 'page', recordId: documentId, page: n, fields: { text }, lang, caseIds: [], dateFrom: null, dateTo: null,
});

/** A few pages in both languages and an actor and an event: every hit kind the first query can make. */
const DOCS: { pages: SearchDoc[][]; records: SearchDoc[] } = {
  pages: [[
    page('warm-a', 1, 'Los detenidos declararon ante el fiscal de Ayacucho que la columna armada cruzó el río de noche.', 'es'),
    page('warm-a', 2, 'El informe policial menciona a Quispe Mamani y a otros dos detenidos en la provincia.', 'es'),
  ], [
    page('warm-b', 1, 'The prosecutor stated that the detained men crossed the river at night with the armed column.', 'en'),
    page('warm-b', 2, 'Police reports name Quispe Mamani among the detainees held in the province.', 'en'),
  ]],
  records: [
    { ref: 'actor:warm', kind: 'actor', recordId: 'warm', fields: { name: 'Quispe Mamani\nEl Río', role: 'mando político · political commander', place: 'Ayacucho', body: 'Detenido en la provincia.' },
      names: ['Quispe Mamani', 'El Río'], lang: 'mixed', caseIds: [], dateFrom: null, dateTo: null, status: null },
    { ref: 'event:warm', kind: 'event', recordId: 'warm-event', fields: { name: 'Cruce del río', role: 'armed clash · enfrentamiento armado', place: 'Ayacucho\nPerú', body: 'The armed column crossed the river; Quispe Mamani was detained.' },
      lang: 'mixed', caseIds: [], dateFrom: '1990-01-01', dateTo: '1990-01-01' },
  ],
};

/** Queries of the common kinds: one word (in pages and records), two words. */
const QUERIES = ['quispe', 'detenidos río'];

async function stored(segment: Segment): Promise<Segment> {
  const s = await serializeSegment(segment);
  return loadSegment({ header: s.header, data: s.data, positions: segment.positions });
}

/**
 * Builds the tiny index and answers QUERIES over it, their answers dropped: ~15–30 ms of one
 * thread at first (code compiled as it first runs), ~2 ms once warm. `yieldNow` is awaited
 * between steps (each segment built, each query, each text read), so that whatever else the
 * thread has to do — a stored row arriving, the next read to ask for — waits one step at most.
 * Never throws (a failure here only means the first query runs cold, as it did).
 */
export async function warmQueryPaths(yieldNow: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  try {
    let seq = 1;
    const segments: Segment[] = [await stored(buildSegment('records', DOCS.records, { seq: seq++, now: 0 }))];
    for (const docs of DOCS.pages) {
      await yieldNow();
      segments.push(await stored(buildSegment(`document:${docs[0]!.recordId}`, docs, { seq: seq++, now: 0 })));
    }
    const texts = new Map(DOCS.pages.flat().map((d) => [`${d.recordId}:${d.page}`, d.fields.text!]));
    const getTexts = async (keys: readonly { documentId: string; page: number }[], onText?: (index: number, text: string | undefined) => void) => {
      await yieldNow(); // as a read would
      const out = keys.map((k) => texts.get(`${k.documentId}:${k.page}`));
      out.forEach((text, i) => onText?.(i, text));
      return out;
    };
    for (const query of QUERIES) {
      await yieldNow();
      await searchSegments(segments, query, {}, { limit: 20, getTexts, getText: async (k) => texts.get(`${k.documentId}:${k.page}`) });
    }
  } catch {
    // Only a warm-up.
  }
}
