/**
 * The query path run once over a tiny index of its own, so that the first real query after
 * start-up runs code already compiled. The search worker's first answer (after ~145 MB of
 * stored rows at 100k pages) took 45–65 ms against 5–10 ms for the same kind of query a few
 * queries later (docs/benchmarks-search.md, session 15): much of that is code running for the
 * first time (each function compiled on its first call, its inline caches filled), not work the
 * query needs.
 *
 * The tiny index is built, stored and loaded as a stored segment is (persist.ts), so the objects
 * the warmed code meets have the shapes of the real ones. It shares nothing with the real
 * segments: no cache, pool or vocabulary a real query reads is written (the scratch pools keep
 * its arrays under their own tiny lengths), so no answer changes.
 */
import { loadSegment, serializeSegment } from './persist';
import { searchSegments } from './search';
import { buildSegment } from './segment';
import type { Segment } from './segment';
import type { SearchDoc, SearchResults } from './types';

const page = (n: number, text: string, lang: 'es' | 'en'): SearchDoc => ({
  ref: `page:warm-up:${n}`, kind: 'page', recordId: 'warm-up', page: n, fields: { text }, lang, caseIds: [], dateFrom: null, dateTo: null,
});

/** Pages in both languages, an actor and an event: every kind of hit a first query makes. */
const PAGES: readonly SearchDoc[] = [
  page(1, 'Los detenidos declararon ante el fiscal de Ayacucho que la columna armada cruzó el río de noche.', 'es'),
  page(2, 'El informe policial menciona a Quispe Mamani y a otros dos detenidos en la provincia.', 'es'),
  page(3, 'The prosecutor stated that the detained men crossed the river at night with the armed column.', 'en'),
  page(4, 'Police reports name Quispe Mamani among the detainees held in the province.', 'en'),
];
const RECORDS: readonly SearchDoc[] = [
  { ref: 'actor:warm-up', kind: 'actor', recordId: 'warm-up', names: ['Quispe Mamani', 'El Río'], lang: 'mixed', caseIds: [], dateFrom: null, dateTo: null, status: null,
    fields: { name: 'Quispe Mamani\nEl Río', role: 'mando político · political commander', place: 'Ayacucho', body: 'Detenido en la provincia.' } },
  { ref: 'event:warm-up', kind: 'event', recordId: 'warm-up-event', lang: 'mixed', caseIds: [], dateFrom: '1990-01-01', dateTo: '1990-01-01',
    fields: { name: 'Cruce del río', role: 'armed clash · enfrentamiento armado', place: 'Ayacucho\nPerú', body: 'The armed column crossed the river; Quispe Mamani was detained.' } },
];

/** The queries run: one word (pages, actor and event), two words (an AND over pages and records). */
export const WARM_UP_QUERIES: readonly string[] = ['quispe', 'detenidos río'];

async function stored(segment: Segment): Promise<Segment> {
  const s = await serializeSegment(segment);
  return loadSegment({ header: s.header, data: s.data, positions: segment.positions });
}

const texts = new Map(PAGES.map((d) => [d.page!, d.fields.text!]));

/**
 * Builds the tiny index and answers WARM_UP_QUERIES over it; `answer` gets each answer (the
 * worker drops them). `yieldNow` is awaited between steps (building, each query, each text
 * read), so that whatever else the thread has to do — a stored row arriving, the next read to
 * ask for — waits one step at most. Never throws: a failure only leaves the first query cold.
 */
export async function warmQueryPaths(yieldNow: () => Promise<void> = () => Promise.resolve(),
  answer: (query: string, results: SearchResults) => void = () => undefined, stop: () => boolean = () => false): Promise<void> {
  const step = async () => { await yieldNow(); if (stop()) throw new Error('stopped'); };
  try {
    const segments = [await stored(buildSegment('records', RECORDS, { seq: 1, now: 0 }))];
    await step();
    segments.push(await stored(buildSegment('document:warm-up', PAGES, { seq: 2, now: 0 })));
    const getTexts = async (keys: readonly { page: number }[], onText?: (index: number, text: string | undefined) => void) => {
      await yieldNow(); // as a read would
      const out = keys.map((k) => texts.get(k.page));
      out.forEach((text, i) => onText?.(i, text));
      return out;
    };
    for (const query of WARM_UP_QUERIES) {
      await step();
      answer(query, await searchSegments(segments, query, {}, { limit: 20, getTexts, getText: async (k) => texts.get(k.page) }));
    }
  } catch {
    // Only a warm-up.
  }
}
