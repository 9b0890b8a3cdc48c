import { describe, expect, it } from 'vitest';
import { stepOption } from './listbox';

describe('stepOption', () => {
  const ids = ['a', 'b', 'c'];
  it('starts at the first going down and the last going up', () => {
    expect(stepOption(ids, null, 1)).toBe('a');
    expect(stepOption(ids, null, -1)).toBe('c');
  });
  it('moves and wraps round', () => {
    expect(stepOption(ids, 'a', 1)).toBe('b');
    expect(stepOption(ids, 'c', 1)).toBe('a');
    expect(stepOption(ids, 'a', -1)).toBe('c');
  });
  it('restarts when the active option is gone, and has nothing to offer in an empty list', () => {
    expect(stepOption(ids, 'z', 1)).toBe('a');
    expect(stepOption([], 'a', 1)).toBeNull();
  });
});
