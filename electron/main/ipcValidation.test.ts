import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/desktopApi';
import {
  argParsers,
  parseCommitSaveRequest,
  IpcValidationError,
  isTrustedSender,
  parseFilters,
  parsePrintToPdfRequest,
  parseBeginSaveRequest,
  parseRevealPath,
  parseSaveChunk,
  parseSaveFileRequest,
  parseSaveToken,
  sanitizeFileName,
} from './ipcValidation';

const pdfFilter = [{ name: 'PDF', extensions: ['pdf'] }];
const bytes = new Uint8Array([1, 2, 3]);

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['/absolute/path/case.json', 'case.json'],
    ['C:\\Users\\x\\case.json', 'case.json'],
    ['a<b>c:d"e|f?g*h.csv', 'a_b_c_d_e_f_g_h.csv'],
    ['line\nbreak\u0000.txt', 'line_break_.txt'],
    ['  ..hidden.txt. . ', 'hidden.txt'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.json', '_com1.json'],
    ['', 'untitled'],
    ['...', 'untitled'],
    ['dir/', 'untitled'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('strips bidirectional controls, so the extension shown is the real one', () => {
    expect(sanitizeFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(sanitizeFileName('\u200Fcase\u2066.json\u2069')).toBe('case.json');
    expect(sanitizeFileName('\u202E')).toBe('untitled');
  });

  it('a print named to look like a PDF still ends in .pdf, its real extension in plain sight', () => {
    expect(parsePrintToPdfRequest({ suggestedName: 'report\u202Efdp.exe', html: '' }).suggestedName).toBe('reportfdp.exe.pdf');
    expect(parseSaveFileRequest({ suggestedName: 'a\u202Evsc.exe', filters: [], data: bytes }).suggestedName).toBe('avsc.exe');
    expect(parseBeginSaveRequest({ suggestedName: 'b\u2067.casefile', filters: [], byteLength: 1 }).suggestedName).toBe('b.casefile');
  });

  it('caps length but keeps the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(500)}.casefile.json`);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.json')).toBe(true);
  });

  it('rejects non-strings', () => {
    expect(() => sanitizeFileName(42)).toThrow(IpcValidationError);
    expect(() => sanitizeFileName({ toString: () => 'x' })).toThrow(/string/);
  });
});

describe('parseFilters', () => {
  it('accepts ordinary filters and copies them', () => {
    const input = [{ name: 'CSV', extensions: ['csv', 'TSV'] }, { name: 'All', extensions: ['*'] }];
    const parsed = parseFilters(input);
    expect(parsed).toEqual(input);
    expect(parsed[0]).not.toBe(input[0]);
  });

  it.each([
    ['not an array', 'csv'],
    ['too many', Array.from({ length: 11 }, () => ({ name: 'x', extensions: ['x'] }))],
    ['null entry', [null]],
    ['array entry', [['csv']]],
    ['missing name', [{ extensions: ['csv'] }]],
    ['long name', [{ name: 'x'.repeat(101), extensions: ['csv'] }]],
    ['no extensions', [{ name: 'x', extensions: [] }]],
    ['dotted extension', [{ name: 'x', extensions: ['.csv'] }]],
    ['path in extension', [{ name: 'x', extensions: ['../csv'] }]],
    ['glob extension', [{ name: 'x', extensions: ['c*v'] }]],
    ['numeric extension', [{ name: 'x', extensions: [1] }]],
    ['too many extensions', [{ name: 'x', extensions: Array.from({ length: 21 }, () => 'a') }]],
  ])('rejects %s', (_label, value) => {
    expect(() => parseFilters(value)).toThrow(IpcValidationError);
  });
});

describe('parseSaveFileRequest', () => {
  it('returns a clean request', () => {
    const req = parseSaveFileRequest({ suggestedName: '../case.json', filters: pdfFilter, data: bytes });
    expect(req).toEqual({ suggestedName: 'case.json', filters: pdfFilter, data: bytes });
  });

  it('accepts a Buffer (a Uint8Array subclass)', () => {
    expect(parseSaveFileRequest({ suggestedName: 'a', filters: [], data: Buffer.from('x') }).data.byteLength).toBe(1);
  });

  it.each([
    ['null', null],
    ['array', [{}]],
    ['string data', { suggestedName: 'a', filters: [], data: 'abc' }],
    ['plain array data', { suggestedName: 'a', filters: [], data: [1, 2, 3] }],
    ['ArrayBuffer data', { suggestedName: 'a', filters: [], data: new ArrayBuffer(3) }],
    ['DataView data', { suggestedName: 'a', filters: [], data: new DataView(new ArrayBuffer(3)) }],
    ['missing filters', { suggestedName: 'a', data: bytes }],
    ['numeric name', { suggestedName: 1, filters: [], data: bytes }],
    ['class instance', new (class Req { suggestedName = 'a'; filters = []; data = bytes })()],
  ])('rejects %s', (_label, value) => {
    expect(() => parseSaveFileRequest(value)).toThrow(IpcValidationError);
  });

  it('rejects data over the size cap without copying it', () => {
    const huge = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(() => parseSaveFileRequest({ suggestedName: 'a', filters: [], data: huge })).toThrow(/larger than 512 MB/);
  });
});

