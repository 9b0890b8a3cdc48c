import sample from '../../../resources/sample-case/vraem.json';
import type { Actor, Case, CaseEvent, SourceDocument } from '../../model';
import { blankDocument } from '../../model';
import type { StoredPageOcr } from '../../ocr/stored';
import { sha256Hex, utf8 } from '../bytes';
import type { CaseSnapshot } from '../manifest';
import { makeBlob } from '../stream';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The snapshots the bundle tests and the stored fixtures are written from. `sampleSnapshot`
 * is the one `v1-sample.casefile` was written from (format version 1, page text only);
 * `ocrSampleSnapshot` adds what format version 2 carries (`v2-ocr.casefile`): a page with a
 * form field and a comment, a scanned page read by OCR, and one OCR could not read.
 */

export const SAMPLE_CREATED = Date.UTC(2025, 2, 14, 9, 30, 0);
export const SAMPLE_INFO = { appVersion: '0.1.0', createdAt: SAMPLE_CREATED };

export function fakePdf(seed: number, length: number): Uint8Array {
  const body = new Uint8Array(length).map((_, i) => (i * 31 + seed * 17) % 251);
  return new Uint8Array([...utf8(`%PDF-1.7\n% fake ${seed}\n`), ...body, ...utf8('\n%%EOF\n')]);
}

export function sampleSnapshot(): CaseSnapshot {
  const data = sample as unknown as { case: Case; actors: Actor[]; events: CaseEvent[] };
  const pdfs = [fakePdf(1, 40_000), fakePdf(2, 3_000)];
  const documents: SourceDocument[] = pdfs.map((bytes, i) => ({
    ...blankDocument({ sha256: sha256Hex(bytes), fileName: `source-${i + 1}.pdf`, byteLength: bytes.length },
      { state: 'extracted', pageCount: 2, message: '', extractedAt: SAMPLE_CREATED, characters: 20 }, SAMPLE_CREATED),
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    caseIds: [data.case.id],
  }));
  const events = clone(data.events);
  events[0]!.citations.push({ id: '00000000-0000-4000-8000-0000000000c1', documentId: documents[0]!.id, page: 2, quote: 'the clash', note: '' });
  return {
    caseId: data.case.id,
    cases: [data.case],
    actors: clone(data.actors),
    events,
    documents,
    pages: documents.map((d, i) => ({ documentId: d.id, pages: [`page one of ${i}`, `página dos — ${i}`].map((text) => ({ text, state: 'text' as const })) })),
    files: pdfs.map((bytes) => ({ sha256: sha256Hex(bytes), byteLength: bytes.length, blob: makeBlob([bytes]) })),
  };
}

const PROVENANCE = { engine: 'tesseract.js', version: '7.0.0', languages: ['spa', 'eng'], confidence: 87.4, rotation: 0, dpi: 300 } as const;

/** A page read by OCR: "Declaró Comandante Artemio" / "ante el juez", boxes in points from the top left. */
export const OCR_PAGE: StoredPageOcr = {
  status: 'read',
  words: [
    { text: 'Declaró', box: { x: 72, y: 100.5, width: 48.25, height: 11 }, confidence: 91, line: 0 },
    { text: 'Comandante', box: { x: 124, y: 100, width: 70, height: 11.5 }, confidence: 88.5, line: 0 },
    { text: 'Artemio', box: { x: 198, y: 100, width: 46, height: 11.5 }, confidence: 79, line: 0 },
    { text: 'ante', box: { x: 72, y: 118, width: 26, height: 9 }, confidence: 93, line: 1 },
    { text: 'el', box: { x: 102, y: 116, width: 10, height: 11 }, confidence: 95, line: 1 },
    { text: 'juez', box: { x: 116, y: 116, width: 24, height: 13 }, confidence: 90, line: 1 },
  ],
  lines: [
    { box: { x: 72, y: 100, width: 172, height: 11.5 }, firstWord: 0, wordCount: 3, paragraph: 0 },
    { box: { x: 72, y: 116, width: 68, height: 13 }, firstWord: 3, wordCount: 3, paragraph: 0 },
  ],
  provenance: { ...PROVENANCE, languages: [...PROVENANCE.languages] },
  width: 595.25,
  height: 841.75,
  at: SAMPLE_CREATED - 60_000,
};

export function ocrSampleSnapshot(): CaseSnapshot {
  const s = sampleSnapshot();
  const scan = s.documents[1]!;
  scan.extraction = { ...scan.extraction, state: 'needs-ocr', textLayer: 'partly-scanned', ocrPages: 1, annotationChars: 0 };
  s.pages = [
    {
      documentId: s.documents[0]!.id,
      pages: [
        { text: 'page one of 0', state: 'text' },
        {
          text: 'página dos — 0', state: 'text',
          annotations: [
            { kind: 'form-field', label: 'Witness', text: 'Florindo Eleuterio Flores' },
            { kind: 'comment', label: 'Analyst', text: 'Check against the 1993 hearing.' },
          ],
        },
      ],
    },
    {
      documentId: scan.id,
      pages: [
        { text: 'Declaró Comandante Artemio\nante el juez', state: 'ocr', ocr: OCR_PAGE },
        { text: '', state: 'image-only', ocr: { status: 'failed', reason: 'no-text', message: 'No words were found on this page.', provenance: { ...PROVENANCE, languages: ['spa'], confidence: 0 }, at: SAMPLE_CREATED - 30_000 } },
      ],
    },
  ];
  return s;
}

/**
 * The version-3 fixture's snapshot: the OCR sample plus name-matching rules a researcher set for
 * two of its actors (a name matched only with a cue, one never, and corrected family names).
 */
export function rulesSampleSnapshot(): CaseSnapshot {
  const s = ocrSampleSnapshot();
  const [first, second] = s.actors;
  s.nameRules = [
    { actorId: first!.id, kind: 'rule', name: first!.name, source: 'name', rule: 'with-cue' },
    { actorId: second!.id, kind: 'rule', name: second!.name, source: 'name', rule: 'never' },
    { actorId: second!.id, kind: 'family', families: ['Quispe Palomino', 'Quispe'] },
  ];
  return s;
}

/** The rules sample with one saved link chart of its case (format 4): the v4 fixture and the round trips. */
export function chartsSampleSnapshot(): CaseSnapshot {
  const s = rulesSampleSnapshot();
  const [first, second] = s.actors;
  s.charts = [{
    id: '7c0b0d1e-3f4a-4b5c-8d6e-7f8091a2b3c4', caseId: s.caseId, name: 'Artemio and the Shining Path', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000,
    nodes: [{ id: `actor:${first!.id}`, x: -120.5, y: 40, pinned: true }, { id: `actor:${second!.id}`, x: 80, y: -12.3, pinned: false }],
    hidden: [`actor:${second!.id}`], edgeKinds: ['membership', 'participation'], at: '2019-08-25',
  }];
  return s;
}
