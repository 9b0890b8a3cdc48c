import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isDiskFull } from './storageErrors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isDiskFull', () => {
  it('recognises the browser\'s QuotaExceededError', () => {
    expect(isDiskFull(quota())).toBe(true);
  });

  it('recognises it inside Dexie\'s wrappings', () => {
    expect(isDiskFull(new Dexie.QuotaExceededError('full'))).toBe(true);
    // A failed request aborts its transaction: Dexie reports AbortError with the cause inside.
    expect(isDiskFull(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isDiskFull(new Error('write failed', { cause: new Dexie.AbortError('aborted', quota()) }))).toBe(true);
  });

  it('recognises it by name when only the message survived (a worker boundary)', () => {
    expect(isDiskFull(new Error('AbortError: QuotaExceededError: The quota has been exceeded.'))).toBe(true);
  });

  it('does not call other failures a full disk', () => {
    expect(isDiskFull(new DOMException('cancelled', 'AbortError'))).toBe(false);
    expect(isDiskFull(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isDiskFull(new Dexie.ConstraintError('duplicate key'))).toBe(false);
    expect(isDiskFull(new Error('worker said no'))).toBe(false);
    expect(isDiskFull('QuotaExceeded? no, a string')).toBe(false);
    expect(isDiskFull(null)).toBe(false);
  });

  it('does not loop on an error that wraps itself', () => {
    const e = new Error('loop') as Error & { inner?: unknown };
    e.inner = e;
    expect(isDiskFull(e)).toBe(false);
  });
});
