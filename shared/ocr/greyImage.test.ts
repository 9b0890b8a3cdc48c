import { describe, expect, it } from 'vitest';
import { IMAGE_KIND, isRawImage, rawToGrey, rawToRgba } from './greyImage';

describe('grey from pdf.js raw images', () => {
  it('reads 1-bit images with padded rows (0 = black)', () => {
    // 10 × 2: row 0 all black but the last two pixels, row 1 all white
    const data = new Uint8Array([0b00000000, 0b11000000, 0b11111111, 0b11000000]);
    const out = new Uint8Array(3 + 20);
    const dark = rawToGrey({ kind: IMAGE_KIND.GRAYSCALE_1BPP, width: 10, height: 2, data }, out, 3);
    expect(dark).toBe(8);
    expect([...out.subarray(3, 13)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 255, 255]);
    expect([...out.subarray(13)]).toEqual(Array(10).fill(255));
  });

  it('takes Rec. 601 luma of RGB, and of RGBA on white', () => {
    const out = new Uint8Array(2);
    rawToGrey({ kind: IMAGE_KIND.RGB_24BPP, width: 2, height: 1, data: new Uint8Array([255, 0, 0, 10, 10, 10]) }, out, 0);
    expect([...out]).toEqual([(255 * 77) >> 8, 10]);
    rawToGrey({ kind: IMAGE_KIND.RGBA_32BPP, width: 2, height: 1, data: new Uint8Array([0, 0, 0, 0, 0, 0, 0, 255]) }, out, 0);
    expect([...out]).toEqual([255, 0]); // transparent black is the white page
  });

  it('leaves what a truncated image lacks white, and converts to RGBA for drawing', () => {
    const out = new Uint8Array(4);
    expect(rawToGrey({ kind: IMAGE_KIND.RGB_24BPP, width: 2, height: 2, data: new Uint8Array([0, 0, 0]) }, out, 0)).toBe(1);
    expect([...out]).toEqual([0, 255, 255, 255]);
    const rgba = rawToRgba({ kind: IMAGE_KIND.GRAYSCALE_1BPP, width: 2, height: 1, data: new Uint8Array([0b01000000]) });
    expect([...rgba]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect(isRawImage({ kind: 2, width: 1, height: 1, data: new Uint8ClampedArray(3) })).toBe(true);
    expect(isRawImage({ bitmap: {}, width: 1, height: 1 })).toBe(false);
  });
});
