import type { Language } from './index';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1,536 → "1.5 KB" ("1,5 KB" in Spanish): binary units, one decimal past bytes, in the user's number format. */
export function formatBytes(bytes: number, lang: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) { value /= 1024; unit++; }
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
