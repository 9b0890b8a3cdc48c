import type { z } from 'zod';

/** One problem with a record, at a path such as `names.1.name`, as a message key. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Runs a schema and returns issues keyed by dotted path, ready for inline form messages. */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Our schemas carry message keys; anything else (a type mismatch deep in a
    // hand-edited bundle, say) falls back to zod's own text.
    message: issue.message,
  }));
  return { ok: false, issues };
}

export function issuesByPath(issues: readonly FieldIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) if (!map.has(issue.path)) map.set(issue.path, issue.message);
  return map;
}
