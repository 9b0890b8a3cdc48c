import { describe, expect, it } from 'vitest';
import { ACLED_REGIONS, acledCountry, acledCountryTable } from './acledCountries';
import { countryCode, countryCodes } from './codes';

describe("ACLED's iso and region from the country as typed", () => {
  it.each([
    ['Peru', 604, 'South America'], ['Perú', 604, 'South America'], ['PE', 604, 'South America'],
    ['México', 484, 'Central America'], ['Colombia', 170, 'South America'], ['Haiti', 332, 'Caribbean'],
    ['Nigeria', 566, 'Western Africa'], ['Democratic Republic of Congo', 180, 'Middle Africa'], ['Sudan', 729, 'Northern Africa'],
    ['Mozambique', 508, 'Southern Africa'], ['Somalia', 706, 'Eastern Africa'], ['Turkey', 792, 'Middle East'],
    ['Irán', 364, 'Middle East'], ['Georgia', 268, 'Caucasus and Central Asia'], ['Afghanistan', 4, 'South Asia'],
    ['Myanmar', 104, 'Southeast Asia'], ['Japón', 392, 'East Asia'], ['Ukraine', 804, 'Europe'], ['Russia', 643, 'Europe'],
    ['United States', 840, 'North America'], ['Papua New Guinea', 598, 'Oceania'], ['Bosnia and Herzegovina', 70, 'Europe'],
    ['Germany', 276, 'Europe'], ['Zimbabwe', 716, 'Southern Africa'], ['Yemen', 887, 'Middle East'],
  ] as const)('%s → %i, %s', (name, iso, region) => {
    expect(acledCountry(name)).toMatchObject({ iso, region });
  });

  it('leaves Kosovo without a numeric code (it has none) and a place that is not a country without either', () => {
    expect(acledCountry('Kosovo')).toMatchObject({ iso: null, region: 'Europe' });
    expect(acledCountry('VRAEM')).toBeNull();
    expect(acledCountry('')).toBeNull();
  });

  it('covers every country and territory a country name can resolve to, each numeric code once', () => {
    const table = acledCountryTable();
    const missing = countryCodes().filter((code) => !table.has(code.toUpperCase()));
    expect(missing).toEqual([]);
    const isos = [...table.values()].map((c) => c.iso).filter((n) => n !== null);
    expect(new Set(isos).size).toBe(isos.length);
    expect(new Set([...table.values()].map((c) => c.region))).toEqual(new Set(ACLED_REGIONS));
  });

  it('resolves names to current codes, never to withdrawn ones that ICU still names', () => {
    expect(['Germany', 'Zimbabwe', 'Serbia', 'Yemen', 'Myanmar', 'Vanuatu', 'Russia'].map(countryCode))
      .toEqual(['de', 'zw', 'rs', 'ye', 'mm', 'vu', 'ru']);
    expect(['DE', 'la', 'Estados Unidos de América', 'Saint Lucia'].map(countryCode)).toEqual(['de', 'la', 'us', 'lc']);
  });
});
