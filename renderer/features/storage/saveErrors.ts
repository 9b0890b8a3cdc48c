import { isDiskFull } from '../../db/storageErrors';
import type { Language } from '../../i18n';
import { translate } from '../../i18n';

/** "The disk is full: “name” was not saved. Free some space and try again." (or "the record" without a name). */
export function diskFullText(lang: Language, name?: string): string {
  const trimmed = name?.trim();
  return diskFullSaying(lang, trimmed ? translate(lang, 'storage.diskFull.quoted', { name: trimmed }) : translate(lang, 'storage.diskFull.record'));
}

/** The same sentence around words of the caller's ("the citation of page 3"), already translated. */
export function diskFullSaying(lang: Language, what: string): string {
  return translate(lang, 'storage.diskFull', { what });
}

/**
 * What a failed record save says: a full disk in plain words (the form keeps what was
 * typed, and nothing was written: each save is one transaction), anything else quoted.
 */
export function saveFailedText(error: unknown, lang: Language, name?: string): string {
  if (isDiskFull(error)) return diskFullText(lang, name);
  return translate(lang, 'error.saveFailed', { reason: error instanceof Error ? error.message : String(error) });
}
