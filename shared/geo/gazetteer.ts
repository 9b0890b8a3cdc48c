// The offline gazetteer (scripts/build-gazetteer.mjs writes it): parsed into columns and a
// sorted prefix index, so a lookup as you type is a binary search, accent- and case-blind.
import { foldText } from '../text/fold';
import { wordStarts } from './gazetteerKeys';

export interface GazetteerRegion {
  /** GeoNames code, "PE.05". */
  code: string;
  country: string;
  /** '' where GeoNames' region list has no name for the code. */
  name: string;
  lat: number;
  lon: number;
}

export interface Gazetteer {
  credit: string;
  names: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  /** Index into `regions` for each place. */
  region: Uint16Array;
  regions: GazetteerRegion[];
  /** ISO 3166 alpha-2 → centroid (mean of its places) and place count. */
  countries: Map<string, { lat: number; lon: number; count: number }>;
  /** Folded keys (whole names and every word onwards), sorted, with the entry each names. */
  keys: string[];
  /** ≥ 0: a place; −1 − i: region i; −100000 − i: country i of `countryCodes`. */
  entries: Int32Array;
  /** Whether the key is the entry's whole name (ranks above a match inside the name). */
  whole: Uint8Array;
  countryCodes: string[];
}

export type PlaceKind = 'place' | 'region' | 'country';

export interface PlaceHit {
  kind: PlaceKind;
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** The region's name ('' for a country, or a region GeoNames has no name for). */
  region: string;
  lat: number;
  lon: number;
  population: number;
}

const COUNTRY_BASE = -100000;

/** Country names in English and Spanish (for matching typed names) from the runtime's ICU data. */
export function countryNames(code: string, langs: readonly string[] = ['en', 'es']): string[] {
  const out: string[] = [];
  for (const lang of langs) {
    try {
      const name = new Intl.DisplayNames([lang], { type: 'region' }).of(code);
      if (name && name !== code) out.push(name);
    } catch { /* an unknown code has no name */ }
  }
  return out;
}

interface Key { key: string; entry: number; whole: boolean }

