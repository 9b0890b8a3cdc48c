import type { ApproxDate } from '../../../shared/dates/types';
import { formatApproxDate, parseApproxDate } from '../../../shared/dates';
import type { Language } from '../../i18n';

/** What the source said ("late August 2019"), else words built from the date. */
export function dateText(date: ApproxDate, lang: Language): string {
  return formatApproxDate(date, lang);
}

/** The days a filter box covers: "2019" is all of 2019; empty is no bound; unreadable is null. */
export function readFilterDate(text: string, lang: Language): { earliest: string; latest: string } | undefined | null {
  if (text.trim() === '') return undefined;
  const result = parseApproxDate(text, { lang });
  return result.ok ? { earliest: result.value.earliest, latest: result.value.latest } : null;
}
