import { describe, expect, it } from 'vitest';
import type { Toast } from './store';
import { withToast } from './store';

const toast = (id: number, message: string, extra: Partial<Toast> = {}): Toast => ({ id, message, tone: 'info', ...extra });

describe('withToast', () => {
  it('replaces an identical message instead of stacking it', () => {
    let list: Toast[] = [];
    for (let id = 1; id <= 4; id++) list = withToast(list, toast(id, 'Saved.'));
    expect(list).toEqual([toast(4, 'Saved.')]);
  });
  it('keeps different messages, errors apart from infos, and every toast with an action', () => {
    const undo = { label: 'Undo', run: () => undefined };
    let list = withToast([], toast(1, 'Saved.'));
    list = withToast(list, toast(2, 'Saved.', { tone: 'error' }));
    list = withToast(list, toast(3, 'Moved to trash.', { action: undo }));
    list = withToast(list, toast(4, 'Moved to trash.', { action: undo }));
    expect(list.map((x) => x.id)).toEqual([1, 2, 3, 4]);
    expect(withToast(list, toast(5, 'Other.')).map((x) => x.id)).toEqual([2, 3, 4, 5]);
  });
});
