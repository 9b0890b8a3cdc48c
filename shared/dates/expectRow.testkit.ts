import { parse } from 'edtf';
import { expect } from 'vitest';
import type { ParseApproxDateOptions } from './dateParseTypes';
import { parseApproxDate } from './parseApproxDate';
import type { ApproxDate } from './types';

/** One expected reading: input, EDTF, bounds, precision. Shared by the parser's test files. */
export type Row = [input: string, edtf: string, earliest: string, latest: string, precision: ApproxDate['precision']];

export function expectRow([input, edtf, earliest, latest, precision]: Row, opts?: ParseApproxDateOptions): void {
  const r = parseApproxDate(input, opts);
  if (!r.ok) throw new Error(`${input}: ${r.error.code} (${r.error.text})`);
  expect(r.value).toEqual({ label: input.trim(), edtf, earliest, latest, precision });
  // What we store must be EDTF that other tools can read back.
  expect(() => parse(edtf)).not.toThrow();
}
