// Public API of approximate dates; other modules here are internals.
export type { ApproxDate, DatePrecision } from './types';
export type { ApproxDateResult, DateLang, DateParseError, DateParseErrorCode, ParseApproxDateOptions } from './dateParseTypes';
export { parseApproxDate } from './parseApproxDate';
export { formatApproxDate } from './formatApproxDate';
export { compareApproxDates, overlapsRange } from './compareApproxDates';
export { approxDateFromBounds, approxDateProblems, isValidApproxDate } from './validateApproxDate';
export { OPEN_RANGE_YEARS } from './spans';
export { dateBar, spanBar } from './bars';
export type { DateBar, SpanBar } from './bars';
export { dayIndex, isoFromDayIndex, calendarDayOf } from './calendar';
