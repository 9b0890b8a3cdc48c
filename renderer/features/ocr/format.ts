import type { MessageKey, Params } from '../../i18n';
import type { Translator } from '../../i18n/useT';

/** Keys that come in '.one' / '.other' forms. */
type PluralBase<K> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
export type PluralKey = PluralBase<MessageKey>;

/**
 * The message for a count in the UI language's plural rules (Intl.PluralRules): English and
 * Spanish have 'one' and 'other' (Spanish's 'many', for millions, reads as 'other').
 */
export function plural(t: Translator, base: PluralKey, count: number, params: Params = {}): string {
  const rule = new Intl.PluralRules(t.lang).select(count);
  return t(`${base}.${rule === 'one' ? 'one' : 'other'}` as MessageKey, { count, ...params });
}

/** "3 min", "1 h 20 min" in the UI language (Intl unit formatting), or null under a minute. */
export function formatDuration(seconds: number, lang: string): string | null {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return null;
  const unit = (value: number, u: 'hour' | 'minute') => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (minutes < 60) return unit(minutes, 'minute');
  const rest = minutes % 60;
  return rest ? `${unit(Math.floor(minutes / 60), 'hour')} ${unit(rest, 'minute')}` : unit(minutes / 60, 'hour');
}

/** "about 3 min left" / "less than a minute left" / "working out the time left…". */
export function timeLeftText(t: Translator, seconds: number | null): string {
  if (seconds === null) return t('ocr.left.estimating');
  const time = formatDuration(seconds, t.lang);
  return time ? t('ocr.left', { time }) : t('ocr.left.soon');
}

/** 'spa+eng' → "Spanish + English". */
export function languagesText(t: Translator, languages: string): string {
  return languages.split('+').map((code) => (code === 'spa' || code === 'eng' ? t(`ocr.lang.${code}`) : code)).join(' + ');
}
