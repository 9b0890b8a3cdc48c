import { describe, expect, it } from 'vitest';
import { sampleCase } from '../../renderer/features/cases/sampleCase';
import { actorSchema, allNames, caseSchema, currentStatus, eventSchema, totalFatalities, validateWith } from '../../shared/model';

describe('the VRAEM sample case', () => {
  const sample = sampleCase();
  const byName = (name: string) => sample.actors.find((a) => a.name === name);

  it('is made of valid records that all belong to the case and reference each other', () => {
    expect(validateWith(caseSchema, sample.case).ok).toBe(true);
    const ids = new Set(sample.actors.map((a) => a.id));
    for (const actor of sample.actors) {
      const result = validateWith(actorSchema, actor);
      expect(result.ok ? [] : result.issues, actor.name).toEqual([]);
      expect(actor.caseIds).toEqual([sample.case.id]);
      for (const m of actor.memberships) expect(ids.has(m.groupId)).toBe(true);
    }
    for (const event of sample.events) {
      const result = validateWith(eventSchema, event);
      expect(result.ok ? [] : result.issues, event.title).toEqual([]);
      for (const p of event.participants) expect(ids.has(p.actorId)).toBe(true);
    }
  });

  it('holds the facts of the source article', () => {
    expect(currentStatus(byName('Abimael Guzmán')!.statusHistory)).toBe('captured');
    expect(allNames(byName('Florindo Eleuterio Flores')!)).toContain('Comandante Artemio');
    expect(currentStatus(byName('Víctor Quispe Palomino')!.statusHistory)).toBe('at_large');
    expect(currentStatus(byName('Jorge Quispe Palomino')!.statusHistory)).toBe('at_large');
    expect(currentStatus(byName('Cirilo')!.statusHistory)).toBe('killed');
    const clash = sample.events.find((e) => e.place.name === 'Chachaspata')!;
    expect(clash.place.admin1).toBe('Ayacucho');
    expect(clash.date?.label).toBe('late August 2019');
    expect(totalFatalities(clash)).toBe(6);
    expect(clash.fatalities.bySide.map((s) => s.count)).toEqual([4, 2]);
    expect(clash.seizures.find((s) => s.item === 'cocaine')).toMatchObject({ quantity: 79, unit: 'kg' });
  });
});