describe('parsePrintToPdfRequest', () => {
  it('forces a .pdf name', () => {
    expect(parsePrintToPdfRequest({ suggestedName: 'report', html: '<p>x</p>' }).suggestedName).toBe('report.pdf');
    expect(parsePrintToPdfRequest({ suggestedName: 'Report.PDF', html: '' }).suggestedName).toBe('Report.PDF');
    expect(parsePrintToPdfRequest({ suggestedName: '', html: '' }).suggestedName).toBe('report.pdf');
  });

  it('rejects bad html', () => {
    expect(() => parsePrintToPdfRequest({ suggestedName: 'a', html: 5 })).toThrow(/html/);
    expect(() => parsePrintToPdfRequest({ suggestedName: 'a', html: 'x'.repeat(64 * 1024 * 1024 + 1) })).toThrow(/too large/);
    expect(() => parsePrintToPdfRequest('html')).toThrow(IpcValidationError);
  });
});

describe('parseRevealPath', () => {
  it('accepts absolute paths', () => {
    const p = path.resolve('/tmp/case.json');
    expect(parseRevealPath(p)).toBe(p);
  });

  it.each([['relative/path'], [''], [42], [null], ['/tmp/a\0b'], [`/${'a'.repeat(5000)}`]])('rejects %j', (value) => {
    expect(() => parseRevealPath(value)).toThrow(IpcValidationError);
  });
});

describe('streamed-save arguments', () => {
  it('parses a beginSave request, cleaning the name', () => {
    expect(parseBeginSaveRequest({ suggestedName: '/home/x/../case.casefile', filters: [{ name: 'Bundle', extensions: ['casefile'] }], byteLength: 5 }))
      .toEqual({ suggestedName: 'case.casefile', filters: [{ name: 'Bundle', extensions: ['casefile'] }], byteLength: 5 });
  });

  it.each([
    ['a negative length', { suggestedName: 'a', filters: [], byteLength: -1 }],
    ['a fractional length', { suggestedName: 'a', filters: [], byteLength: 1.5 }],
    ['a string length', { suggestedName: 'a', filters: [], byteLength: '10' }],
    ['over 4 GB', { suggestedName: 'a', filters: [], byteLength: 2 ** 32 }],
    ['no request', null],
  ])('refuses %s', (_label, value) => {
    expect(() => parseBeginSaveRequest(value)).toThrow(IpcValidationError);
  });

  it('parses a beginSave request whose length comes at commit (a bundle written as it is made)', () => {
    expect(parseBeginSaveRequest({ suggestedName: 'b.casefile', filters: [] })).toEqual({ suggestedName: 'b.casefile', filters: [] });
  });

  it('parses how a save ends: its length, a whole number of bytes under 4 GB', () => {
    expect(parseCommitSaveRequest({ byteLength: 10 })).toEqual({ byteLength: 10 });
    expect(parseCommitSaveRequest({ byteLength: 10, extra: 'ignored' })).toEqual({ byteLength: 10 });
    expect(parseCommitSaveRequest({})).toEqual({});
    for (const bad of [null, [], 'x', { byteLength: -1 }, { byteLength: 2 ** 32 }, { byteLength: '3' }, { byteLength: 1.5 }]) {
      expect(() => parseCommitSaveRequest(bad)).toThrow(IpcValidationError);
    }
    const token = '0123456789abcdef0123456789abcdef';
    expect(argParsers.commitSave([token])).toEqual([token]);
    expect(argParsers.commitSave([token, undefined])).toEqual([token]);
    expect(argParsers.commitSave([token, { byteLength: 3 }])).toEqual([token, { byteLength: 3 }]);
    expect(() => argParsers.commitSave([token, {}, 'extra'])).toThrow(/1 or 2 arguments/);
    expect(() => argParsers.commitSave([])).toThrow(/1 or 2 arguments/);
  });

  it('accepts only main-made tokens', () => {
    expect(parseSaveToken('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    for (const bad of ['', 'x', '0123456789ABCDEF0123456789ABCDEF', `${'a'.repeat(32)}/`, 42, null, { token: 'a' }]) {
      expect(() => parseSaveToken(bad)).toThrow(IpcValidationError);
    }
  });

  it('accepts chunks up to 8 MB, as bytes only', () => {
    expect(parseSaveChunk(Buffer.from('abc')).byteLength).toBe(3);
    const big = { byteLength: 8 * 1024 * 1024 + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(() => parseSaveChunk(big)).toThrow(/larger than 8 MB/);
    expect(() => parseSaveChunk('abc')).toThrow(/Uint8Array/);
    expect(() => parseSaveChunk(new ArrayBuffer(3))).toThrow(/Uint8Array/);
  });
});

describe('argParsers', () => {
  it('checks arity', () => {
    expect(argParsers.appInfo([])).toEqual([]);
    expect(() => argParsers.appInfo(['extra'])).toThrow(/0 argument/);
    expect(argParsers.openPdfFiles([])).toEqual([]);
    expect(() => argParsers.saveFile([])).toThrow(/1 argument/);
    expect(() => argParsers.printToPdf([{ suggestedName: 'a', html: '' }, 'extra'])).toThrow(/1 argument/);
    expect(() => argParsers.revealInFolder([])).toThrow(/1 argument/);
    expect(() => argParsers.writeChunk(['0123456789abcdef0123456789abcdef'])).toThrow(/2 argument/);
    expect(() => argParsers.abortSave([])).toThrow(/1 argument/);
  });
});

describe('isTrustedSender', () => {
  it('trusts only our own top-level page', () => {
    expect(isTrustedSender('app://casefile/index.html')).toBe(true);
    expect(isTrustedSender('app://casefile/cases/1?x#y')).toBe(true);
    expect(isTrustedSender('app://casefile/index.html', false)).toBe(false);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['about:blank'],
    ['file:///index.html'],
    ['https://casefile/index.html'],
    ['app://casefile.evil.com/index.html'],
    ['app://evil/index.html'],
    ['app://casefile:1234/'],
    ['app://x@casefile/'],
    ['devtools://devtools/bundled/inspector.html'],
  ])('refuses %j', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});
