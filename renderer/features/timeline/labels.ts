import type { Tick, TimelineItem } from '../../../shared/timeline';
import { isoFromDayIndex } from '../../../shared/dates';
import type { Translator } from '../../i18n/useT';

/** Axis labels in the UI language: "12 Aug", "Aug 2019", "2019", "1990s". */
export function tickLabeller(lang: string): (tick: Tick) => string {
  const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const at = (tk: Tick) => { const d = new Date(0); d.setUTCFullYear(tk.year, tk.month - 1, tk.day); return d; };
  return (tk) => {
    switch (tk.unit) {
      case 'day': case 'week': return tk.day === 1 && tk.month === 1 ? `${dayMonth.format(at(tk))} ${tk.year}` : dayMonth.format(at(tk));
      case 'month': case 'quarter': return tk.month === 1 ? monthYear.format(at(tk)) : month.format(at(tk));
      case 'year': case 'year5': return String(tk.year);
      default: return String(tk.year);
    }
  };
}

/** What hover and focus show: the title and the date as the source put it, and that it is approximate. */
export function describeItem(t: Translator, it: TimelineItem): string {
  const parts = [`${it.title} — ${it.dateLabel}`];
  if (!it.exact) parts.push(`(${isoFromDayIndex(it.start)} … ${isoFromDayIndex(it.end - 1)}${it.openEnd ? `, ${t('timeline.openEnd')}` : ''}${it.openStart ? `, ${t('timeline.openStart')}` : ''})`);
  return parts.join(' ');
}
