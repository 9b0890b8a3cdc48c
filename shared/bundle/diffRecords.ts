import type { DiffKind, DiffPiece, FieldDiff } from './diffText';
import { EMPTY, clipPieces, joinPieces, mergeStrings, vocabularyOf } from './diffText';

/** Names the records an id stands for (`#1234abcd` for one the import does not know). */
export type Names = (id: string) => string;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is { label: string; edtf: string } => isPlainObject(v) && typeof v.edtf === 'string' && typeof v.earliest === 'string';

/** Whether two field values are the same (canonicalJson.ts: sameValue). */
export type SameValue = (a: unknown, b: unknown) => boolean;

/** Field-by-field differences; nested plain objects (place, fatalities) one level down, lists as a whole. */
export function diffRecords(
  kind: DiffKind, mine: Record<string, unknown>, theirs: Record<string, unknown>, names: Names, same: SameValue, prefix = '',
): FieldDiff[] {
  const out: FieldDiff[] = [];
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  for (const k of keys) {
    const a = mine[k];
    const b = theirs[k];
    if (same(a, b)) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(a) && isPlainObject(b) && !isDate(a) && !isDate(b)) out.push(...diffRecords(kind, a, b, names, same, path));
    else out.push({ path, mine: displayValue(kind, a, path, names), theirs: displayValue(kind, b, path, names) });
  }
  return out;
}

/** One side of a difference as display pieces, at most 300 characters. */
export function displayValue(kind: DiffKind, value: unknown, path: string, names: Names): DiffPiece[] {
  return clipPieces(mergeStrings(display(kind, value, path, names)));
}

const dateText = (d: unknown): string => (isDate(d) ? d.label || d.edtf : '');

function display(kind: DiffKind, value: unknown, path: string, names: Names): DiffPiece[] {
  if (value === null || value === undefined || value === '') return [EMPTY];
  if (typeof value === 'string') {
    const label = vocabularyOf(kind, path);
    return [label ? { label, value } : value];
  }
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (isDate(value)) return [dateText(value)];
  if (Array.isArray(value)) return value.length === 0 ? [EMPTY] : joinPieces(value.map((v) => item(kind, v, path, names)), '; ');
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== '' && v !== null);
    return joinPieces(entries.map(([k, v]) => [`${k}: `, ...display(kind, v, `${path}.${k}`, names)]), ', ');
  }
  return [String(value)];
}

/** Non-empty parts with a space between. */
function spaced(...parts: (DiffPiece | null | undefined)[]): DiffPiece[] {
  const kept = parts.filter((p): p is DiffPiece => p !== null && p !== undefined && p !== '' && (typeof p === 'string' || p.value !== ''));
  return joinPieces(kept.map((p) => [p]), ' ');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function item(kind: DiffKind, v: unknown, path: string, names: Names): DiffPiece[] {
  const field = path.split('.').at(-1) ?? '';
  if (typeof v === 'string') {
    if (field.endsWith('Ids')) return [names(v)];
    const label = vocabularyOf(kind, path);
    return [label ? { label, value: v } : v];
  }
  if (!isPlainObject(v)) return display(kind, v, path, names);
  const enumOf = (key: string): DiffPiece => {
    const label = vocabularyOf(kind, `${path}.${key}`);
    return label ? { label, value: str(v[key]) } : str(v[key]);
  };
  const cites = Array.isArray(v.citations) && v.citations.length ? ` [${v.citations.length}×]` : '';
  switch (field) {
    case 'names': return [str(v.name), ' (', enumOf('type'), `)${cites}`];
    case 'memberships': {
      const span = [dateText(v.from), dateText(v.to)].filter(Boolean).join('–');
      return [`${str(v.role) || EMPTY}, ${names(str(v.groupId))}${span ? ` (${span})` : ''}${cites}`];
    }
    case 'statusHistory': return [...spaced(enumOf('status'), dateText(v.date), str(v.place)), cites];
    case 'citations': {
      const quote = v.quote ? ` “${str(v.quote).slice(0, 60)}”` : '';
      return [`${names(str(v.documentId))}${typeof v.page === 'number' ? ` p. ${v.page}` : ''}${quote}`];
    }
    case 'participants': return [`${names(str(v.actorId))} (`, enumOf('role'), `)${cites}`];
    case 'bySide': return [`${typeof v.actorId === 'string' ? names(v.actorId) : str(v.label)}: ${str(v.count)}`];
    case 'seizures': return spaced(v.quantity === null ? '' : str(v.quantity), str(v.unit), str(v.item));
    default: return display(kind, v, path, names);
  }
}
