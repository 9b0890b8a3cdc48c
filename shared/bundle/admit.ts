import { MODEL_VERSION } from '../model';
import type { ManifestEntry } from './manifest';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, FILE_PATH, MANIFEST_PATH, OLDEST_READABLE_VERSION, PAGES_PATH, fail, manifestEntriesSchema } from './manifest';

/**
 * Everything about a bundle that can be checked before its contents are inflated: from the zip
 * directory alone (admitEntries: names the format has, each JSON entry within its budget, all of
 * them within the total), then from the manifest (checkHead: format, versions; checkListing:
 * every entry listed once with the size the directory declares, counts that match the entries).
 * A hostile bundle refused here costs its directory and its manifest, whatever it claims to hold.
 */

const MiB = 1024 * 1024;

/**
 * What each kind of entry may hold, uncompressed. JSON is inflated into memory and parsed, so it
 * is budgeted far below the zip limits: at what a genuine library needs (a record list of
 * 80,000 actors is ~120 MB; a 2,000-page scan with OCR words ~100 MB), and a format-0 bundle,
 * which never shipped, at what its one pre-release case held.
 */
export const JSON_BUDGETS: readonly (readonly [RegExp, number, string])[] = [
  [/^manifest\.json$/, 4 * MiB, 'the manifest'],
  [/^records\/(cases|actors|events|documents)\.json$/, 128 * MiB, 'a record list'],
  [/^records\/nameRules\.json$/, 32 * MiB, 'the name-matching rules'],
  // A case's saved link charts: node ids and positions (~120 bytes a node), a few thousand nodes a chart.
  [/^records\/charts\.json$/, 32 * MiB, 'the saved link charts'],
  // Version 2 pages carry OCR words and boxes (~130 bytes a word): a long scanned document is tens of MB.
  [PAGES_PATH, 128 * MiB, 'one document\'s pages'],
  [/^data\.json$/, 16 * MiB, 'the records of a format-0 bundle'],
];

/**
 * All JSON entries together. Reading a bundle holds its records and page texts in memory (the
 * import preview compares them with the library), so this bounds what any bundle costs to read,
 * whatever its entries claim: at ~250 MB/s of inflating, hashing and parsing, a few seconds.
 * The writer refuses to write a bundle over it (the library is then exported case by case).
 */
export const JSON_TOTAL_BUDGET = 256 * MiB;

/** Before anything is inflated: names the format has, and each JSON entry and all of them within budget. */
export function admitEntries(entries: readonly { name: string; size: number }[]): void {
  if (!entries.some((e) => e.name === MANIFEST_PATH)) fail('not-a-bundle', 'This zip has no manifest.json, so it is not a Casefile bundle.');
  let total = 0;
  for (const { name, size } of entries) {
    if (FILE_PATH.test(name)) continue;
    const budget = JSON_BUDGETS.find(([pattern]) => pattern.test(name));
    if (!budget) fail('entry-unlisted', `The bundle holds "${name}", which is not part of the bundle format.`, { entry: name });
    if (size > budget[1]) {
      fail('entry-too-large', `"${name}" would be ${Math.round(size / MiB)} MB of text; ${budget[2]} is never larger than ${budget[1] / MiB} MB in a bundle.`, { entry: name });
    }
    total += size;
    if (total > JSON_TOTAL_BUDGET) {
      fail('total-too-large', `The bundle's records and page texts would be more than ${JSON_TOTAL_BUDGET / MiB} MB of text, more than any bundle holds.`, { entry: name });
    }
  }
}

/** The manifest's head: a Casefile bundle, of a format version and record model this Casefile reads. */
export function checkHead(raw: unknown): Record<string, unknown> & { formatVersion: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('manifest-invalid', 'The bundle\'s manifest is not a JSON object.');
  const head = raw as Record<string, unknown>;
  if (head.format !== BUNDLE_FORMAT) fail('not-a-bundle', 'This zip has a manifest, but not a Casefile bundle\'s.');
  const version = head.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) fail('manifest-invalid', 'The bundle\'s manifest has no valid format version.');
  if (version > BUNDLE_FORMAT_VERSION) {
    fail('future-version', `This bundle was made by a newer Casefile (format version ${version}; this one reads up to ${BUNDLE_FORMAT_VERSION}): update Casefile to import it.`);
  }
  if (version < OLDEST_READABLE_VERSION) fail('unsupported-version', `This bundle's format version ${version} is not one Casefile ever wrote.`);
  // Records of a newer model may hold fields this Casefile would drop without a word.
  const model = head.modelVersion;
  if (typeof model === 'number' && Number.isInteger(model) && model > MODEL_VERSION) {
    fail('future-version', `This bundle was made by a newer Casefile (record model ${model}; this one knows up to ${MODEL_VERSION}): update Casefile to import it.`);
  }
  return head as Record<string, unknown> & { formatVersion: number };
}

/**
 * The manifest's listing against the entries (sizes as the directory declares them, or as they
 * are in memory after a migration): each listed once, present, of the listed size; nothing
 * unlisted; a PDF's name is the hash the manifest gives for it. Returns the listing by path.
 */
export function checkListing(listed: unknown, sizes: ReadonlyMap<string, number>): Map<string, ManifestEntry> {
  const parsed = manifestEntriesSchema.safeParse(listed);
  if (!parsed.success) fail('manifest-invalid', 'The bundle\'s manifest does not list its contents properly.');
  const byPath = new Map<string, ManifestEntry>();
  for (const e of parsed.data) {
    const size = sizes.get(e.path);
    if (size === undefined || byPath.has(e.path)) fail('entry-missing', `The manifest lists "${e.path}", but the bundle does not hold it (once).`, { entry: e.path });
    byPath.set(e.path, e);
    if (size !== e.size) fail('manifest-size-mismatch', `"${e.path}" is ${size} bytes; the manifest says ${e.size}.`, { entry: e.path });
    // A PDF is named by its SHA-256 and documents find their file by that name: the manifest
    // must vouch for exactly that hash (then the hash check proves the bytes).
    const named = FILE_PATH.exec(e.path);
    if (named && named[1] !== e.sha256) {
      fail('hash-mismatch', `"${e.path}" is named after a SHA-256 that the manifest does not give for it: the file is not the document it claims to be.`, { entry: e.path });
    }
  }
  for (const path of sizes.keys()) {
    if (!byPath.has(path)) fail('entry-unlisted', `The bundle holds "${path}", which its manifest does not list.`, { entry: path });
  }
  return byPath;
}

/** The counts the manifest gives for page lists and files, against the entries that are there (format 1 on). */
export function checkEntryCounts(head: Record<string, unknown>, names: Iterable<string>): void {
  if (head.formatVersion === 0) return;
  const counts = head.counts;
  if (typeof counts !== 'object' || counts === null) fail('manifest-invalid', 'The bundle\'s manifest does not say how many records it holds.');
  let pages = 0;
  let files = 0;
  for (const name of names) {
    if (PAGES_PATH.test(name)) pages++;
    else if (FILE_PATH.test(name)) files++;
  }
  const promised = counts as Record<string, unknown>;
  if (promised.pages !== pages) fail('count-mismatch', `The manifest promises ${String(promised.pages)} page lists but the bundle holds ${pages}.`);
  if (promised.files !== files) fail('count-mismatch', `The manifest promises ${String(promised.files)} files but the bundle holds ${files}.`);
}
