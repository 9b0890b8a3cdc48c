import { describe, expect, it } from 'vitest';
import { matchShortcut } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('matchShortcut', () => {
  it('Ctrl/Cmd+K focuses the global search, even while typing', () => {
    expect(matchShortcut(key('k', { ctrlKey: true }), true)?.action).toBe('focus-search');
    expect(matchShortcut(key('K', { metaKey: true }), false)?.action).toBe('focus-search');
  });
  it('"/" focuses the list filter; letters open new records; none of them while typing', () => {
    expect(matchShortcut(key('/'), false)?.action).toBe('focus-filter');
    expect(matchShortcut(key('a'), false)?.action).toBe('new-actor');
    expect(matchShortcut(key('e'), false)?.action).toBe('new-event');
    expect(matchShortcut(key('/'), true)).toBeUndefined();
    expect(matchShortcut(key('a', { ctrlKey: true }), false)).toBeUndefined();
    expect(matchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
  });
});
