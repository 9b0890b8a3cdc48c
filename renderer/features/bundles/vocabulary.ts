import type { DiffPiece, Vocabulary } from '../../../shared/bundle/diffText';
import type { DatePrecision } from '../../../shared/dates/types';
import type { ActorKind, ActorStatus, EventSubType, EventType, NameType, ParticipantRole, Place, Reliability } from '../../../shared/model';
import {
  ACTOR_KINDS, EVENT_TAXONOMY, EVENT_TYPES, EXTRACTION_STATES, GEO_PRECISIONS, NAME_TYPES, PARTICIPANT_ROLES, RELIABILITY_GRADES,
  STATUSES, TEXT_LAYERS,
} from '../../../shared/model';
import type { OcrFailureReason } from '../../../shared/ocr/types';
import type { ExtractionState, PageState, TextLayer } from '../../../shared/pdf/types';
import type { Language, MessageKey } from '../../i18n';

/**
 * The words for every value of every vocabulary a difference can show, in the user's language
 * (the same labels the forms use where they exist). The tables are typed by each vocabulary's
 * values, so a value added to the model without a label here is a compile error; the test
 * walks them all in both languages.
 */

const DATE_PRECISIONS = ['day', 'month', 'season', 'year', 'decade', 'range', 'unknown'] as const satisfies readonly DatePrecision[];
export const PAGE_STATE_VALUES = ['text', 'junk-text', 'image-only', 'blank', 'drawing', 'unreadable', 'ocr'] as const satisfies readonly PageState[];
const ANNOTATION_KINDS = ['form-field', 'comment'] as const;
const OCR_FAILURES = ['no-text', 'timed-out', 'render-failed', 'engine-failed'] as const satisfies readonly OcrFailureReason[];
const SUB_TYPES = EVENT_TYPES.flatMap((type): readonly EventSubType[] => EVENT_TAXONOMY[type]);

type Keyed<V extends string> = { values: readonly V[]; key: (value: V) => MessageKey };
const keyed = <V extends string>(values: readonly V[], key: (value: V) => MessageKey): Keyed<string> => ({ values, key: key as (v: string) => MessageKey });

/** Each closed vocabulary: its values and the message key of each. 'language' is open (below). */
export const VOCABULARY_KEYS: Readonly<Record<Exclude<Vocabulary, 'language'>, Keyed<string>>> = {
  actorKind: keyed<ActorKind>(ACTOR_KINDS, (v) => `kind.${v}`),
  nameType: keyed<NameType>(NAME_TYPES, (v) => `nameType.${v}`),
  actorStatus: keyed<ActorStatus>(STATUSES, (v) => `status.${v}`),
  datePrecision: keyed<DatePrecision>(DATE_PRECISIONS, (v) => `bundles.datePrecision.${v}`),
  eventType: keyed<EventType>(EVENT_TYPES, (v) => `events.type.${v}`),
  eventSubType: keyed<EventSubType>(SUB_TYPES, (v) => `events.subType.${v}`),
  participantRole: keyed<ParticipantRole>(PARTICIPANT_ROLES, (v) => `events.role.${v}`),
  geoPrecision: keyed<Place['precision']>(GEO_PRECISIONS, (v) => `events.precision.${v}`),
  reliability: keyed<Reliability>(RELIABILITY_GRADES, (v) => `documents.reliability.${v}`),
  extractionState: keyed<ExtractionState>(EXTRACTION_STATES, (v) => `bundles.extractionState.${v}`),
  textLayer: keyed<TextLayer>(TEXT_LAYERS, (v) => `documents.stateFilter.${v}`),
  pageState: keyed<PageState>(PAGE_STATE_VALUES, (v) => `bundles.pageState.${v}`),
  annotationKind: keyed<(typeof ANNOTATION_KINDS)[number]>(ANNOTATION_KINDS, (v) => `viewer.annotation.${v}`),
  ocrFailure: keyed<OcrFailureReason>(OCR_FAILURES, (v) => `ocr.reason.${v}`),
};

type Translate = ((key: MessageKey) => string) & { lang?: Language };

/**
 * A language as typed on a document ("es", "spa", "Spanish"): a code is named in the UI
 * language with the code beside it ("Spanish (es)"); anything else is the user's own words.
 */
export function languageLabel(value: string, lang: Language): string {
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) return value;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(value);
    return name && name.toLowerCase() !== value.toLowerCase() ? `${name} (${value})` : value;
  } catch {
    return value;
  }
}

/** A value in its vocabulary's words; a value the app does not know (a newer app's) shows as it is. */
export function vocabularyLabel(label: Vocabulary, value: string, t: Translate): string {
  if (label === 'language') return languageLabel(value, t.lang ?? 'en');
  const table = VOCABULARY_KEYS[label];
  return table.values.includes(value) ? t(table.key(value)) : value;
}

/** One side of a difference as the user reads it. */
export function piecesText(pieces: readonly DiffPiece[], t: Translate): string {
  return pieces.map((p) => (typeof p === 'string' ? p : vocabularyLabel(p.label, p.value, t))).join('');
}
