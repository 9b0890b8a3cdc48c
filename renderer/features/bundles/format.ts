import type { BundlePhase, BundleProgress } from '../../bundle/types';
import type { Language, MessageKey } from '../../i18n';
import { formatBytes } from '../../i18n/formatBytes';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const BYTE_PHASES: ReadonlySet<BundlePhase> = new Set(['reading', 'writing', 'encrypting', 'decrypting', 'saving']);

/** "Writing the bundle… 12 MB of 40 MB"; item phases count records instead of bytes. */
export function progressText(progress: BundleProgress, t: Translate, lang: Language): string {
  const phase = t(`bundles.phase.${progress.phase}`);
  if (progress.total <= 0) return phase;
  const amount = BYTE_PHASES.has(progress.phase)
    ? t('bundles.progress.bytes', { done: formatBytes(progress.done, lang), total: formatBytes(progress.total, lang) })
    : t('bundles.progress.items', { done: new Intl.NumberFormat(lang).format(progress.done), total: new Intl.NumberFormat(lang).format(progress.total) });
  return `${phase} ${amount}`;
}

/** A file name part from a case name: "Shining Path — VRAEM" → "shining-path-vraem". */
export function slugify(name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'casefile';
}

/** `vraem-2026-11-27.ftm`, dated in UTC like the bundles' names. */
export function exportFileName(caseName: string, extension: string, now: number): string {
  return `${slugify(caseName)}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
