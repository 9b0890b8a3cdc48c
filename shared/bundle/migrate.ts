import { MODEL_VERSION } from '../model';
import { fromUtf8, sha256Hex, utf8 } from './bytes';
import type { ManifestEntry } from './manifest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, PAGES_PATH, RECORD_PATHS, fail, pagesPath } from './manifest';
import { NAME_RULES_PATH } from './nameRules';
import { CHARTS_PATH } from './charts';
import { entriesFromTexts } from './pages';

/**
 * Old bundle versions are brought up to the current one a step at a time, before any
 * validation of records: each step takes the raw entries of version n and returns those of
 * version n + 1, filling defaults for what the old version lacked. Steps are pure and tested
 * against fixtures of the old layout.
 *
 * Version 0 is the pre-release layout (never shipped, kept as the worked example):
 *   manifest.json  { format, formatVersion: 0, app, created: ISO string, caseId, entries }
 *   data.json      { cases, actors, events, documents, pages: { [documentId]: string[] } }
 *   files/<sha256>.pdf
 * and its actors had no `statusHistory` or `nationality`.
 *
 * Version 1 (shipped) carried page text only: `records/pages/<id>.json` was
 * `{ documentId, pages: string[] }`. Version 2 carries each page as `{ text, state,
 * annotations?, ocr? }`; a version-1 page gets its state from its document's extraction
 * state (legacyPageState, as the database's own upgrade to version 4 did), and neither
 * annotations nor OCR.
 *
 * Version 3 adds `records/nameRules.json`, the user's name-matching rules for the bundle's
 * actors (docs/mentions.md). A version-2 bundle had none: its actors get the rules Casefile
 * proposes, as they did when it was read by the version that wrote it.
 *
 * Version 4 adds `records/charts.json`, the case's saved link charts (docs/chart.md). A
 * version-3 bundle had none.
 */

/** An entry's bytes in memory, or a stored entry left in the source Blob (its CRC-32 still to check). */
export type EntryData = Uint8Array | { blob: Blob; size: number; crc: number };

export const entrySize = (data: EntryData): number => (data instanceof Uint8Array ? data.length : data.size);

export interface RawBundle {
  manifest: Record<string, unknown>;
  /** Every entry but manifest.json, by path. */
  entries: Map<string, EntryData>;
}

export type MigrationStep = (bundle: RawBundle) => RawBundle;

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = { 0: migrateV0toV1, 1: migrateV1toV2, 2: migrateV2toV3, 3: migrateV3toV4 };

export function migrate(bundle: RawBundle, fromVersion: number): RawBundle {
  let current = bundle;
  for (let version = fromVersion; version < BUNDLE_FORMAT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) fail('unsupported-version', `This bundle uses format version ${fromVersion}, which this version of Casefile can no longer read.`);
    try {
      current = step(current);
    } catch (e) {
      if (e instanceof Error && e.name === 'BundleFailure') throw e;
      fail('migration-failed', `This bundle uses the older format version ${version} and could not be converted: its contents do not fit that format.`);
    }
  }
  return current;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function migrateV0toV1(bundle: RawBundle): RawBundle {
  const dataBytes = bundle.entries.get('data.json');
  if (!dataBytes) fail('entry-missing', 'This older bundle has no data.json, so it holds no records.', { entry: 'data.json' });
  if (!(dataBytes instanceof Uint8Array)) throw new Error('data.json was not read');
  const data: unknown = JSON.parse(fromUtf8(dataBytes) ?? '');
  if (!isObject(data)) throw new Error('data.json is not an object');

  const actors = list(data.actors).map((a) => (isObject(a) ? { statusHistory: [], nationality: '', ...a } : a));
  const cases = list(data.cases);
  const events = list(data.events);
  const documents = list(data.documents);
  const pages = isObject(data.pages) ? data.pages : {};

  const entries = new Map<string, EntryData>();
  const put = (path: string, value: unknown): void => void entries.set(path, utf8(JSON.stringify(value)));
  put(RECORD_PATHS.cases, cases);
  put(RECORD_PATHS.actors, actors);
  put(RECORD_PATHS.events, events);
  put(RECORD_PATHS.documents, documents);
  for (const documentId of Object.keys(pages).sort()) put(pagesPath(documentId), { documentId, pages: pages[documentId] });
  for (const [path, bytes] of bundle.entries) if (path.startsWith('files/')) entries.set(path, bytes);

  const old = bundle.manifest;
  const theCase = cases.find((c) => isObject(c) && c.id === old.caseId);
  const meta = isObject(theCase) ? theCase : {};
  const createdAt = Date.parse(String(old.created));
  const oldEntries = new Map(list(old.entries).filter(isObject).map((e) => [String(e.path), e]));
  const manifestEntries: ManifestEntry[] = [...entries].map(([path, data]) => {
    const carried = oldEntries.get(path);
    // Files are carried over unchanged, so their already-verified hashes are reused.
    const sha256 = carried && typeof carried.sha256 === 'string' ? carried.sha256 : data instanceof Uint8Array ? sha256Hex(data) : '';
    return { path, sha256, size: entrySize(data) };
  });
  const manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: 1,
    modelVersion: MODEL_VERSION,
    appVersion: typeof old.app === 'string' && old.app ? old.app : 'unknown',
    createdAt: Number.isFinite(createdAt) && createdAt >= 0 ? createdAt : 0,
    case: { id: old.caseId, name: meta.name ?? '', description: meta.description ?? '' },
    counts: {
      cases: cases.length, actors: actors.length, events: events.length, documents: documents.length,
      pages: Object.keys(pages).length, files: manifestEntries.filter((e) => e.path.startsWith('files/')).length,
    },
    entries: manifestEntries,
  };
  return { manifest, entries };
}

