import { describe, expect, it } from 'vitest';
import { bitmapToDevice, multiply, pixelAligned, singleImage } from './pageImage';

const OPS = { dependency: 1, save: 10, restore: 11, transform: 12, paintImageXObject: 85 };
const TEXT = 44; // showText
const list = (...ops: Array<[number, unknown[] | null]>) => ({ fn: ops.map(([f]) => f), args: ops.map(([, a]) => a) });
const apply = (m: number[], x: number, y: number) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];

describe('singleImage', () => {
  it('finds the one image of a scanned page and where its unit square lies', () => {
    const { fn, args } = list([OPS.dependency, ['img_p0_1']], [OPS.save, null], [OPS.transform, [612, 0, 0, 792, 0, 0]], [OPS.paintImageXObject, ['img_p0_1', 2550, 3300]], [OPS.restore, null]);
    expect(singleImage(fn, args, OPS)).toEqual({ objId: 'img_p0_1', transform: [612, 0, 0, 792, 0, 0] });
  });

  it('composes nested transforms', () => {
    const { fn, args } = list([OPS.save, null], [OPS.transform, [1, 0, 0, 1, 10, 20]], [OPS.save, null], [OPS.transform, [100, 0, 0, 200, 0, 0]], [OPS.paintImageXObject, ['g_d0_img_1', 1, 1]], [OPS.restore, null], [OPS.restore, null]);
    expect(singleImage(fn, args, OPS)?.transform).toEqual([100, 0, 0, 200, 10, 20]);
  });

  it('answers null for pages with anything else on them, two images, or no image', () => {
    const img: [number, unknown[]] = [OPS.paintImageXObject, ['img_1', 10, 10]];
    expect(singleImage(...Object.values(list([TEXT, [[]]], img)) as [number[], unknown[]], OPS)).toBeNull();
    expect(singleImage(...Object.values(list(img, [OPS.paintImageXObject, ['img_2', 10, 10]])) as [number[], unknown[]], OPS)).toBeNull();
    expect(singleImage(...Object.values(list([OPS.save, null], [OPS.restore, null])) as [number[], unknown[]], OPS)).toBeNull();
    expect(singleImage(...Object.values(list([OPS.transform, [0, 0, 0, 0, 0, 0]], img)) as [number[], unknown[]], OPS)).toBeNull();
  });
});

describe('bitmapToDevice', () => {
  it('puts bitmap row 0 at the top of the page and fills it at the render scale', () => {
    const scale = 300 / 72;
    const viewport = [scale, 0, 0, -scale, 0, 792 * scale]; // pdf.js, /Rotate 0, view [0 0 612 792]
    const m = bitmapToDevice(viewport, [612, 0, 0, 792, 0, 0], 2550, 3300);
    expect(apply(m, 0, 0).map(Math.round)).toEqual([0, 0]);
    expect(apply(m, 2550, 3300).map(Math.round)).toEqual([2550, 3300]);
    expect(pixelAligned(m, 2550, 3300)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('turns the bitmap with the page (a /Rotate 90 viewport)', () => {
    const s = 2;
    const viewport = multiply([0, s, s, 0, 0, 0], [1, 0, 0, 1, 0, 0]); // pdf.js's rotate-90 viewport of view [0 0 100 50]
    const m = bitmapToDevice(viewport, [100, 0, 0, 50, 0, 0], 100, 50);
    // the bitmap's top-left corner (image top = user y 50) lands at device (100, 0)
    expect(apply(m, 0, 0)).toEqual([100, 0]);
    expect(pixelAligned(m, 100, 50)).toBeNull();
  });

  it('does not snap a bitmap that must be scaled', () => {
    const viewport = [1, 0, 0, -1, 0, 792];
    expect(pixelAligned(bitmapToDevice(viewport, [612, 0, 0, 792, 0, 0], 1275, 1650), 1275, 1650)).toBeNull();
  });
});
