import type { ApproxDate } from './types';

export type DateLang = 'en' | 'es';

export interface ParseApproxDateOptions {
  /** Only decides ambiguous all-numeric dates (`03/04/1992`); words of both languages are always read. */
  lang?: DateLang;
  /** Year for year-less phrases such as "late August", e.g. the year of the surrounding event. */
  contextYear?: number;
}

/**
 * Why an input was refused. The UI translates the code and quotes `text`, the part of the
 * input at fault (the whole trimmed input when no smaller part is to blame).
 */
export type DateParseErrorCode =
  | 'empty'
  | 'unrecognised'
  /** A day the month does not have: 31 February, 29 February 1993, 31 April. */
  | 'invalid-day'
  /** A month number outside 1–12 in a numeric or EDTF date (`1992-13`). */
  | 'invalid-month'
  /** The range ends before it starts: "2000 to 1990". */
  | 'reversed-range'
  /** A year-less phrase ("late August") given without `contextYear`. */
  | 'needs-year'
  /** `03/04/1992` in English could be 3 April or March 4: ask for the month in words. */
  | 'ambiguous-numeric-date'
  /** "a decade later", "two years after": only meaningful against another date. */
  | 'relative-date'
  /** Outside years 0000–9999 (BCE, `Y17000`), which an ISO day cannot hold. */
  | 'out-of-range';

export interface DateParseError {
  code: DateParseErrorCode;
  /** The offending part of the input, as typed. */
  text: string;
  /** The whole input, trimmed. */
  input: string;
}

export type ApproxDateResult = { ok: true; value: ApproxDate } | { ok: false; error: DateParseError };

/** Internal failure before the whole input is attached. */
export interface Failure {
  code: DateParseErrorCode;
  text: string;
}

