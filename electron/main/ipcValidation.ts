import path from 'node:path';
import {
  MAX_FILE_BYTES,
  MAX_SAVE_BYTES,
  MAX_SAVE_CHUNK_BYTES,
  type BeginSaveRequest,
  type CommitSaveRequest,
  type DesktopApi,
  type DesktopInvokeMethod,
  type FileFilter,
  type PrintToPdfRequest,
  type SaveFileRequest,
} from '../../shared/desktopApi';
import { stripBidiControls } from '../../shared/text/bidi';
import { isAppUrl } from './appOrigin';

// The renderer is untrusted: a compromised page can send anything down any channel.
// Each parser returns exactly the contract's parameter types or throws a message that
// is safe to show (it reaches the renderer as the rejection reason).

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

const MAX_NAME_LENGTH = 200;
const MAX_FILTERS = 10;
const MAX_EXTENSIONS = 20;
const MAX_HTML_LENGTH = 64 * 1024 * 1024;
const MAX_PATH_LENGTH = 4096;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function fail(message: string): never {
  throw new IpcValidationError(message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function expectArity(args: readonly unknown[], count: number, method: string): void {
  if (args.length !== count) fail(`${method} expects ${count} argument(s), got ${args.length}`);
}

/** Reduces a renderer-supplied name to one safe file name: no directories, no reserved names. */
export function sanitizeFileName(value: unknown, fallback = 'untitled'): string {
  if (typeof value !== 'string') fail('suggestedName must be a string');
  // Take the last path component first, so "../../etc/passwd" becomes "passwd".
  const base = value.split(/[/\\]/).pop() ?? '';
  // Bidi controls go first, so a name cannot show one extension and carry another.
  let name = stripBidiControls(base)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what we strip
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME_LENGTH) {
    const ext = path.extname(name).slice(0, 17);
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  return name === '' ? fallback : name;
}

export function parseFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) fail('filters must be an array');
  if (value.length > MAX_FILTERS) fail(`at most ${MAX_FILTERS} filters`);
  return value.map((filter: unknown) => {
    if (!isPlainObject(filter)) fail('each filter must be an object');
    const { name, extensions } = filter;
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) fail('filter name must be 1-100 characters');
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS) {
      fail(`filter extensions must be a list of 1-${MAX_EXTENSIONS}`);
    }
    for (const ext of extensions) {
      if (typeof ext !== 'string' || !(ext === '*' || /^[a-z0-9]{1,16}$/i.test(ext))) {
        fail('extensions are 1-16 letters or digits without a dot, or "*"');
      }
    }
    return { name, extensions: [...(extensions as string[])] };
  });
}

function parseBytes(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(`${what} must be a Uint8Array`);
  if (value.byteLength > MAX_FILE_BYTES) fail(`${what} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  return value;
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  if (!isPlainObject(value)) fail('saveFile expects a request object');
  return {
    suggestedName: sanitizeFileName(value.suggestedName),
    filters: parseFilters(value.filters),
    data: parseBytes(value.data, 'data'),
  };
}

export function parsePrintToPdfRequest(value: unknown): PrintToPdfRequest {
  if (!isPlainObject(value)) fail('printToPdf expects a request object');
  const { html } = value;
  if (typeof html !== 'string') fail('html must be a string');
  if (html.length > MAX_HTML_LENGTH) fail('html is too large to print');
  let suggestedName = sanitizeFileName(value.suggestedName, 'report.pdf');
  if (!/\.pdf$/i.test(suggestedName)) suggestedName += '.pdf';
  return { suggestedName, html };
}

export function parseRevealPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail('path must be a non-empty string');
  if (value.length > MAX_PATH_LENGTH) fail('path is too long');
  if (value.includes('\0')) fail('path contains NUL');
  if (!path.isAbsolute(value)) fail('path must be absolute');
  return path.normalize(value);
}

function parseByteLength(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail('byteLength must be a whole number of bytes');
  if (value > MAX_SAVE_BYTES) fail('the file is larger than 4 GB and cannot be saved');
  return value;
}

export function parseBeginSaveRequest(value: unknown): BeginSaveRequest {
  if (!isPlainObject(value)) fail('beginSave expects a request object');
  const { byteLength } = value;
  const req: BeginSaveRequest = { suggestedName: sanitizeFileName(value.suggestedName), filters: parseFilters(value.filters) };
  // Absent: the length comes with commitSave (a file whose end is made while its start is written).
  if (byteLength !== undefined) req.byteLength = parseByteLength(byteLength);
  return req;
}

/** How a streamed save ends: its length, when beginSave could not give it. */
export function parseCommitSaveRequest(value: unknown): CommitSaveRequest {
  if (!isPlainObject(value)) fail('commitSave expects a request object');
  const end: CommitSaveRequest = {};
  if (value.byteLength !== undefined) end.byteLength = parseByteLength(value.byteLength);
  return end;
}

/** Save tokens are 128 random bits in hex, made by main; anything else is refused unseen. */
export function parseSaveToken(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{32}$/.test(value)) fail('token must be a save token');
  return value;
}

export function parseSaveChunk(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) fail('chunk must be a Uint8Array');
  if (value.byteLength > MAX_SAVE_CHUNK_BYTES) fail(`chunk is larger than ${MAX_SAVE_CHUNK_BYTES / 1024 / 1024} MB`);
  return value;
}

/** One parser per invoke method, each producing exactly that method's parameters. */
export const argParsers: {
  [K in DesktopInvokeMethod]: (args: readonly unknown[]) => Parameters<DesktopApi[K]>;
} = {
  appInfo: (args) => (expectArity(args, 0, 'appInfo'), []),
  openPdfFiles: (args) => (expectArity(args, 0, 'openPdfFiles'), []),
  saveFile: (args) => (expectArity(args, 1, 'saveFile'), [parseSaveFileRequest(args[0])]),
  revealInFolder: (args) => (expectArity(args, 1, 'revealInFolder'), [parseRevealPath(args[0])]),
  printToPdf: (args) => (expectArity(args, 1, 'printToPdf'), [parsePrintToPdfRequest(args[0])]),
  beginSave: (args) => (expectArity(args, 1, 'beginSave'), [parseBeginSaveRequest(args[0])]),
  writeChunk: (args) => (expectArity(args, 2, 'writeChunk'), [parseSaveToken(args[0]), parseSaveChunk(args[1])]),
  commitSave: (args) => {
    if (args.length !== 1 && args.length !== 2) fail(`commitSave expects 1 or 2 arguments, got ${args.length}`);
    return args.length === 1 || args[1] === undefined ? [parseSaveToken(args[0])] : [parseSaveToken(args[0]), parseCommitSaveRequest(args[1])];
  },
  abortSave: (args) => (expectArity(args, 1, 'abortSave'), [parseSaveToken(args[0])]),
};

/**
 * Only our own top-level page may call main. Subframes are refused even on our origin:
 * the app has none, so one appearing means something injected it.
 */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame = true): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}
