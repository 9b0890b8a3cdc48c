// Words of both languages, accent-free and lower-case (tokens are folded the same way), so
// "Septiembre", "septiembre" and "SEPT." all meet here. Both vocabularies are always
// active: a researcher working in English routinely pastes a Spanish source's wording.
import type { Qualifier } from './spans';

export const MONTH_NAMES = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
} as const;

const MONTH_ALIASES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  ene: 1, abr: 4, ago: 8, set: 9, setiembre: 9, dic: 12,
};

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.en.map((name, i) => [name.toLowerCase(), i + 1] as const),
  ...MONTH_NAMES.es.map((name, i) => [name, i + 1] as const),
  ...Object.entries(MONTH_ALIASES),
]);

/** EDTF season codes 21–24; read as northern-hemisphere seasons (see spans.ts). */
export const SEASONS: ReadonlyMap<string, number> = new Map([
  ['spring', 21], ['summer', 22], ['autumn', 23], ['fall', 23], ['winter', 24],
  ['primavera', 21], ['verano', 22], ['otono', 23], ['invierno', 24],
]);

export const SEASON_NAMES = {
  en: { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' },
  es: { 21: 'primavera', 22: 'verano', 23: 'otoño', 24: 'invierno' },
} as const;

export const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['early', 'early'], ['beginning', 'early'], ['start', 'early'],
  ['principios', 'early'], ['principio', 'early'], ['comienzos', 'early'], ['comienzo', 'early'],
  ['inicios', 'early'], ['inicio', 'early'], ['primeros', 'early'],
  ['mid', 'mid'], ['middle', 'mid'], ['mediados', 'mid'], ['mitad', 'mid'],
  ['late', 'late'], ['end', 'late'], ['finales', 'late'], ['final', 'late'], ['fines', 'late'],
  ['fin', 'late'], ['ultimos', 'late'],
]);

/** "en torno a", "alrededor de": the little words are fillers, the key word is here. */
export const CIRCA_WORDS: ReadonlySet<string> = new Set([
  'circa', 'c', 'ca', 'cca', 'about', 'around', 'approximately', 'approx', 'roughly', 'some',
  'hacia', 'alrededor', 'aproximadamente', 'aprox', 'cerca', 'torno', 'sobre',
]);

/** Dropped inside a single date: "the 12th of September", "12 de septiembre de 1992". */
export const FILLERS: ReadonlySet<string> = new Set([
  'the', 'of', 'in', 'on', 'at', 'during', 'year', 'time', 'sometime',
  'de', 'del', 'el', 'la', 'las', 'en', 'durante', 'ano', 'a', '-',
]);

/** Words that turn a number into a decade: "los años 90", "la década de 1990". */
export const DECADE_MARKERS: ReadonlySet<string> = new Set(['los', 'anos', 'decada', 'decade']);

export const DECADE_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenties', 1920], ['thirties', 1930], ['forties', 1940], ['fifties', 1950],
  ['sixties', 1960], ['seventies', 1970], ['eighties', 1980], ['nineties', 1990],
  ['veinte', 1920], ['treinta', 1930], ['cuarenta', 1940], ['cincuenta', 1950],
  ['sesenta', 1960], ['setenta', 1970], ['ochenta', 1980], ['noventa', 1990],
]);

/** Separators between the two ends of a range; `and` / `y` only after between / entre. */
export const RANGE_SEPARATORS: ReadonlySet<string> = new Set([
  'to', 'until', 'till', 'through', 'thru', '-', 'and', 'a', 'al', 'hasta', 'y',
]);
export const RANGE_OPENERS: ReadonlySet<string> = new Set(['between', 'entre', 'from', 'de', 'del', 'desde']);
export const PAIRED_SEPARATORS: ReadonlySet<string> = new Set(['and', 'y']);
export const PAIRED_OPENERS: ReadonlySet<string> = new Set(['between', 'entre']);

export type OpenKind = 'before' | 'until' | 'after' | 'since';

/** Leading word sequences of open ranges. "Before" / "after" exclude the date; "until" / "since" include it. */
export const OPEN_PREFIXES: ReadonlyArray<readonly [readonly string[], OpenKind]> = [
  [['prior', 'to'], 'before'], [['before'], 'before'], [['pre'], 'before'], [['antes'], 'before'],
  [['up', 'to'], 'until'], [['until'], 'until'], [['till'], 'until'], [['hasta'], 'until'],
  [['after'], 'after'], [['post'], 'after'], [['despues'], 'after'],
  [['since'], 'since'], [['from'], 'since'], [['desde'], 'since'], [['a', 'partir'], 'since'],
];

/** Only consulted once parsing failed, to say "relative" instead of "unrecognised". */
export const RELATIVE_WORDS: ReadonlySet<string> = new Set([
  'later', 'earlier', 'ago', 'afterwards', 'after', 'before', 'next', 'following', 'previous',
  'subsequent', 'despues', 'tarde', 'antes', 'siguiente', 'anterior', 'hace', 'luego', 'posterior',
  'posteriormente', 'previo',
]);
