import sample from '../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent, Citation, SourceDocument } from '../model';
import type { ExportInput } from './types';

/** A fixed-id citation, so expected output can name it. */
export function citation(id: number, documentId: string, page: number | null, quote = '', note = ''): Citation {
  return { id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, documentId, page, quote, note };
}

export const ARTICLE_ID = '11111111-1111-4111-8111-111111111111';
export const ARTICLE_SHA256 = 'a'.repeat(64);

export function articleDocument(over: Partial<SourceDocument> = {}): SourceDocument {
  return {
    id: ARTICLE_ID, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, sha256: ARTICLE_SHA256,
    fileName: 'vraem-article.pdf', byteLength: 123_456, mimeType: 'application/pdf',
    title: 'Shining Path in the VRAEM', author: 'InSight Crime', publisher: 'InSight Crime',
    publishedOn: { label: 'September 2019', edtf: '2019-09', earliest: '2019-09-01', latest: '2019-09-30', precision: 'month' },
    url: 'https://insightcrime.org/example', language: 'English', reliability: 'reliable', notes: '', tags: [], caseIds: [],
    extraction: { state: 'extracted', pageCount: 3, message: '', extractedAt: 1_700_000_000_000, characters: 60 },
    ...over,
  };
}

/**
 * The VRAEM sample case (resources/, as the app loads it) with the source article
 * attached and a few facts citing its pages, as a user would after "Cite this page".
 */
export function sampleInput(): ExportInput {
  const data = JSON.parse(JSON.stringify(sample)) as { case: Case; actors: Actor[]; events: CaseEvent[] };
  const byName = (name: string) => data.actors.find((a) => a.name === name)!;
  const florindo = byName('Florindo Eleuterio Flores');
  florindo.names.find((n) => n.name === 'Artemio')!.citations.push(citation(1, ARTICLE_ID, 2, 'alias “Comandante Artemio”'));
  florindo.memberships[0]!.citations.push(citation(2, ARTICLE_ID, 2, 'second-in-command'));
  byName('Cirilo').statusHistory[0]!.citations.push(citation(3, ARTICLE_ID, 3));
  const clash = data.events.find((e) => e.place.name === 'Chachaspata')!;
  clash.citations.push(citation(4, ARTICLE_ID, 3, 'four rebels … and two soldiers were killed', 'Ministry of the Interior figures'));
  clash.participants[0]!.citations.push(citation(5, ARTICLE_ID, null));
  return {
    caseId: data.case.id,
    cases: [data.case],
    actors: data.actors,
    events: data.events,
    documents: [articleDocument()],
    pages: [{
      documentId: ARTICLE_ID,
      pages: ['Page one text.', 'Comandante Artemio was second-in-command.', 'Four rebels and two soldiers were killed.'].map((text) => ({ text, state: 'text' as const })),
    }],
  };
}
