import type { Language, MessageKey } from '../../i18n';
import type { FieldDiff, PreviewKind, PreviewRecord } from '../../bundle/types';
import type { DiffPiece } from '../../../shared/bundle/diffText';
import { piecesText } from './vocabulary';

/** Top-level record fields the diff names in the user's language; anything else shows as it is. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  name: 'bundles.field.name',
  names: 'bundles.field.names',
  kind: 'bundles.field.kind',
  description: 'bundles.field.description',
  tags: 'bundles.field.tags',
  birth: 'bundles.field.birth',
  death: 'bundles.field.death',
  nationality: 'bundles.field.nationality',
  memberships: 'bundles.field.memberships',
  statusHistory: 'bundles.field.statusHistory',
  citations: 'bundles.field.citations',
  caseIds: 'bundles.field.caseIds',
  title: 'bundles.field.title',
  date: 'bundles.field.date',
  place: 'bundles.field.place',
  type: 'bundles.field.type',
  subType: 'bundles.field.subType',
  fatalities: 'bundles.field.fatalities',
  seizures: 'bundles.field.seizures',
  participants: 'bundles.field.participants',
  relatedEventIds: 'bundles.field.relatedEventIds',
  fileName: 'bundles.field.fileName',
  author: 'bundles.field.author',
  publisher: 'bundles.field.publisher',
  publishedOn: 'bundles.field.publishedOn',
  url: 'bundles.field.url',
  language: 'bundles.field.language',
  reliability: 'bundles.field.reliability',
  notes: 'bundles.field.notes',
  extraction: 'bundles.field.extraction',
  pages: 'bundles.field.pages',
};

type Translate = ((key: MessageKey) => string) & { lang?: Language };

/**
 * A field path as the user reads it: the known top-level field translated, the rest
 * kept, list positions counted from 1 (`names.0.note` → "Other names › 1 › note").
 */
export function fieldLabel(path: string, t: Translate): string {
  const [head = '', ...rest] = path.split('.').filter((part) => part !== '');
  const known = FIELD_LABELS[head];
  const parts = [known ? t(known) : head, ...rest.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))];
  return parts.join(' › ');
}

/**
 * A side of a diff in the user's words (enumerated values by their labels: "Captured /
 * arrested", not `captured`); an empty value is said to be empty rather than shown as nothing.
 */
export function diffValue(value: readonly DiffPiece[] | string, t: Translate): { text: string; empty: boolean } {
  const text = typeof value === 'string' ? value : piecesText(value, t);
  return text.trim() === '' ? { text: t('bundles.preview.emptyValue'), empty: true } : { text, empty: false };
}

/** Diffs in a stable order: the record's name or title first, then as the worker gave them. */
export function orderedDiffs(diffs: readonly FieldDiff[]): FieldDiff[] {
  const first = (d: FieldDiff) => (d.path === 'name' || d.path === 'title' ? 0 : 1);
  return diffs.map((d, i) => ({ d, i })).sort((a, b) => first(a.d) - first(b.d) || a.i - b.i).map(({ d }) => d);
}

export const PREVIEW_KINDS: readonly PreviewKind[] = ['case', 'actor', 'event', 'document'];

/** New records per kind, for the compact "new" lists. */
export function newByKind(records: readonly PreviewRecord[]): Record<PreviewKind, PreviewRecord[]> {
  const out: Record<PreviewKind, PreviewRecord[]> = { case: [], actor: [], event: [], document: [] };
  for (const record of records) if (record.status === 'new') out[record.kind].push(record);
  return out;
}
