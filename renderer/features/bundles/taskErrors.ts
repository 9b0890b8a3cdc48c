import type { MessageKey } from '../../i18n';

/** Worker and collection failures the screens say in the user's language (renderer/bundle's codes). */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  'disk-full': 'bundles.task.disk-full',
  changed: 'bundles.task.changed',
  'id-clash': 'bundles.task.id-clash',
  'unknown-token': 'bundles.task.unknown-token',
  'empty-library': 'bundles.task.empty-library',
  'case-missing': 'bundles.task.case-missing',
  crashed: 'bundles.task.crashed',
  'too-large': 'bundles.task.too-large',
};

/** Plain words for a failed export or import: translated when its code is known, else its own message. */
export function taskErrorText(error: unknown, t: (key: MessageKey) => string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  const key = typeof code === 'string' ? KNOWN[code] : undefined;
  if (key) return t(key);
  return error instanceof Error ? error.message : String(error);
}
