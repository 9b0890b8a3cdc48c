/**
 * An approximate date as a source states it.
 *
 * Field research rarely has exact days: "late August 2018", "early 1990s", "circa 1992".
 * We keep what the source said (`label`), a machine form in EDTF (ISO 8601-2, `edtf`),
 * and the computed bounds used for sorting and filtering (`earliest`, `latest`, both
 * inclusive ISO calendar days `YYYY-MM-DD`).
 */
export interface ApproxDate {
  /** The wording the user or source used, shown back as typed. */
  label: string;
  /** EDTF form, e.g. `2018-08-21/2018-08-31`, `199X`, `1992~`, `1992-09-12`. */
  edtf: string;
  /** Earliest possible day, inclusive, `YYYY-MM-DD`. */
  earliest: string;
  /** Latest possible day, inclusive, `YYYY-MM-DD`. */
  latest: string;
  /** How precise the date is; drives display and ACLED's time_precision. */
  precision: DatePrecision;
}

export type DatePrecision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'range' | 'unknown';
