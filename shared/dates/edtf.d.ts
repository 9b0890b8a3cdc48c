// edtf@4.11.1 (github.com/inukshuk/edtf.js) ships plain JS without typings; this declares
// only what parseEdtf.ts uses. Referenced from there with a triple-slash directive so that
// every program compiling parseEdtf.ts (shared, renderer, tests) sees it.
declare module 'edtf' {
  /** One node of edtf.js's parse tree. Months in `values` are 0-based, as in JS Date. */
  export interface EdtfNode {
    /** Absent on some nested nodes (e.g. `199X` inside an interval): those are dates. */
    type?: 'Date' | 'Year' | 'Decade' | 'Century' | 'Season' | 'Interval' | 'Set' | 'List';
    level?: number;
    values: Array<number | EdtfNode | null | undefined>;
    /** `true`, or a component bitmask for level-2 qualification such as `2004-~06`. */
    approximate?: boolean | number;
    uncertain?: boolean | number;
    /** Bitmask of `X` digits. */
    unspecified?: number;
  }

  export interface EdtfConstraints {
    level?: 0 | 1 | 2 | 3;
    types?: string[];
  }

  /** Throws a SyntaxError-like Error when the input is not EDTF. */
  export function parse(input: string, constraints?: EdtfConstraints): EdtfNode;

  export interface ExtDateTime {
    readonly type: string;
    readonly edtf: string;
    /** Bounds as UTC epoch milliseconds; ±Infinity or null on open / unknown interval ends. */
    readonly min: number | null;
    readonly max: number | null;
  }

  /** Builds the typed object for a string or for a node from `parse`. */
  export default function edtf(input: string | EdtfNode): ExtDateTime;
}
