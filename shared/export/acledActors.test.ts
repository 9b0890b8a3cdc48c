import { describe, expect, it } from 'vitest';
import type { Actor, ActorKind } from '../model/actor';
import type { CaseEvent, EventType, ParticipantRole } from '../model/event';
import { EVENT_TAXONOMY } from '../model/event';
import { blankActor, blankEvent } from '../model/factories';
import { newId } from '../model/common';
import { acledActors, civilianTargeting, interaction } from './acledActors';

function actor(name: string, kind: ActorKind, memberOf: Actor[] = []): Actor {
  return {
    ...blankActor(kind, 0), name,
    memberships: memberOf.map((g) => ({ id: newId(), groupId: g.id, role: '', from: null, to: null, note: '', citations: [] })),
  };
}

function event(type: EventType, participants: [Actor, ParticipantRole][], country = 'Peru'): CaseEvent {
  const ev = blankEvent(0);
  return {
    ...ev, type, subType: EVENT_TAXONOMY[type][0], place: { ...ev.place, country },
    participants: participants.map(([a, role]) => ({ id: newId(), actorId: a.id, role, note: '', citations: [] })),
  };
}

function code(ev: CaseEvent, all: Actor[]) {
  const sides = acledActors(ev, new Map(all.map((a) => [a.id, a])));
  return { ...sides, interaction: interaction(sides), civilian_targeting: civilianTargeting(ev, sides) };
}

const army = actor('Peruvian Armed Forces', 'state_force');
const sendero = actor('Shining Path', 'armed_group');
const cartel = actor('Los Pulpos', 'criminal_organisation');
const party = actor('Partido Nacionalista', 'political_organisation');
const battalion = actor('Counter-terrorism battalion 313', 'unit', [army]);
const fighter = actor('Cirilo', 'person', [sendero]);
const villager = actor('Juana Quispe', 'person');
const club = actor('Neighbourhood club', 'other_group');
const all = [army, sendero, cartel, party, battalion, fighter, villager, club];

describe("ACLED inter and interaction codes from the actors' kinds", () => {
  it('codes state forces 1, armed groups 2 and criminal organisations 3, lower code first', () => {
    expect(code(event('battles', [[sendero, 'attacker'], [army, 'target']]), all)).toMatchObject({
      actor1: 'Shining Path', inter1: 2, actor2: 'Peruvian Armed Forces', inter2: 1, interaction: 12, civilian_targeting: '',
    });
    expect(code(event('battles', [[cartel, 'attacker'], [sendero, 'target']]), all)).toMatchObject({ inter1: 3, inter2: 2, interaction: 23 });
  });

  it('gives a unit and a person the type of the group they belong to', () => {
    expect(code(event('battles', [[battalion, 'attacker'], [fighter, 'killed']]), all)).toMatchObject({
      actor1: 'Counter-terrorism battalion 313', inter1: 1, actor2: 'Cirilo', inter2: 2, interaction: 12,
    });
  });

  it('codes a harmed person of no armed side as a civilian, and marks civilian targeting in political violence', () => {
    expect(code(event('explosions_remote_violence', [[sendero, 'attacker'], [villager, 'killed']]), all)).toMatchObject({
      inter2: 7, interaction: 27, civilian_targeting: 'Civilian targeting',
    });
  });

  it('names the civilians of violence against civilians when the case names none', () => {
    expect(code(event('violence_against_civilians', [[cartel, 'attacker']]), all)).toMatchObject({
      actor1: 'Los Pulpos', inter1: 3, actor2: 'Civilians (Peru)', inter2: 7, interaction: 37, civilian_targeting: 'Civilian targeting',
    });
  });

  it('codes everyone but state forces at a protest as protesters and at a riot as rioters', () => {
    expect(code(event('protests', [[party, 'participant'], [army, 'participant']]), all)).toMatchObject({
      actor1: 'Partido Nacionalista', inter1: 6, actor2: 'Peruvian Armed Forces', inter2: 1, interaction: 16,
    });
    expect(code(event('riots', [[club, 'participant']]), all)).toMatchObject({ actor1: 'Neighbourhood club', inter1: 5, actor2: '', interaction: 50 });
  });

  it('leaves inter and interaction blank where the kind says nothing ACLED would code', () => {
    expect(code(event('battles', [[club, 'attacker'], [army, 'target']]), all)).toMatchObject({ inter1: null, inter2: 1, interaction: null });
  });
});

describe('ACLED actor 1 is always filled', () => {
  it('makes a lone side acted on actor 1 outside political violence (an arrest with only the arrested known)', () => {
    const ev = { ...event('strategic_developments', [[fighter, 'captured'], [sendero, 'target']]), subType: 'arrests' };
    expect(code(ev, all)).toMatchObject({ actor1: 'Shining Path', assoc1: ['Cirilo'], inter1: 2, actor2: '', assoc2: [], interaction: 20 });
  });

  it("names the unknown perpetrator of political violence as ACLED does: 'Unidentified Armed Group (country)'", () => {
    expect(code(event('violence_against_civilians', [[villager, 'victim']]), all)).toMatchObject({
      actor1: 'Unidentified Armed Group (Peru)', inter1: 3, actor2: 'Juana Quispe', inter2: 7, interaction: 37,
    });
  });

  it.each([
    ['battles', 'Unidentified Armed Group (Peru)', 3],
    ['protests', 'Protesters (Peru)', 6],
    ['riots', 'Rioters (Peru)', 5],
    ['strategic_developments', 'Unidentified actor (Peru)', null],
  ] as const)('an event of type %s without participants has actor 1 %s', (type, name, inter) => {
    expect(code(event(type, []), all)).toMatchObject({ actor1: name, inter1: inter });
  });

  it('leaves out the country when the place has none', () => {
    expect(code(event('protests', [], ''), all).actor1).toBe('Protesters');
  });
});