/** Each entry's size and SHA-256 again, for entries a step rewrote (files keep their verified hashes). */
function relist(old: Record<string, unknown>, entries: ReadonlyMap<string, EntryData>): ManifestEntry[] {
  const previous = new Map(list(old.entries).filter(isObject).map((e) => [String(e.path), e]));
  return [...entries].map(([path, data]) => {
    const carried = previous.get(path);
    const sha256 = data instanceof Uint8Array ? sha256Hex(data) : carried && typeof carried.sha256 === 'string' ? carried.sha256 : '';
    return { path, sha256, size: entrySize(data) };
  });
}

function migrateV1toV2(bundle: RawBundle): RawBundle {
  const json = (path: string): unknown => {
    const data = bundle.entries.get(path);
    if (!data) return undefined;
    if (!(data instanceof Uint8Array)) throw new Error(`${path} was not read`);
    return JSON.parse(fromUtf8(data) ?? '') as unknown;
  };
  const stateOf = new Map<string, string>();
  for (const d of list(json(RECORD_PATHS.documents))) {
    const extraction = isObject(d) ? d.extraction : undefined;
    if (isObject(d) && typeof d.id === 'string' && isObject(extraction) && typeof extraction.state === 'string') stateOf.set(d.id, extraction.state);
  }
  const entries = new Map<string, EntryData>();
  for (const [path, data] of bundle.entries) {
    const match = PAGES_PATH.exec(path);
    if (!match) { entries.set(path, data); continue; }
    const old = json(path);
    // Anything that is not the version-1 shape is left for validation to refuse with its field path.
    if (!isObject(old) || !Array.isArray(old.pages) || !old.pages.every((p) => typeof p === 'string')) { entries.set(path, data); continue; }
    const pages = entriesFromTexts(old.pages as string[], stateOf.get(match[1]!) ?? 'extracted');
    entries.set(path, utf8(JSON.stringify({ documentId: old.documentId, pages })));
  }
  return { manifest: { ...bundle.manifest, formatVersion: 2, entries: relist(bundle.manifest, entries) }, entries };
}

function migrateV2toV3(bundle: RawBundle): RawBundle {
  if (bundle.entries.has(NAME_RULES_PATH)) throw new Error(`${NAME_RULES_PATH} is not part of format version 2`);
  const entries = new Map(bundle.entries);
  const none = utf8('[]');
  entries.set(NAME_RULES_PATH, none);
  const counts = isObject(bundle.manifest.counts) ? { ...bundle.manifest.counts, nameRules: 0 } : bundle.manifest.counts;
  // Every other entry is carried over as it is, so its listing (already verified) is too.
  const listed = [...list(bundle.manifest.entries), { path: NAME_RULES_PATH, sha256: sha256Hex(none), size: none.length }];
  return { manifest: { ...bundle.manifest, formatVersion: 3, counts, entries: listed }, entries };
}

function migrateV3toV4(bundle: RawBundle): RawBundle {
  if (bundle.entries.has(CHARTS_PATH)) throw new Error(`${CHARTS_PATH} is not part of format version 3`);
  const entries = new Map(bundle.entries);
  const none = utf8('[]');
  entries.set(CHARTS_PATH, none);
  const counts = isObject(bundle.manifest.counts) ? { ...bundle.manifest.counts, charts: 0 } : bundle.manifest.counts;
  const listed = [...list(bundle.manifest.entries), { path: CHARTS_PATH, sha256: sha256Hex(none), size: none.length }];
  return { manifest: { ...bundle.manifest, formatVersion: 4, counts, entries: listed }, entries };
}
