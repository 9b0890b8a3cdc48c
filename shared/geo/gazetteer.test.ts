import { describe, expect, it } from 'vitest';
import { gazetteerText } from '../../scripts/build-gazetteer.mjs';
import { countryCodeOf, nearestPlace, parseGazetteer, resolveRegion, searchGazetteer } from './gazetteer';

// A few real places and regions, written by the build script's own function.
const REGIONS = new Map([['PE.03', 'Apurímac'], ['PE.05', 'Ayacucho'], ['AR.01', 'Buenos Aires'], ['CO.02', 'Antioquia']]);
const place = (name: string, region: string, lat: number, lon: number, population: number) => ({ name, region, lat, lon, population });
const TEXT = gazetteerText(REGIONS, [
  place('Abancay', 'PE.03', -13.635, -72.881, 55111),
  place('Andahuaylas', 'PE.03', -13.656, -73.387, 17444),
  place('Ayacucho', 'PE.05', -13.159, -74.223, 140033),
  place('Huanta', 'PE.05', -12.933, -74.25, 18627),
  place('San Miguel', 'PE.05', -13.01, -73.98, 4000),
  place('Ayacucho', 'AR.01', -37.152, -58.487, 0),
  place('Medellín', 'CO.02', 6.252, -75.564, 1999979),
  place('San Miguel de Urabá', 'CO.02', 8.1, -76.6, 1500),
]);

const g = parseGazetteer(TEXT);

describe('gazetteer search', () => {
  it('is accent-blind: "Apurimac" finds the region Apurímac', () => {
    const hits = searchGazetteer(g, 'Apurimac');
    expect(hits[0]).toMatchObject({ kind: 'region', name: 'Apurímac', country: 'PE' });
  });

  it('finds places by any case and accents, and by a prefix as you type', () => {
    expect(searchGazetteer(g, 'MEDELLIN')[0]).toMatchObject({ kind: 'place', name: 'Medellín', country: 'CO', region: 'Antioquia' });
    expect(searchGazetteer(g, 'hua').map((h) => h.name)).toEqual(['Huanta']);
  });

  it('ranks the exact name first, regions before places of the same name, then the more populous', () => {
    const hits = searchGazetteer(g, 'ayacucho');
    expect(hits.map((h) => `${h.kind}:${h.country}`)).toEqual(['region:PE', 'place:PE', 'place:AR']);
  });

  it('matches a later word of a name, and narrows by what follows a comma', () => {
    expect(searchGazetteer(g, 'miguel').map((h) => h.name)).toEqual(['San Miguel', 'San Miguel de Urabá']);
    expect(searchGazetteer(g, 'ayacucho, argentina').map((h) => `${h.kind}:${h.country}`)).toEqual(['place:AR']);
    expect(searchGazetteer(g, 'san miguel, antioquia').map((h) => h.name)).toEqual(['San Miguel de Urabá']);
  });

  it('finds countries by their English or Spanish name or code', () => {
    expect(countryCodeOf(g, 'Perú')).toBe('PE');
    expect(countryCodeOf(g, 'peru')).toBe('PE');
    expect(countryCodeOf(g, 'PE')).toBe('PE');
    expect(searchGazetteer(g, 'Colombia')[0]).toMatchObject({ kind: 'country', country: 'CO' });
  });
});

describe('regions and nearest places', () => {
  it('resolves an event’s region by name within its country, whatever the wording', () => {
    expect(resolveRegion(g, 'Peru', 'Ayacucho')?.code).toBe('PE.05');
    expect(resolveRegion(g, 'Perú', 'Región Ayacucho')?.code).toBe('PE.05');
    expect(resolveRegion(g, '', 'apurimac')?.code).toBe('PE.03');
    expect(resolveRegion(g, 'Colombia', 'Ayacucho')).toBeNull();
    expect(resolveRegion(g, 'Atlantis', 'Ayacucho')).toBeNull();
  });

  it('names the nearest populated place to a clicked point', () => {
    expect(nearestPlace(g, -12.95, -74.24)?.name).toBe('Huanta');
  });
});
