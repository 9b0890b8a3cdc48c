import type { PaintSummary } from './pageState';

/** pdf.js's operator codes this reads (the `OPS` export), passed in with the pdf.js module. */
export type OpCodes = Record<
  | 'save' | 'restore' | 'transform' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd' | 'constructPath' | 'shadingFill'
  | 'paintImageXObject' | 'paintInlineImageXObject' | 'paintImageMaskXObject' | 'paintImageXObjectRepeat'
  | 'paintImageMaskXObjectRepeat' | 'paintImageMaskXObjectGroup' | 'paintInlineImageXObjectGroup' | 'paintSolidColorImageMask',
  number
>;

/** `page.getOperatorList()`'s result, reduced to what is read here. */
export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: readonly unknown[]): Matrix {
  const [a, b, c, d, e, f] = n.map(Number) as Matrix;
  if (![a, b, c, d, e, f].every(Number.isFinite)) return m;
  return [
    a * m[0] + b * m[2], a * m[1] + b * m[3],
    c * m[0] + d * m[2], c * m[1] + d * m[3],
    e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5],
  ];
}

/** Area in user space of the unit square an image is drawn into. */
const unitArea = (m: Matrix) => Math.abs(m[0] * m[3] - m[1] * m[2]);

/**
 * What a page paints besides text: images (with the share of the page they cover, from
 * the transformation in force when each is drawn) and vector paths. `pageArea` is the
 * page's size in user space (width × height of its view box). Annotations' appearances
 * are not in the list when it was asked for with `AnnotationMode.DISABLE`.
 */
export function paintSummary({ fnArray, argsArray }: OperatorListLike, ops: OpCodes, pageArea: number): PaintSummary {
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let covered = 0;
  let images = 0;
  let paths = 0;
  const image = (area: number) => {
    images++;
    covered += area;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save: stack.push(ctm); break;
      case ops.restore: ctm = stack.pop() ?? ctm; break;
      case ops.transform: ctm = multiply(ctm, args); break;
      case ops.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as unknown[]);
        break;
      case ops.paintFormXObjectEnd: ctm = stack.pop() ?? ctm; break;
      case ops.constructPath: case ops.shadingFill: paths++; break;
      case ops.paintImageXObject: case ops.paintInlineImageXObject: case ops.paintImageMaskXObject: case ops.paintSolidColorImageMask:
        image(unitArea(ctm));
        break;
      case ops.paintImageXObjectRepeat: case ops.paintImageMaskXObjectRepeat: {
        // [objId | image, scaleX, scaleY, positions]: one unit square per position pair.
        const scale = Math.abs(Number(args[1]) * Number(args[2])) || 1;
        const positions = args[3] as ArrayLike<number> | undefined;
        image(unitArea(ctm) * scale * Math.max(1, Math.floor((positions?.length ?? 2) / 2)));
        break;
      }
      case ops.paintImageMaskXObjectGroup: case ops.paintInlineImageXObjectGroup: {
        // Each entry carries its own transform; counted as the current one, once per entry.
        const group = (Array.isArray(args[0]) ? args[0] : args[1]) as unknown[] | undefined;
        image(unitArea(ctm) * Math.max(1, Array.isArray(group) ? group.length : 1));
        break;
      }
      default: break;
    }
  }
  const imageCoverage = pageArea > 0 ? Math.min(1, covered / pageArea) : images > 0 ? 1 : 0;
  return { imageCoverage, images, paths };
}
