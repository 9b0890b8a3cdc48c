import { describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../pdf/types';
import {
  EXTRACTION_STATES, RELIABILITY_GRADES, blankDocument, defaultDocumentTitle, documentExtractionFrom, documentSchema, issuesByPath,
  meaningfulPdfTitle, titleFromFileName, validateWith,
} from './index';
import type { DocumentExtraction, SourceDocument } from './index';

const SHA = 'a'.repeat(64);
const extracted: DocumentExtraction = { state: 'extracted', pageCount: 2, message: '', extractedAt: 1_000, characters: 42 };
const doc = (over: Partial<SourceDocument> = {}): SourceDocument => ({
  ...blankDocument({ sha256: SHA, fileName: 'informe-final-tomo-V.pdf', byteLength: 1_234 }, extracted, 1_000),
  ...over,
});
const result = (over: Partial<ExtractionResult>): ExtractionResult => ({
  state: 'extracted', pageCount: 2, pages: ['uno', 'dos'], info: null, message: '', durationMs: 5, ...over,
});

describe('document validation', () => {
  it('accepts a blank document titled after its file, with every field present', () => {
    const d = doc();
    expect(d.title).toBe('informe-final-tomo-V');
    expect(d.reliability).toBe('unknown');
    expect(d.mimeType).toBe('application/pdf');
    expect(validateWith(documentSchema, d)).toEqual({ ok: true, value: d });
  });

  it('accepts full metadata: approximate publication date, http(s) URL, a reliability grade', () => {
    const d = doc({
      title: 'Informe Final de la CVR', author: 'Comisión de la Verdad y Reconciliación', publisher: 'CVR', language: 'es',
      publishedOn: { label: 'August 2003', edtf: '2003-08', earliest: '2003-08-01', latest: '2003-08-31', precision: 'month' },
      url: 'https://www.cverdad.org.pe/ifinal/index.php', reliability: 'highly_reliable', tags: ['cvr'],
    });
    expect(validateWith(documentSchema, d).ok).toBe(true);
    expect(validateWith(documentSchema, { ...d, url: 'http://192.168.1.20/report.pdf' }).ok).toBe(true);
    expect(validateWith(documentSchema, { ...d, url: '  https://example.org/x  ' })).toMatchObject({ ok: true, value: { url: 'https://example.org/x' } });
  });

  it('names each problem with a message key: empty title, bad URLs, bad hash, unknown grade and state', () => {
    for (const url of ['ftp://example.org/a.pdf', 'javascript:alert(1)', 'http:example.org', 'https://localhost', 'not a url', 'file:///C:/x.pdf']) {
      const r = validateWith(documentSchema, doc({ url }));
      expect(r.ok ? null : issuesByPath(r.issues).get('url'), url).toBe('validation.invalidUrl');
    }
    const bad = {
      ...doc(), title: '   ', sha256: 'A'.repeat(64), reliability: 'gossip', mimeType: 'text/html',
      extraction: { ...extracted, state: 'half-done', pageCount: -1 },
    };
    const r = validateWith(documentSchema, bad);
    if (r.ok) throw new Error('expected failure');
    const byPath = issuesByPath(r.issues);
    expect(byPath.get('title')).toBe('validation.required');
    expect(byPath.get('sha256')).toBe('validation.invalidId');
    expect(byPath.get('reliability')).toBe('validation.invalidChoice');
    expect(byPath.get('mimeType')).toBe('validation.invalidChoice');
    expect(byPath.get('extraction.state')).toBe('validation.invalidChoice');
    expect(byPath.get('extraction.pageCount')).toBe('validation.negative');
  });

  it('lists the HURIDOCS-like grades and every extraction state', () => {
    expect(RELIABILITY_GRADES).toEqual(['highly_reliable', 'reliable', 'fairly_reliable', 'unreliable', 'highly_unreliable', 'unknown']);
    expect(EXTRACTION_STATES).toHaveLength(6);
  });
});

describe('default titles', () => {
  it('uses the PDF title when it says something, else the file name without extension', () => {
    expect(defaultDocumentTitle({ title: '  Informe  Final ' }, 'x.pdf')).toBe('Informe Final');
    expect(defaultDocumentTitle({ title: 'Microsoft Word - Informe CVR' }, 'x.pdf')).toBe('Informe CVR');
    for (const junk of ['', '   ', 'Untitled', 'Document1', 'Microsoft Word - borrador3.docx', 'informe.pdf', '---', 'ab']) {
      expect(meaningfulPdfTitle(junk), junk).toBeNull();
      expect(defaultDocumentTitle({ title: junk }, 'C:\\casos\\Atentado Tarata.PDF')).toBe('Atentado Tarata');
    }
    expect(defaultDocumentTitle(null, 'scan_0001.pdf')).toBe('scan_0001');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
    expect(titleFromFileName('notes')).toBe('notes');
  });
});

describe('documentExtractionFrom', () => {
  it('summarises the pages it carries and stamps when text was extracted', () => {
    // A result without page states (an older extractor) is summed up from its state.
    expect(documentExtractionFrom(result({ pages: ['abc', '', 'de'], pageCount: 3 }), 77)).toEqual({
      state: 'extracted', pageCount: 3, message: '', extractedAt: 77, characters: 5, textLayer: 'text', ocrPages: 0,
    });
    expect(documentExtractionFrom(result({
      state: 'needs-ocr', pages: ['abc', ''], pageCount: 2, pageStates: ['text', 'image-only'], textLayer: { layer: 'partly-scanned', ocrPages: 1 },
      annotations: [[{ kind: 'comment', text: 'nota' }], []],
    }), 77)).toEqual({
      state: 'needs-ocr', pageCount: 2, message: '', extractedAt: 77, characters: 3, textLayer: 'partly-scanned', ocrPages: 1, annotationChars: 4,
    });
    expect(documentExtractionFrom(result({ state: 'password-required', pages: [], pageCount: 0, message: 'locked' }), 77)).toEqual({
      state: 'password-required', pageCount: 0, message: 'locked', extractedAt: null, characters: 0,
    });
    expect(documentExtractionFrom(result({ state: 'damaged', message: 'x'.repeat(5_000), pages: [] })).message).toHaveLength(2_000);
  });
});
