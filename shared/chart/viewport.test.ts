import { describe, expect, it } from 'vitest';
import { fitViewport, hitNode, nodeInDirection, toScreen, zoomAt } from './viewport';

const positions = new Map([['c', { x: 0, y: 0 }], ['r', { x: 100, y: 10 }], ['far', { x: 300, y: 0 }], ['u', { x: 5, y: -80 }], ['diag', { x: 60, y: 90 }]]);
const ids = [...positions.keys()];

describe('chart viewport', () => {
  it('fits every node in the box and zooms about the pointer', () => {
    const v = fitViewport(positions.values(), 800, 600);
    for (const p of positions.values()) {
      const s = toScreen(v, p);
      expect(s.x).toBeGreaterThanOrEqual(39.9); expect(s.x).toBeLessThanOrEqual(760.1);
      expect(s.y).toBeGreaterThanOrEqual(39.9); expect(s.y).toBeLessThanOrEqual(560.1);
    }
    const z = zoomAt(v, 2, 200, 100);
    const before = { x: (200 - v.x) / v.k, y: (100 - v.y) / v.k };
    expect(toScreen(z, before).x).toBeCloseTo(200); expect(toScreen(z, before).y).toBeCloseTo(100);
  });

  it('moves by arrow keys to the nearest node that way, and finds the node under the pointer', () => {
    expect(nodeInDirection('c', 'right', ids, positions)).toBe('r');
    expect(nodeInDirection('c', 'up', ids, positions)).toBe('u');
    expect(nodeInDirection('c', 'down', ids, positions)).toBe('diag');
    expect(nodeInDirection('c', 'left', ids, positions)).toBeNull();
    const v = { x: 0, y: 0, k: 2 };
    expect(hitNode(v, ids, positions, 201, 21, 12)).toBe('r');
    expect(hitNode(v, ids, positions, 150, 150, 12)).toBeNull();
  });
});
