import { z } from 'zod';
import { isRealDay } from '../dates/calendar';
import type { ApproxDate } from '../dates/types';

// The app's Content-Security-Policy has no 'unsafe-eval', so zod can never compile its
// faster parsers there; left on, its one-time probe (`Function('')`) is reported as a
// script-src violation by every window and worker that validates a record. Off everywhere,
// so Node tests parse the same way the app does.
z.config({ jitless: true });

/**
 * Validation messages are keys, not sentences: shared/ has no UI language, the
 * renderer translates them (renderer/i18n). Each key names the problem.
 */
export const V = {
  required: 'validation.required',
  tooLong: 'validation.tooLong',
  invalidId: 'validation.invalidId',
  invalidDate: 'validation.invalidDate',
  invalidNumber: 'validation.invalidNumber',
  negative: 'validation.negative',
  latitude: 'validation.latitude',
  longitude: 'validation.longitude',
  coordinatesPair: 'validation.coordinatesPair',
  page: 'validation.page',
  duplicate: 'validation.duplicate',
  invalidChoice: 'validation.invalidChoice',
  rangeOrder: 'validation.rangeOrder',
  fatalitiesSum: 'validation.fatalitiesSum',
  selfReference: 'validation.selfReference',
  invalidUrl: 'validation.invalidUrl',
} as const;
export type ValidationKey = (typeof V)[keyof typeof V];

/** Version of the record model; bundles and the database record it. */
export const MODEL_VERSION = 1;

export const idSchema = z.uuid({ error: V.invalidId });

/** Free text kept short enough to stay usable in lists; long prose goes in descriptions. */
export const shortText = (max = 300) => z.string({ error: V.required }).trim().max(max, { error: V.tooLong });
export const requiredText = (max = 300) => shortText(max).min(1, { error: V.required });
export const longText = (max = 20_000) => z.string().max(max, { error: V.tooLong });

const isoDay = /^(-?\d{4,})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day in ISO form: the shape alone let `2019-13-45` and `2019-02-30` in from a
 * bundle and out into the exports. Years 0–9999, the range the date code works in.
 */
export function isCalendarDay(text: string): boolean {
  const m = isoDay.exec(text);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const approxDateSchema: z.ZodType<ApproxDate> = z
  .object({
    label: z.string().max(200, { error: V.tooLong }),
    edtf: z.string().min(1, { error: V.invalidDate }).max(100, { error: V.invalidDate }),
    earliest: z.string().refine(isCalendarDay, { error: V.invalidDate }),
    latest: z.string().refine(isCalendarDay, { error: V.invalidDate }),
    precision: z.enum(['day', 'month', 'season', 'year', 'decade', 'range', 'unknown'], { error: V.invalidDate }),
  })
  .refine((d) => d.earliest <= d.latest, { error: V.rangeOrder, path: ['latest'] });

/**
 * A reference to a page of a source document, with the words quoted from it.
 * `page` is 1-based; null cites the document as a whole.
 */
export const citationSchema = z.object({
  id: idSchema,
  documentId: idSchema,
  page: z.number({ error: V.page }).int({ error: V.page }).min(1, { error: V.page }).nullable(),
  quote: longText(5_000),
  note: shortText(1_000),
});
export type Citation = z.infer<typeof citationSchema>;

export const citationsSchema = z.array(citationSchema).max(500);

/** The last millisecond a JavaScript Date can hold (year 275760): later is no moment at all. */
export const MAX_TIMESTAMP = 8.64e15;

/** Milliseconds since the epoch (UTC) that name a real moment (1e20 would print as "Invalid Date"). */
export const timestampSchema = z.number({ error: V.invalidDate }).int({ error: V.invalidDate })
  .min(0, { error: V.invalidDate }).max(MAX_TIMESTAMP, { error: V.invalidDate });

/** Fields every stored record has. Timestamps are milliseconds since the epoch (UTC). */
export const recordBaseSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

export const tagsSchema = z
  .array(requiredText(60))
  .max(100)
  .refine((tags) => new Set(tags.map((t) => t.toLocaleLowerCase())).size === tags.length, { error: V.duplicate });

export const caseIdsSchema = z.array(idSchema).max(1_000);

/** WebCrypto's UUID exists in browsers, workers and Node 22; shared/ has no DOM types, hence the cast. */
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

export function newId(): string {
  return webCrypto.randomUUID();
}
