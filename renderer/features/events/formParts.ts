/** Shared plumbing of the event form's sub-forms. */

/** The translated message for a field's path, if it has a problem. */
export type ErrorOf = (path: string) => string | undefined;

export function replaceAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
