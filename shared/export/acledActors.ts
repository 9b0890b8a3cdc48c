import type { Actor, ActorKind } from '../model/actor';
import type { CaseEvent, EventType } from '../model/event';

/**
 * ACLED's actor columns from an event's participants. ACLED names groups as actors and
 * lists named people as "associated actors"; actor 1 and actor 2 carry no direction, but
 * by convention the side that acts is actor 1 and a lone actor is always actor 1 (an
 * event with one side has interaction "sole", e.g. 20). Inter codes (codebook, "Actor
 * types"): 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
 * 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
 */
export type InterCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface AcledActors {
  actor1: string;
  assoc1: string[];
  inter1: InterCode | null;
  actor2: string;
  assoc2: string[];
  inter2: InterCode | null;
}

const ACTING = new Set(['attacker']);
const ACTED_ON = new Set(['target', 'victim', 'killed', 'injured', 'captured']);
const HARMED = new Set(['victim', 'killed', 'injured', 'captured']);

/**
 * What ACLED would call a group of this kind. An armed group is coded as a rebel group
 * (ACLED's 2: armed, organised, against the state — as the armed groups researchers
 * keep case files on mostly are); a criminal organisation as a political militia (3: how
 * ACLED codes cartels and gangs that use violence); "other group" has no ACLED type.
 */
const KIND_INTER: Record<ActorKind, InterCode | null> = {
  state_force: 1, armed_group: 2, criminal_organisation: 3, political_organisation: 3, unit: null, other_group: null, person: null,
};

const VIOLENT: ReadonlySet<EventType> = new Set(['battles', 'explosions_remote_violence', 'violence_against_civilians']);

interface Placed { actor: Actor; role: string }

/** A unit or a person takes the type of the group they belong to (first membership in the export). */
function groupInter(actor: Actor, actors: ReadonlyMap<string, Actor>, seen = new Set<string>()): InterCode | null {
  const own = KIND_INTER[actor.kind];
  if (own !== null) return own;
  seen.add(actor.id);
  for (const m of actor.memberships) {
    const group = actors.get(m.groupId);
    if (!group || seen.has(group.id)) continue;
    const code = groupInter(group, actors, seen);
    if (code !== null) return code;
  }
  return null;
}

export function interCode(placed: Placed, ev: Pick<CaseEvent, 'type' | 'subType'>, actors: ReadonlyMap<string, Actor>): InterCode | null {
  const base = groupInter(placed.actor, actors);
  // At a demonstration everyone but the state's forces is coded as the crowd.
  if (base !== 1 && ev.type === 'protests') return 6;
  if (base !== 1 && ev.type === 'riots') return 5;
  if (base !== null) return base;
  // Someone harmed who belongs to no armed side is a civilian in ACLED's terms.
  return placed.actor.kind === 'person' && HARMED.has(placed.role) ? 7 : null;
}

/** ACLED's stand-in names when a side is not identified: "Unidentified Armed Group (Peru)". */
function unidentified(ev: Pick<CaseEvent, 'type' | 'place'>): { name: string; inter: InterCode | null } {
  const where = ev.place.country.trim();
  const named = (base: string) => (where ? `${base} (${where})` : base);
  if (ev.type === 'protests') return { name: named('Protesters'), inter: 6 };
  if (ev.type === 'riots') return { name: named('Rioters'), inter: 5 };
  if (VIOLENT.has(ev.type)) return { name: named('Unidentified Armed Group'), inter: 3 };
  return { name: named('Unidentified actor'), inter: null };
}

function side(list: Placed[], ev: CaseEvent, actors: ReadonlyMap<string, Actor>) {
  // Groups name the side; people go with them as associated actors.
  const ordered = [...list.filter((p) => p.actor.kind !== 'person'), ...list.filter((p) => p.actor.kind === 'person')];
  const [first, ...rest] = ordered;
  return {
    name: first?.actor.name ?? '',
    assoc: rest.map((p) => p.actor.name),
    inter: first ? interCode(first, ev, actors) : null,
  };
}

export function acledActors(ev: CaseEvent, actors: ReadonlyMap<string, Actor>): AcledActors {
  const side1: Placed[] = [];
  const side2: Placed[] = [];
  const neutral: Placed[] = [];
  const seen = new Set<string>();
  for (const p of ev.participants) {
    const actor = actors.get(p.actorId);
    if (!actor) continue;
    const list = ACTING.has(p.role) ? side1 : ACTED_ON.has(p.role) ? side2 : p.role === 'participant' ? neutral : null;
    if (!list || seen.has(actor.id)) continue;
    seen.add(actor.id);
    list.push({ actor, role: p.role });
  }
  // Plain participants (two sides of a clash) fill actor 1, then actor 2.
  for (const p of neutral) (side1.length === 0 ? side1 : side2.length === 0 ? side2 : side1).push(p);

  const placed = place(side(side1, ev, actors), side(side2, ev, actors), ev);
  if (!placed.actor2 && ev.type === 'violence_against_civilians') {
    // By ACLED's definition the other side of violence against civilians is civilians.
    const where = ev.place.country.trim();
    return { ...placed, actor2: where ? `Civilians (${where})` : 'Civilians', assoc2: [], inter2: 7 };
  }
  return placed;
}

type Side = ReturnType<typeof side>;

function place(one: Side, two: Side, ev: CaseEvent): AcledActors {
  if (one.name) return { actor1: one.name, assoc1: one.assoc, inter1: one.inter, actor2: two.name, assoc2: two.assoc, inter2: two.inter };
  // Only the side acted on is known. In political violence ACLED names the unknown
  // perpetrator ("Unidentified Armed Group"); otherwise the lone side becomes actor 1.
  if (two.name && !VIOLENT.has(ev.type)) return { actor1: two.name, assoc1: two.assoc, inter1: two.inter, actor2: '', assoc2: [], inter2: null };
  const u = unidentified(ev);
  return { actor1: u.name, assoc1: [], inter1: u.inter, actor2: two.name, assoc2: two.assoc, inter2: two.inter };
}

/** ACLED's interaction: the two inter codes, lower first (12), or the lone actor's code and 0 (20). */
export function interaction(a: Pick<AcledActors, 'actor2' | 'inter1' | 'inter2'>): number | null {
  if (a.inter1 === null) return null;
  if (!a.actor2) return a.inter1 * 10;
  if (a.inter2 === null) return null;
  return Math.min(a.inter1, a.inter2) * 10 + Math.max(a.inter1, a.inter2);
}

/**
 * ACLED's civilian_targeting: "Civilian targeting" when civilians are the target, blank
 * otherwise. Every violence-against-civilians event targets civilians; in other political
 * violence, when the side acted on is civilians.
 */
export function civilianTargeting(ev: Pick<CaseEvent, 'type'>, a: Pick<AcledActors, 'inter2'>): string {
  if (ev.type === 'violence_against_civilians') return 'Civilian targeting';
  return VIOLENT.has(ev.type) && a.inter2 === 7 ? 'Civilian targeting' : '';
}
