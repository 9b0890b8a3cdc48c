import { describe, expect, it } from 'vitest';
import { priorityIdle, priorityInFlight, withPriority } from './readPriority';

describe('readPriority', () => {
  it('holds background readers while a priority read is in flight, and lets them go when the last one settles', async () => {
    const order: string[] = [];
    let finishA!: () => void;
    let finishB!: () => void;
    const a = withPriority(() => new Promise<void>((r) => { finishA = r; }).then(() => order.push('a')));
    const b = withPriority(() => new Promise<void>((r) => { finishB = r; }).then(() => { order.push('b'); throw new Error('read failed'); }));
    expect(priorityInFlight()).toBe(2);
    const background = priorityIdle().then(() => order.push('background'));
    finishA();
    await a;
    await Promise.resolve();
    expect(order).toEqual(['a']);
    finishB();
    await expect(b).rejects.toThrow('read failed');
    await background;
    expect(order).toEqual(['a', 'b', 'background']);
    expect(priorityInFlight()).toBe(0);
    await priorityIdle();
  });
});
