import { cleanText } from './normalise';
import type { PageAnnotation } from './types';

/** A page keeps at most this many annotation texts, each at most this long: form-heavy pages stay bounded. */
export const MAX_ANNOTATIONS_PER_PAGE = 500;
export const MAX_ANNOTATION_TEXT = 10_000;

/** The fields of `page.getAnnotations()` entries read here (pdf.js gives plain objects). */
export interface RawAnnotation {
  id?: string;
  subtype?: string;
  fieldType?: string;
  fieldName?: string;
  alternativeText?: string;
  fieldValue?: unknown;
  exportValue?: unknown;
  buttonValue?: unknown;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  password?: boolean;
  options?: Array<{ exportValue?: unknown; displayValue?: unknown }>;
  contentsObj?: { str?: unknown };
  titleObj?: { str?: unknown };
  popupRef?: string | null;
  parentId?: string | null;
}

/** Checkbox and radio export values that say only "on": the label says what was ticked. */
const MEANINGLESS_EXPORT = /^(?:yes|on|off|true|false|1|0|x|s[ií]|no|check|checked|ok)$/i;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const clean = (value: string) => cleanText(value.slice(0, MAX_ANNOTATION_TEXT));

function label(a: RawAnnotation): string {
  return clean(str(a.alternativeText) || str(a.fieldName)).replace(/\n/g, ' ');
}

/** The text a form field holds, or '' when it holds none worth reading. */
function fieldText(a: RawAnnotation): string {
  if (a.fieldType === 'Sig' || a.pushButton || a.password) return '';
  if (a.fieldType === 'Btn') {
    // A ticked box or the chosen radio button: its export value, when it says something.
    const on = a.checkBox ? a.exportValue : a.radioButton ? a.buttonValue : null;
    const value = str(on);
    if (!value || str(a.fieldValue) !== value || MEANINGLESS_EXPORT.test(value)) return '';
    return value;
  }
  const values = Array.isArray(a.fieldValue) ? a.fieldValue.map(str) : [str(a.fieldValue)];
  if (a.fieldType === 'Ch' && a.options) {
    // Choices store export values; show what the person picked as it was displayed.
    const shown = new Map(a.options.map((o) => [str(o.exportValue), str(o.displayValue) || str(o.exportValue)]));
    return values.map((v) => shown.get(v) ?? v).filter(Boolean).join('\n');
  }
  return values.filter(Boolean).join('\n');
}

/**
 * The text of a page's annotations: form-field values (Widgets) and comments (notes,
 * free text, and the contents of any other markup annotation). A Popup repeats its
 * parent's contents, so it counts only when its parent is not on the page; Links carry
 * no text of the page's author. Duplicates (one field shown by several widgets) go.
 */
export function annotationTexts(raw: readonly RawAnnotation[]): PageAnnotation[] {
  const popupsWithParent = new Set(raw.map((a) => a.popupRef).filter((ref): ref is string => typeof ref === 'string'));
  const ids = new Set(raw.map((a) => a.id).filter(Boolean));
  const out: PageAnnotation[] = [];
  const seen = new Set<string>();
  const add = (entry: PageAnnotation) => {
    const key = `${entry.kind}\u0000${entry.label ?? ''}\u0000${entry.text}`;
    if (!entry.text || seen.has(key) || out.length >= MAX_ANNOTATIONS_PER_PAGE) return;
    seen.add(key);
    out.push(entry);
  };
  for (const a of raw) {
    if (!a || typeof a !== 'object' || a.subtype === 'Link') continue;
    if (a.subtype === 'Widget') {
      const text = clean(fieldText(a));
      const name = label(a);
      add({ kind: 'form-field', ...(name ? { label: name } : {}), text });
      continue;
    }
    if (a.subtype === 'Popup' && ((a.id && popupsWithParent.has(a.id)) || (a.parentId && ids.has(a.parentId)))) continue;
    const text = clean(str(a.contentsObj?.str));
    const author = clean(str(a.titleObj?.str)).replace(/\n/g, ' ');
    add({ kind: 'comment', ...(author ? { label: author } : {}), text });
  }
  return out;
}

/** Characters of annotation text, spaces aside. */
export function annotationChars(annotations: readonly PageAnnotation[]): number {
  return annotations.reduce((n, a) => n + a.text.replace(/\s+/g, '').length, 0);
}
