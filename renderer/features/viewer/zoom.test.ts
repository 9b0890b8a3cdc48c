import { describe, expect, it } from 'vitest';
import { CSS_UNITS, MAX_CANVAS_PIXELS, cssScale, outputRatio, stepZoom } from './zoom';

describe('zoom', () => {
  it('fits the page to the available width, or uses the fixed zoom', () => {
    expect(cssScale('fit', 600, 900)).toBe(1.5);
    expect(cssScale(2, 600, 900)).toBe(2 * CSS_UNITS);
  });

  it('keeps the device pixel ratio while the canvas is within budget, and lowers it beyond', () => {
    expect(outputRatio(800, 1000, 2)).toBe(2);
    const ratio = outputRatio(3000, 4000, 2);
    expect(ratio).toBeLessThan(2);
    expect(3000 * ratio * 4000 * ratio).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    expect(outputRatio(20_000, 100, 1) * 20_000).toBeLessThanOrEqual(16_384);
  });

  it('steps between the zoom levels and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(3, 1)).toBe(3);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });
});
