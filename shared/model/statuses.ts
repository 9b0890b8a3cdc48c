/**
 * Capture status vocabulary, loosely after HURIDOCS' perpetrator status.
 * The order of this list is not meaningful; the current status is the latest dated entry.
 * Its own module, free of zod: the search worker's query parser reads it in the chunk that
 * answers the first query (renderer/workers/searchHost.ts), which loads no schema.
 */
export const STATUSES = [
  'at_large', 'captured', 'detained', 'convicted', 'released', 'surrendered', 'extradited', 'killed', 'deceased', 'unknown',
] as const;
export type ActorStatus = (typeof STATUSES)[number];
