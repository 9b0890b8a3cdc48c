import type { ApproxDateResult, Failure, ParseApproxDateOptions } from './dateParseTypes';
import { parseEdtf } from './parseEdtf';
import { parseNatural } from './parseNatural';
import type { Span } from './spans';

/**
 * Reads a date as a source states it: EDTF / ISO (`1992-09`, `199X`, `1990/1993`,
 * `../1992`) or words in English or Spanish ("late August 2018", "finales de agosto de
 * 2018", "circa 1992", "between 1980 and 2000"). The label keeps the input as typed.
 */
export function parseApproxDate(input: string, opts: ParseApproxDateOptions = {}): ApproxDateResult {
  const label = input.trim();
  if (!label) return failed({ code: 'empty', text: '' }, label);

  const edtf = parseEdtf(label);
  if (edtf !== null && !('code' in edtf)) return succeeded(edtf, label);
  // Valid EDTF syntax that we still refuse (`-0100`, `1993/1990`) must not be re-read as words.
  if (edtf !== null && (edtf.code === 'out-of-range' || edtf.code === 'reversed-range')) return failed(edtf, label);
  const words = parseNatural(label, opts);
  if (!('code' in words)) return succeeded(words, label);
  // EDTF-shaped input refused for a calendar reason ("1992-02-30") is better explained
  // by that reason than by "unrecognised" from the word reader.
  return failed(edtf !== null && words.code === 'unrecognised' ? edtf : words, label);
}

function succeeded(span: Span, label: string): ApproxDateResult {
  const { edtf, earliest, latest, precision } = span;
  return { ok: true, value: { label, edtf, earliest, latest, precision } };
}

function failed(failure: Failure, input: string): ApproxDateResult {
  return { ok: false, error: { code: failure.code, text: failure.text, input } };
}
