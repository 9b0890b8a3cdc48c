// Readable text for a date that has no label (built from bounds, or imported as bare
// EDTF). The output reads back through parseApproxDate to the same bounds, which the
// tests hold it to.
import type { DateLang } from './dateParseTypes';
import type { ApproxDate } from './types';
import { daysInMonth } from './calendar';
import type { Qualifier } from './spans';
import { MONTH_NAMES, SEASON_NAMES } from './vocabulary';

const QUALIFIER_WORDS: Record<DateLang, Record<Qualifier, string>> = {
  en: { early: 'early', mid: 'mid', late: 'late' },
  es: { early: 'principios de', mid: 'mediados de', late: 'finales de' },
};

const WORDS = {
  en: { circa: 'c.', until: 'until', from: 'from', of: '' },
  es: { circa: 'hacia', until: 'hasta', from: 'desde', of: 'de ' },
} as const;

const SINGLE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?(?:-(\d{2}))?([~?%])?$/;
const SEASON = /^(\d{4})-(2[1-4])$/;
const DECADE = /^(\d{3})X$/;

/** The label as typed when there is one, else words built from the EDTF, else the bounds. */
export function formatApproxDate(d: ApproxDate, lang: DateLang = 'en'): string {
  const label = d.label.trim();
  if (label) return label;
  return formatEdtf(d.edtf, lang) ?? formatBounds(d.earliest, d.latest, lang);
}

function monthName(month: number, lang: DateLang): string {
  return MONTH_NAMES[lang][month - 1] ?? '';
}

function monthYear(year: string, month: number, lang: DateLang): string {
  return lang === 'es' ? `${monthName(month, lang)} de ${year}` : `${monthName(month, lang)} ${year}`;
}

function decadeText(first: string, lang: DateLang): string {
  return lang === 'es' ? `la década de ${first}` : `${first}s`;
}

function single(edtf: string, lang: DateLang): string | null {
  const season = SEASON.exec(edtf);
  if (season?.[1] && season[2]) {
    const name = SEASON_NAMES[lang][Number(season[2]) as 21 | 22 | 23 | 24];
    return `${name} ${WORDS[lang].of}${season[1]}`;
  }
  const decade = DECADE.exec(edtf);
  if (decade) return decadeText(`${decade[1]}0`, lang);
  const m = SINGLE.exec(edtf);
  if (!m?.[1]) return null;
  const [, year, month, day, mark] = m;
  let text = year;
  if (month && day) text = lang === 'es' ? `${Number(day)} de ${monthYear(year, Number(month), lang)}` : `${Number(day)} ${monthYear(year, Number(month), lang)}`;
  else if (month) text = monthYear(year, Number(month), lang);
  if (mark === '~') return `${WORDS[lang].circa} ${text}`;
  if (mark === '%') return `${WORDS[lang].circa} ${text}?`;
  return mark === '?' ? `${text}?` : text;
}

function qualified(q: Qualifier, text: string, lang: DateLang): string {
  return `${QUALIFIER_WORDS[lang][q]} ${text}`;
}

/** Recognises the intervals parseApproxDate builds for "early / mid / late …". */
function partOf(start: string, end: string, lang: DateLang): string | null {
  const days = /^(\d{4})-(\d{2})-(\d{2})$/;
  const [a, b] = [days.exec(start), days.exec(end)];
  if (a?.[1] && a[2] && b?.[1] && b[2] && a[1] === b[1] && a[2] === b[2]) {
    const [year, month, from, to] = [a[1], Number(a[2]), Number(a[3]), Number(b[3])];
    const q = from === 1 && to === 10 ? 'early' : from === 11 && to === 20 ? 'mid'
      : from === 21 && to === daysInMonth(Number(year), month) ? 'late' : null;
    if (q) return qualified(q, monthYear(year, month, lang), lang);
    const span = `${from}–${to}`;
    return lang === 'es' ? `${span} de ${monthYear(year, month, lang)}` : `${span} ${monthYear(year, month, lang)}`;
  }
  const months = /^(\d{4})-(\d{2})$/;
  const [c, d] = [months.exec(start), months.exec(end)];
  if (c?.[1] && d?.[1] && c[1] === d[1]) {
    const key = `${c[2]}-${d[2]}`;
    const q = key === '01-04' ? 'early' : key === '05-08' ? 'mid' : key === '09-12' ? 'late' : null;
    if (q) return qualified(q, c[1], lang);
  }
  if (/^\d{4}$/.test(start) && /^\d{4}$/.test(end)) {
    const [from, to] = [Number(start), Number(end)];
    const decade = from - (from % 10);
    const key = `${from - decade}-${to - decade}`;
    const q = key === '0-3' ? 'early' : key === '4-6' ? 'mid' : key === '7-9' ? 'late' : null;
    if (q) return qualified(q, decadeText(String(decade), lang), lang);
  }
  return null;
}

function formatEdtf(edtf: string, lang: DateLang): string | null {
  const parts = edtf.split('/');
  if (parts.length === 1) return single(edtf, lang);
  const [start, end] = parts;
  if (parts.length !== 2 || start === undefined || end === undefined) return null;
  const open = (s: string): boolean => s === '' || s === '..';
  if (open(start) && open(end)) return null;
  if (open(start)) {
    const text = single(end, lang);
    return text && `${WORDS[lang].until} ${text}`;
  }
  if (open(end)) {
    const text = single(start, lang);
    return text && `${WORDS[lang].from} ${text}`;
  }
  const part = partOf(start, end, lang);
  if (part) return part;
  const [a, b] = [single(start, lang), single(end, lang)];
  return a && b ? `${a} – ${b}` : null;
}

function formatBounds(earliest: string, latest: string, lang: DateLang): string {
  const a = single(earliest, lang) ?? earliest;
  if (earliest === latest) return a;
  return partOf(earliest, latest, lang) ?? `${a} – ${single(latest, lang) ?? latest}`;
}