/** Sorted keys of regions and countries (a few thousand: sorted here). */
function smallKeys(regions: readonly GazetteerRegion[], countryCodes: readonly string[]): Key[] {
  const out: Key[] = [];
  const add = (name: string, entry: number) => {
    const folded = foldText(name);
    for (const at of wordStarts(folded)) out.push({ key: at === 0 ? folded : folded.slice(at), entry, whole: at === 0 });
  };
  regions.forEach((r, i) => { if (r.name) add(r.name, -1 - i); });
  countryCodes.forEach((code, i) => {
    for (const name of new Set([...countryNames(code), code])) add(name, COUNTRY_BASE - i);
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Reads the file scripts/build-gazetteer.mjs writes. Places come in folded-name order and the
 * later-word keys already sorted, so the index is a merge of sorted lists, not a sort.
 */
export function parseGazetteer(text: string): Gazetteer {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').split('\t');
  if (header[0] !== 'casefile-gazetteer' || header[1] !== '1') throw new Error('Not a Casefile gazetteer file of version 1');
  const regions: GazetteerRegion[] = [];
  let i = 1;
  for (; i < lines.length && lines[i]!.charCodeAt(0) === 64 /* @ */; i++) {
    const f = lines[i]!.split('\t');
    const code = f[0]!.slice(1);
    regions.push({ code, country: code.slice(0, 2), name: f[1] ?? '', lat: Number(f[2]), lon: Number(f[3]) });
  }
  const firstPlace = i;
  let sep = firstPlace;
  while (sep < lines.length && lines[sep] !== '#') sep++;
  const n = sep - firstPlace;
  const names: string[] = new Array(n);
  const folded: string[] = new Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const population = new Uint32Array(n);
  const region = new Uint16Array(n);
  const sums = new Map<string, { lat: number; lon: number; count: number }>();
  for (let p = 0; p < n; p++) {
    const f = lines[firstPlace + p]!.split('\t');
    names[p] = f[0]!;
    folded[p] = foldText(f[0]!);
    region[p] = Number(f[1]);
    lat[p] = Number(f[2]);
    lon[p] = Number(f[3]);
    population[p] = Number(f[4]) || 0;
    const country = regions[region[p]!]?.country ?? '';
    let s = sums.get(country);
    if (!s) sums.set(country, (s = { lat: 0, lon: 0, count: 0 }));
    s.lat += lat[p]!;
    s.lon += lon[p]!;
    s.count++;
  }
  const countries = new Map<string, { lat: number; lon: number; count: number }>();
  for (const [code, s] of sums) countries.set(code, { lat: s.lat / s.count, lon: s.lon / s.count, count: s.count });
  const countryCodes = [...countries.keys()].sort();

  // Three sorted lists: whole place names (file order), later words (the file's index), and
  // regions and countries; merged into one.
  const suffixes: Key[] = [];
  for (let j = sep + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (!line) continue;
    const tab = line.indexOf('\t');
    const place = Number(line.slice(0, tab));
    suffixes.push({ key: folded[place]!.slice(Number(line.slice(tab + 1))), entry: place, whole: false });
  }
  const small = smallKeys(regions, countryCodes);
  const total = n + suffixes.length + small.length;
  const keys: string[] = new Array(total);
  const entries = new Int32Array(total);
  const whole = new Uint8Array(total);
  let a = 0; let b = 0; let c = 0;
  for (let k = 0; k < total; k++) {
    const ka = a < n ? folded[a]! : null;
    const kb = b < suffixes.length ? suffixes[b]!.key : null;
    const kc = c < small.length ? small[c]!.key : null;
    let pick = 0;
    let best = ka;
    if (kb !== null && (best === null || kb < best)) { pick = 1; best = kb; }
    if (kc !== null && (best === null || kc < best)) { pick = 2; best = kc; }
    keys[k] = best!;
    if (pick === 0) { entries[k] = a; whole[k] = 1; a++; }
    else if (pick === 1) { entries[k] = suffixes[b]!.entry; b++; }
    else { entries[k] = small[c]!.entry; whole[k] = small[c]!.whole ? 1 : 0; c++; }
  }
  return { credit: header[2] ?? '', names, lat, lon, population, region, regions, countries, keys, entries, whole, countryCodes };
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hitOf(g: Gazetteer, entry: number, lang = 'en'): PlaceHit {
  if (entry >= 0) {
    const r = g.regions[g.region[entry]!]!;
    return { kind: 'place', name: g.names[entry]!, country: r.country, region: r.name, lat: g.lat[entry]!, lon: g.lon[entry]!, population: g.population[entry]! };
  }
  if (entry > COUNTRY_BASE) {
    const r = g.regions[-1 - entry]!;
    return { kind: 'region', name: r.name, country: r.country, region: r.name, lat: r.lat, lon: r.lon, population: 0 };
  }
  const code = g.countryCodes[COUNTRY_BASE - entry]!;
  const c = g.countries.get(code)!;
  return { kind: 'country', name: countryNames(code, [lang])[0] ?? code, country: code, region: '', lat: c.lat, lon: c.lon, population: 0 };
}

/** Matches "Peru", "PE", "Perú" (any case or accents) to PE. */
export function countryCodeOf(g: Gazetteer, text: string): string | null {
  const q = foldText(text).trim();
  if (!q) return null;
  for (let i = lowerBound(g.keys, q); i < g.keys.length && g.keys[i] === q; i++) {
    const e = g.entries[i]!;
    if (e <= COUNTRY_BASE && g.whole[i]) return g.countryCodes[COUNTRY_BASE - e]!;
  }
  return null;
}

/**
 * Places, regions and countries whose name, or a word of it onwards, starts with the query.
 * "Ayacucho, Peru" narrows by what follows the comma (a country or region). Exact names first,
 * then countries and regions before places, then the more populous.
 */
export function searchGazetteer(g: Gazetteer, query: string, limit = 8, lang = 'en'): PlaceHit[] {
  const [namePart = '', ...rest] = query.split(',');
  const q = foldText(namePart).trim().replace(/\s+/g, ' ');
  if (!q) return [];
  const within = foldText(rest.join(',')).trim();
  const withinCountry = within ? countryCodeOf(g, within) : null;
  // The best `limit` so far, best first: a short query matches tens of thousands of keys,
  // and keeping a small list beats scoring and sorting them all.
  const top: { entry: number; score: number }[] = [];
  const MAX_SCAN = 60_000;
  for (let i = lowerBound(g.keys, q), scanned = 0; i < g.keys.length && scanned < MAX_SCAN; i++, scanned++) {
    const key = g.keys[i]!;
    if (!key.startsWith(q)) break;
    const e = g.entries[i]!;
    const exact = key === q && g.whole[i] ? 1 : 0;
    const kind = e >= 0 ? 0 : e > COUNTRY_BASE ? 1 : 2;
    const pop = e >= 0 ? g.population[e]! : 0;
    // Exact whole names, then whole-name prefixes, then matches of a later word; within each,
    // countries, regions, then places by population.
    const score = exact * 4e12 + (g.whole[i] ? 2e12 : 0) + kind * 1e12 + pop;
    if (top.length === limit && score <= top[limit - 1]!.score) continue;
    if (within) {
      const hit = hitOf(g, e);
      if (withinCountry ? hit.country !== withinCountry : !foldText(hit.region).startsWith(within)) continue;
    }
    const dup = top.findIndex((t) => t.entry === e);
    if (dup >= 0) { if (top[dup]!.score >= score) continue; top.splice(dup, 1); }
    let at = top.length;
    while (at > 0 && top[at - 1]!.score < score) at--;
    top.splice(at, 0, { entry: e, score });
    if (top.length > limit) top.pop();
  }
  const scored = top;
  return scored.slice(0, limit).map((s) => hitOf(g, s.entry, lang));
}

// Words that name the kind of region, not the region: "Ayacucho Region", "Departamento de Ayacucho".
const GENERIC = /\b(region|department|departamento|province|provincia|state|estado|governorate|oblast|county|district|distrito|de|del|of)\b/g;
const bare = (s: string) => foldText(s).replace(GENERIC, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The region an event names, to draw it there when it has no coordinates: by its country
 * (name or code) and region name. Without a country, a region name found in one country only.
 */
export function resolveRegion(g: Gazetteer, countryText: string, regionText: string): GazetteerRegion | null {
  const want = bare(regionText);
  if (!want) return null;
  const country = countryText.trim() ? countryCodeOf(g, countryText) : null;
  if (countryText.trim() && !country) return null;
  const found = g.regions.filter((r) => r.name && (!country || r.country === country) && bare(r.name) === want);
  if (found.length === 0) return null;
  return found.every((r) => r.country === found[0]!.country) ? found[0]! : null;
}

/** The populated place nearest a point (equirectangular distance, good enough within a region). */
export function nearestPlace(g: Gazetteer, lat: number, lon: number): PlaceHit | null {
  let best = -1;
  let bestD = Infinity;
  const k = Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i < g.names.length; i++) {
    let dx = Math.abs(g.lon[i]! - lon);
    if (dx > 180) dx = 360 - dx;
    const dy = g.lat[i]! - lat;
    const d = dy * dy + dx * k * dx * k;
    if (d < bestD) { bestD = d; best = i; }
  }
  return best < 0 ? null : hitOf(g, best);
}
