import { z } from 'zod';
import {
  V, approxDateSchema, caseIdsSchema, citationsSchema, idSchema, longText, recordBaseSchema, requiredText, shortText, tagsSchema,
} from './common';

/**
 * ACLED's event types and sub-event types (ACLED Codebook 2023). Keeping ACLED's
 * vocabulary lets the CSV export speak the language conflict analysts already use.
 */
export const EVENT_TAXONOMY = {
  battles: ['armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory'],
  explosions_remote_violence: ['chemical_weapon', 'air_drone_strike', 'suicide_bomb', 'shelling_artillery_missile_attack', 'remote_explosive_landmine_ied', 'grenade'],
  violence_against_civilians: ['sexual_violence', 'attack', 'abduction_forced_disappearance'],
  protests: ['peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters'],
  riots: ['violent_demonstration', 'mob_violence'],
  strategic_developments: ['agreement', 'arrests', 'change_to_group_activity', 'disrupted_weapons_use', 'headquarters_or_base_established', 'looting_property_destruction', 'non_violent_transfer_of_territory', 'other'],
} as const;
export type EventType = keyof typeof EVENT_TAXONOMY;
export type EventSubType = (typeof EVENT_TAXONOMY)[EventType][number];
export const EVENT_TYPES = Object.keys(EVENT_TAXONOMY) as EventType[];

/** ACLED's English labels, used by the CSV export (the UI translates the keys). */
export const ACLED_LABELS: Record<EventType | EventSubType, string> = {
  battles: 'Battles', armed_clash: 'Armed clash', government_regains_territory: 'Government regains territory',
  non_state_actor_overtakes_territory: 'Non-state actor overtakes territory',
  explosions_remote_violence: 'Explosions/Remote violence', chemical_weapon: 'Chemical weapon', air_drone_strike: 'Air/drone strike',
  suicide_bomb: 'Suicide bomb', shelling_artillery_missile_attack: 'Shelling/artillery/missile attack',
  remote_explosive_landmine_ied: 'Remote explosive/landmine/IED', grenade: 'Grenade',
  violence_against_civilians: 'Violence against civilians', sexual_violence: 'Sexual violence', attack: 'Attack',
  abduction_forced_disappearance: 'Abduction/forced disappearance',
  protests: 'Protests', peaceful_protest: 'Peaceful protest', protest_with_intervention: 'Protest with intervention',
  excessive_force_against_protesters: 'Excessive force against protesters',
  riots: 'Riots', violent_demonstration: 'Violent demonstration', mob_violence: 'Mob violence',
  strategic_developments: 'Strategic developments', agreement: 'Agreement', arrests: 'Arrests', change_to_group_activity: 'Change to group/activity',
  disrupted_weapons_use: 'Disrupted weapons use', headquarters_or_base_established: 'Headquarters or base established',
  looting_property_destruction: 'Looting/property destruction', non_violent_transfer_of_territory: 'Non-violent transfer of territory', other: 'Other',
};

export const PARTICIPANT_ROLES = ['attacker', 'target', 'killed', 'injured', 'captured', 'leader', 'participant', 'victim', 'witness', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** How precisely the place is known; ACLED's geo_precision 1–3 maps onto the first three. */
export const GEO_PRECISIONS = ['exact', 'near', 'district', 'region', 'country', 'unknown'] as const;

const latitude = z.number({ error: V.latitude }).min(-90, { error: V.latitude }).max(90, { error: V.latitude });
const longitude = z.number({ error: V.longitude }).min(-180, { error: V.longitude }).max(180, { error: V.longitude });

export const placeSchema = z
  .object({
    name: shortText(200),
    admin1: shortText(200), // region / department
    admin2: shortText(200), // province / district
    admin3: shortText(200),
    country: shortText(100),
    latitude: latitude.nullable(),
    longitude: longitude.nullable(),
    precision: z.enum(GEO_PRECISIONS, { error: V.invalidChoice }),
  })
  .refine((p) => (p.latitude === null) === (p.longitude === null), { error: V.coordinatesPair, path: ['longitude'] });
export type Place = z.infer<typeof placeSchema>;

const count = z.number({ error: V.invalidNumber }).int({ error: V.invalidNumber }).min(0, { error: V.negative }).max(10_000_000, { error: V.invalidNumber });

/** Deaths attributed to one side: an actor in the case, or a free label ("soldiers"). */
export const fatalitySideSchema = z.object({
  id: idSchema,
  actorId: idSchema.nullable(),
  label: shortText(200),
  count,
});

export const seizureSchema = z.object({
  id: idSchema,
  item: requiredText(200),
  quantity: z.number({ error: V.invalidNumber }).min(0, { error: V.negative }).max(1e12, { error: V.invalidNumber }).nullable(),
  unit: shortText(50),
  note: shortText(1_000),
});
export type Seizure = z.infer<typeof seizureSchema>;

export const participantSchema = z.object({
  id: idSchema,
  actorId: idSchema,
  role: z.enum(PARTICIPANT_ROLES, { error: V.invalidChoice }),
  note: shortText(1_000),
  citations: citationsSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const eventSchema = recordBaseSchema
  .extend({
    title: requiredText(300),
    date: approxDateSchema.nullable(),
    place: placeSchema,
    type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], { error: V.invalidChoice }),
    subType: z.string(),
    description: longText(),
    fatalities: z.object({ total: count.nullable(), bySide: z.array(fatalitySideSchema).max(50) }),
    seizures: z.array(seizureSchema).max(200),
    participants: z.array(participantSchema).max(1_000),
    relatedEventIds: z.array(idSchema).max(200),
    tags: tagsSchema,
    citations: citationsSchema,
    caseIds: caseIdsSchema,
  })
  .superRefine((ev, ctx) => {
    const subTypes: readonly string[] = EVENT_TAXONOMY[ev.type];
    if (!subTypes.includes(ev.subType)) ctx.addIssue({ code: 'custom', message: V.invalidChoice, path: ['subType'] });
    const sides = ev.fatalities.bySide.reduce((sum, s) => sum + s.count, 0);
    if (ev.fatalities.total !== null && sides > ev.fatalities.total) {
      ctx.addIssue({ code: 'custom', message: V.fatalitiesSum, path: ['fatalities', 'total'] });
    }
    if (ev.relatedEventIds.includes(ev.id)) ctx.addIssue({ code: 'custom', message: V.selfReference, path: ['relatedEventIds'] });
    const seen = new Set<string>();
    ev.participants.forEach((p, i) => {
      const key = `${p.actorId}:${p.role}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: V.duplicate, path: ['participants', i, 'role'] });
      seen.add(key);
    });
  });
export type CaseEvent = z.infer<typeof eventSchema>;

/** Total deaths: the stated total, else the sum of the per-side counts. */
export function totalFatalities(ev: Pick<CaseEvent, 'fatalities'>): number | null {
  if (ev.fatalities.total !== null) return ev.fatalities.total;
  if (ev.fatalities.bySide.length === 0) return null;
  return ev.fatalities.bySide.reduce((sum, s) => sum + s.count, 0);
}
