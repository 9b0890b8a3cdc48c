import { readFileSync, statSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildGazetteerText } from '../../scripts/build-gazetteer.mjs';
import { parseGazetteer, searchGazetteer } from '../../shared/geo/gazetteer';
import { regionLayer } from '../../renderer/features/map/regions';
import { foldText } from '../../shared/text/fold';

// The first-level regions the map draws (resources/geo/admin1.topo.json, from Natural Earth).
const FILE = new URL('../../resources/geo/admin1.topo.json', import.meta.url);
type Props = { c: string; n: string; k: string };
const topo = JSON.parse(readFileSync(FILE, 'utf8')) as Topology<{ regions: GeometryCollection<Props> }>;
const props = (g: { properties?: unknown }) => g.properties as Props;

describe('the shipped admin-1 regions (Natural Earth)', () => {
  it('stays small: a lazy chunk of under 2 MB', () => {
    expect(statSync(FILE).size).toBeLessThan(2_000_000);
  });

  it('has every Peruvian department under the gazetteer\'s own region codes', () => {
    const gazetteer = parseGazetteer(buildGazetteerText());
    const peru = topo.objects.regions.geometries.filter((g) => props(g).k === 'PE');
    expect(peru.length).toBeGreaterThanOrEqual(25);
    for (const name of ['Ayacucho', 'Apurímac', 'Junín', 'Cusco', 'Huancavelica']) {
      const region = peru.find((g) => props(g).n === name);
      expect(region, name).toBeDefined();
      // The same code joins the shape to the gazetteer's region (GeoNames writes some without accents: "Junin").
      const named = gazetteer.regions.find((r) => r.code === props(region!).c);
      expect(foldText(named?.name ?? '')).toBe(foldText(name));
      const hit = searchGazetteer(gazetteer, `${name}, Peru`).find((h) => h.kind === 'region');
      expect(foldText(hit?.name ?? '')).toBe(foldText(name));
    }
  });

  it('holds the places inside their region: Ayacucho city in Ayacucho, Pichari in Cusco', () => {
    const shapes = feature(topo, topo.objects.regions);
    const regionAt = (lon: number, lat: number) => shapes.features.find((f) => geoContains(f, [lon, lat]))?.properties?.n;
    expect(regionAt(-74.2236, -13.1588)).toBe('Ayacucho');
    expect(regionAt(-73.8253, -12.5161)).toBe('Cusco');
    expect(regionAt(-77.0428, -12.0464)).toMatch(/^Lima/);
  });

  it('draws borders only between regions of one country, and labels largest first', () => {
    const layer = regionLayer(topo);
    expect(layer.borders.coordinates.length).toBeGreaterThan(1_000);
    // No line of the region layer runs along Peru's border with Brazil (that is the country layer's).
    const onPeruBrazilBorder = layer.borders.coordinates.filter((line) => line.every(([lon, lat]) => lon! > -73.2 && lon! < -69.5 && lat! > -11.1 && lat! < -7.0));
    const peruBrazilShare = onPeruBrazilBorder.length / layer.borders.coordinates.length;
    expect(peruBrazilShare).toBeLessThan(0.002);
    const areas = layer.labels.map((l) => l.area);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
    const ayacucho = layer.labels.find((l) => l.code === 'PE.05')!;
    expect(ayacucho.name).toBe('Ayacucho');
    expect(ayacucho.lat).toBeGreaterThan(-15.7);
    expect(ayacucho.lat).toBeLessThan(-12.1);
  });
});
