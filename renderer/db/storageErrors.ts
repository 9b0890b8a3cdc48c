/**
 * The one classifier of storage failures. A full disk (or a used-up browser quota)
 * reaches us in several shapes: a DOMException named 'QuotaExceededError' from an
 * IndexedDB request, the transaction's AbortError whose cause it was, or Dexie's
 * wrapping of either (Dexie.QuotaExceededError, or AbortError with the DOMException in
 * `inner`). Record saves, PDF imports and bundle imports all ask this function, so each
 * can say "the disk is full" in plain words instead of quoting the browser.
 */

const QUOTA_NAME = 'QuotaExceededError';
/** The legacy DOMException code for QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;
/** How deep to follow inner/cause: Dexie wraps once or twice; a cycle must not hang us. */
const MAX_DEPTH = 6;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** True when the error, or any error it wraps, says the disk or the quota is full. */
export function isDiskFull(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || depth > MAX_DEPTH || seen.has(e)) return false;
    seen.add(e);
    const err = e as ErrorLike;
    if (err.name === QUOTA_NAME) return true;
    if (err.code === QUOTA_CODE && typeof DOMException !== 'undefined' && e instanceof DOMException) return true;
    // Dexie's AbortError keeps the cause's name in its message ("QuotaExceededError: …").
    if (typeof err.message === 'string' && err.message.includes(QUOTA_NAME)) return true;
    // Dexie's BulkError lists per-item failures.
    const failures = Array.isArray(err.failures) ? err.failures : [];
    return visit(err.inner, depth + 1) || visit(err.cause, depth + 1) || failures.some((f) => visit(f, depth + 1));
  };
  return visit(error, 0);
}
