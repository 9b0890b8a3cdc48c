import { z } from 'zod';
import {
  V, approxDateSchema, caseIdsSchema, citationsSchema, idSchema, longText, recordBaseSchema, requiredText, shortText, tagsSchema,
} from './common';
import { STATUSES } from './statuses';
import type { ActorStatus } from './statuses';

export const ACTOR_KINDS = ['person', 'armed_group', 'state_force', 'criminal_organisation', 'political_organisation', 'unit', 'other_group'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const isGroupKind = (kind: ActorKind): boolean => kind !== 'person';

export const NAME_TYPES = ['alias', 'nom_de_guerre', 'legal_name', 'previous_name', 'spelling_variant', 'other'] as const;
export type NameType = (typeof NAME_TYPES)[number];

// Capture status vocabulary: ./statuses.ts (zod-free, read by the search worker's query parser).
export { STATUSES };
export type { ActorStatus };

export const actorNameSchema = z.object({
  id: idSchema,
  name: requiredText(200),
  type: z.enum(NAME_TYPES, { error: V.invalidChoice }),
  note: shortText(1_000),
  citations: citationsSchema,
});
export type ActorName = z.infer<typeof actorNameSchema>;

/** An actor's place in a group: a role or rank held between two (approximate) dates. */
export const membershipSchema = z
  .object({
    id: idSchema,
    groupId: idSchema,
    role: shortText(200),
    from: approxDateSchema.nullable(),
    to: approxDateSchema.nullable(),
    note: shortText(1_000),
    citations: citationsSchema,
  })
  .refine((m) => !m.from || !m.to || m.from.earliest <= m.to.latest, { error: V.rangeOrder, path: ['to'] });
export type Membership = z.infer<typeof membershipSchema>;

export const statusEntrySchema = z.object({
  id: idSchema,
  status: z.enum(STATUSES, { error: V.invalidChoice }),
  date: approxDateSchema.nullable(),
  place: shortText(300),
  note: shortText(1_000),
  citations: citationsSchema,
});
export type StatusEntry = z.infer<typeof statusEntrySchema>;

export const actorSchema = recordBaseSchema
  .extend({
    kind: z.enum(ACTOR_KINDS, { error: V.invalidChoice }),
    name: requiredText(200),
    names: z.array(actorNameSchema).max(200),
    description: longText(),
    tags: tagsSchema,
    birth: approxDateSchema.nullable(),
    death: approxDateSchema.nullable(),
    nationality: shortText(100),
    memberships: z.array(membershipSchema).max(500),
    statusHistory: z.array(statusEntrySchema).max(500),
    citations: citationsSchema,
    caseIds: caseIdsSchema,
  })
  .superRefine((actor, ctx) => {
    const seen = new Set([actor.name.trim().toLocaleLowerCase()]);
    actor.names.forEach((n, i) => {
      const key = n.name.trim().toLocaleLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: V.duplicate, path: ['names', i, 'name'] });
      seen.add(key);
    });
    actor.memberships.forEach((m, i) => {
      if (m.groupId === actor.id) ctx.addIssue({ code: 'custom', message: V.selfReference, path: ['memberships', i, 'groupId'] });
    });
    if (actor.birth && actor.death && actor.birth.earliest > actor.death.latest) {
      ctx.addIssue({ code: 'custom', message: V.rangeOrder, path: ['death'] });
    }
  });
export type Actor = z.infer<typeof actorSchema>;

/** Every name an actor goes by, primary first. Search and mention detection use all of them. */
export function allNames(actor: Pick<Actor, 'name' | 'names'>): string[] {
  return [actor.name, ...actor.names.map((n) => n.name)];
}
