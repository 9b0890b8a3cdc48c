import { describe, expect, it } from 'vitest';
import { ocrRenderSize } from './scale';

describe('ocrRenderSize', () => {
  it('renders a letter page at 300 dpi', () => {
    expect(ocrRenderSize(612, 792)).toEqual({ scale: 300 / 72, dpi: 300, width: 2550, height: 3300 });
  });

  it('lowers the resolution of a large page to stay within 5000 px on the long side', () => {
    const size = ocrRenderSize(1224, 1584); // tabloid ×2: 300 dpi would be 5100 × 6600
    expect(size.height).toBeLessThanOrEqual(5000);
    expect(size.dpi).toBeCloseTo((5000 / 1584) * 72, 1);
  });

  it('lowers it to stay within 25 megapixels', () => {
    const size = ocrRenderSize(1500, 1500, { maxSide: 10_000 }); // a square poster: 6250 px a side at 300 dpi
    expect(size.width * size.height).toBeLessThanOrEqual(25_000_000);
    expect(size.width).toBeGreaterThanOrEqual(4999);
  });

  it('honours a lower dpi asked for, and refuses a page without area', () => {
    expect(ocrRenderSize(612, 792, { dpi: 150 }).width).toBe(1275);
    expect(() => ocrRenderSize(0, 792)).toThrow(/Invalid page size/);
  });
});
