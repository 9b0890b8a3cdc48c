import type { Translator } from '../../i18n/useT';
/** The one plural helper lives in renderer/i18n; re-exported for the OCR views that import it from here. */
export { plural, type PluralKey } from '../../i18n/plural';

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
