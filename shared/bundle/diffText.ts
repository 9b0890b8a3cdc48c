/**
 * The import preview's field differences as display pieces: plain text, and enumerated values
 * (a status, a kind, an event type, a page state…) kept as `{ label, value }` so the screen
 * shows them in the user's language ("Captured / arrested", not `captured`). shared/ has no UI
 * language: the renderer turns each label piece into words (renderer/features/bundles/diffs.ts).
 */

/** The closed vocabularies a diff can show; each has a label per value in both UI languages. */
export const VOCABULARIES = [
  'actorKind', 'nameType', 'actorStatus', 'datePrecision', 'eventType', 'eventSubType', 'participantRole', 'geoPrecision',
  'reliability', 'extractionState', 'textLayer', 'pageState', 'annotationKind', 'ocrFailure', 'language',
] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

export interface LabelPiece {
  label: Vocabulary;
  value: string;
}
export type DiffPiece = string | LabelPiece;

/** One differing field, both sides as display pieces (`path` e.g. `names`, `place.region`, `pages.3`). */
export interface FieldDiff {
  path: string;
  mine: DiffPiece[];
  theirs: DiffPiece[];
}

export type DiffKind = 'case' | 'actor' | 'event' | 'document' | 'page';

/**
 * Every enumerated field of the records (and of a bundle's pages), by kind and path without list
 * positions, and the vocabulary that names its values. A test walks the schemas and fails on an
 * enumerated field missing here, so a new one cannot reach the preview as a raw value.
 */
export const ENUM_FIELDS: Readonly<Record<DiffKind, Readonly<Record<string, Vocabulary>>>> = {
  case: {},
  actor: {
    kind: 'actorKind',
    'names.type': 'nameType',
    'statusHistory.status': 'actorStatus',
    'statusHistory.date.precision': 'datePrecision',
    'birth.precision': 'datePrecision',
    'death.precision': 'datePrecision',
    'memberships.from.precision': 'datePrecision',
    'memberships.to.precision': 'datePrecision',
  },
  event: {
    type: 'eventType',
    subType: 'eventSubType',
    'date.precision': 'datePrecision',
    'place.precision': 'geoPrecision',
    'participants.role': 'participantRole',
  },
  document: {
    reliability: 'reliability',
    language: 'language',
    'publishedOn.precision': 'datePrecision',
    'extraction.state': 'extractionState',
    'extraction.textLayer': 'textLayer',
  },
  page: {
    state: 'pageState',
    'annotations.kind': 'annotationKind',
    'ocr.reason': 'ocrFailure',
  },
};

/** The vocabulary of a field path (`participants.3.role` → participantRole), or null for free text. */
export function vocabularyOf(kind: DiffKind, path: string): Vocabulary | null {
  const bare = path.split('.').filter((p) => !/^\d+$/.test(p)).join('.');
  return ENUM_FIELDS[kind][bare] ?? null;
}

const MAX_TEXT = 300;
export const EMPTY = '—';

/** Pieces as plain text with the raw values: for tests and logs, never for the screen. */
export function plainText(pieces: readonly DiffPiece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : p.value)).join('');
}

/** At most MAX_TEXT characters of text (label pieces count their value), an ellipsis where cut. */
export function clipPieces(pieces: readonly DiffPiece[], max = MAX_TEXT): DiffPiece[] {
  const out: DiffPiece[] = [];
  let left = max;
  for (const p of pieces) {
    const length = typeof p === 'string' ? p.length : p.value.length;
    if (length < left) {
      out.push(p);
      left -= length;
      continue;
    }
    out.push(typeof p === 'string' ? `${p.slice(0, Math.max(0, left - 1))}…` : '…');
    break;
  }
  return mergeStrings(out);
}

/** Adjacent strings joined: fewer pieces to send and compare. */
export function mergeStrings(pieces: readonly DiffPiece[]): DiffPiece[] {
  const out: DiffPiece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (p === '') continue;
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/** Lists of pieces joined with a separator. */
export function joinPieces(parts: readonly (readonly DiffPiece[])[], separator: string): DiffPiece[] {
  const out: DiffPiece[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(separator);
    out.push(...part);
  });
  return out;
}
