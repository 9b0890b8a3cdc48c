import type { ExtractionState } from './types';

/** pdf.js's PasswordException codes (`PasswordResponses`). */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

export interface ClassifiedError {
  state: Extract<ExtractionState, 'password-required' | 'password-wrong' | 'damaged'>;
  message: string;
}

/** Error names pdf.js uses for files it cannot read; anything else thrown while reading counts too. */
const DAMAGED_NAMES: Record<string, string> = {
  InvalidPDFException: 'Not a valid PDF',
  FormatError: 'Malformed PDF',
  UnknownErrorException: 'pdf.js could not read it',
  MissingPDFException: 'The file is missing or empty',
  UnexpectedResponseException: 'The file could not be read',
};

function describe(error: unknown): { name: string; message: string; code: unknown } {
  if (error && typeof error === 'object') {
    const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? message : String(error), code };
  }
  return { name: 'Error', message: String(error), code: undefined };
}

/**
 * Maps what pdf.js threw to a document state. pdf.js's exception classes cross its
 * worker boundary as plain objects with `name`, `message` (and `code` for passwords),
 * so they are told apart by name rather than `instanceof`.
 */
export function classifyPdfError(error: unknown): ClassifiedError {
  const { name, message, code } = describe(error);
  if (name === 'PasswordException') {
    return code === INCORRECT_PASSWORD
      ? { state: 'password-wrong', message: 'The password is wrong.' }
      : { state: 'password-required', message: code === NEED_PASSWORD ? 'The PDF is protected with a password.' : message };
  }
  const lead = DAMAGED_NAMES[name] ?? 'The PDF is damaged';
  const detail = message.trim();
  return { state: 'damaged', message: detail ? `${lead}: ${detail}` : `${lead}.` };
}

export function isAbortError(error: unknown): boolean {
  return describe(error).name === 'AbortError';
}

/** An Error named AbortError (DOMException is not available to `shared/`'s types). */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('Extraction was cancelled.');
  error.name = 'AbortError';
  return error;
}
