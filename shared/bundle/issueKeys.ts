import { V } from '../model';

/**
 * Every message key a bundle refusal's issues can carry (RecordIssue.message), so the screens
 * can say each in plain words in every language (a test holds renderer/i18n to it). Schema
 * problems the model's schemas name are `validation.*` keys (V); the reader's own checks are
 * `bundle.*`; zod's own text for a problem no schema names (a list where a record belongs in a
 * hand-edited bundle) is mapped by zod's issue code to one of SCHEMA_KEYS (schemaIssueKey).
 */
export const BUNDLE_ISSUE_KEYS = [
  'bundle.notAList',
  'bundle.missingDocument',
  'bundle.missingFile',
  'bundle.fileSizeMismatch',
  'bundle.unusedFile',
  'bundle.missingCase',
  'bundle.missingActor',
  'bundle.missingEvent',
  'bundle.tooManyPages',
  'bundle.pagesNameMismatch',
  'bundle.pageOutsideDocument',
  'bundle.tooLarge',
  'bundle.ocrIndex',
  'bundle.ocrState',
] as const;

export const SCHEMA_KEYS = {
  invalid_type: 'validation.wrongType',
  too_big: 'validation.tooBig',
  too_small: 'validation.tooSmall',
  unrecognized_keys: 'validation.unknownField',
  other: 'validation.invalidValue',
} as const;

export const ISSUE_KEYS: readonly string[] = [...Object.values(V), ...BUNDLE_ISSUE_KEYS, ...Object.values(SCHEMA_KEYS)];
const known = new Set(ISSUE_KEYS);

/** A zod issue as one of ISSUE_KEYS: the schema's own key when it gave one, else by zod's issue code. */
export function schemaIssueKey(issue: { code: string; message: string }): string {
  if (known.has(issue.message)) return issue.message;
  return (SCHEMA_KEYS as Record<string, string>)[issue.code] ?? SCHEMA_KEYS.other;
}

/** Anything outside ISSUE_KEYS is reported as an invalid value rather than as raw text. */
export const knownIssueKey = (message: string): string => (known.has(message) ? message : SCHEMA_KEYS.other);
