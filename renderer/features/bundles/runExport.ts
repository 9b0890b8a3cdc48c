import type { AcledDateSummary, FtmMention } from '../../../shared/export';
import { acledDateSummary, caseReport, exportAcledCsv, exportFtm, sha1Hex } from '../../../shared/export';
import type { BundleFile } from '../../../shared/bundle';
import { getBundleClient } from '../../bundle/bundleClient';
import { collectSnapshot } from '../../bundle/collect';
import type { BundleProgress, BundleScope } from '../../bundle/types';
import type { CasefileDb } from '../../db/db';
import { mentionsInDocument } from '../../db/mentions';
import { setSetting } from '../../db/settings';
import { listCharts } from '../../db/charts';
import type { Language } from '../../i18n';
import { getPlatform } from '../../platform';
import { createSealPool } from '../../workers/sealPool';
import { exportFileName } from './format';

export type ExportFormat = 'bundle' | 'ftm' | 'csv' | 'report';

export interface RunExportOptions {
  scope: BundleScope;
  format: ExportFormat;
  /** The case's name, for the text exports' file names. */
  caseName: string;
  passphrase?: string | undefined;
  lang: Language;
  onProgress: (progress: BundleProgress) => void;
  signal: AbortSignal;
  now?: () => number;
}

export interface RunExportResult {
  /** False when the user dismissed the save dialog. */
  saved: boolean;
  fileName: string;
  path?: string | undefined;
  /** ACLED CSV: how many events ACLED's date columns could not hold, for the dialog to say. */
  acledDates?: AcledDateSummary;
}

function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError');
}

/** FollowTheMoney's contentHash is a file's SHA-1; one file in memory at a time. */
async function contentSha1(files: readonly BundleFile[], signal: AbortSignal): Promise<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const file of files) {
    if (signal.aborted) throw abortError();
    map[file.sha256] = await sha1Hex(new Uint8Array(await file.blob.arrayBuffer()));
  }
  return map;
}

/**
 * The mentions index's pages naming the exported actors, for FollowTheMoney. A page whose
 * every match could as well name someone else (a shared surname) is left out, since FTM
 * readers take a link as a link; words naming several actors at once ("the Quispe
 * Palomino brothers") name each of them.
 */
async function certainMentions(db: CasefileDb, documentIds: readonly string[], actorIds: ReadonlySet<string>, signal: AbortSignal): Promise<FtmMention[]> {
  const out: FtmMention[] = [];
  for (const documentId of documentIds) {
    if (signal.aborted) throw abortError();
    for (const row of await mentionsInDocument(db, documentId)) {
      if (!actorIds.has(row.actorId) || !row.hits.some((h) => h.others.length === 0 || h.together)) continue;
      out.push({ documentId, page: row.page, actorId: row.actorId, snippet: row.snippet.text });
    }
  }
  return out;
}

const TEXT_FORMATS = {
  ftm: { extension: 'ftm', mimeType: 'application/x-ndjson' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
} as const;

/**
 * One export from start to saved file. Bundles are written by the bundle worker and
 * saved as a Blob (never whole in this thread's memory twice); the standard formats are
 * text built from the collected records; the report is saved as the platform's report
 * file (desktop: a PDF; browser: a self-contained HTML file).
 */
export async function runExport(db: CasefileDb, opts: RunExportOptions): Promise<RunExportResult> {
  const { scope, format, signal, onProgress } = opts;
  const now = opts.now ?? Date.now;
  const platform = getPlatform();

  if (format === 'bundle') {
    const client = getBundleClient();
    // Once the save writes, its progress (the whole file) is the one shown.
    let saving = false;
    const exportOpts = { onProgress: (p: BundleProgress) => { if (!saving) onProgress(p); }, signal, ...(opts.passphrase ? { passphrase: opts.passphrase } : {}) };
    const onSaveProgress = ({ done, total }: { done: number; total: number }) => {
      saving = true;
      onProgress({ phase: 'saving', done, total });
    };
    const mimeType = opts.passphrase ? 'application/octet-stream' : 'application/zip';
    if (!platform.savesParts) {
      // A browser download takes one Blob.
      const result = await client.exportBundle(scope, exportOpts);
      if (signal.aborted) throw abortError();
      const saved = await platform.saveBlob({ suggestedName: result.suggestedName, mimeType, blob: result.blob, onProgress: onSaveProgress, signal });
      if (saved.saved && scope.kind === 'library') await setSetting(db, 'lastBackupAt', now());
      return { saved: saved.saved, fileName: result.suggestedName, path: saved.path };
    }
    // The desktop save writes the bundle as it is made: its PDFs as soon as the files are read,
    // while the records are still collected, the rest after them (docs/bundle-format.md, "Layout").
    // With a passphrase it seals the payload as it writes it, on workers started now (libsodium
    // compiles while the records are collected), and writes the age header last.
    const sealer = opts.passphrase ? createSealPool(undefined, 'bytes') : undefined;
    // Ends the worker's job when the save ends first (dismissed dialog, failed write, cancel).
    const job = new AbortController();
    const stop = () => job.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const streamed = await client.exportBundleStreamed(scope, { ...exportOpts, signal: job.signal });
      if (signal.aborted) throw abortError();
      const saved = await platform.saveBlob({
        suggestedName: streamed.suggestedName, mimeType, blob: streamed.file,
        ...(sealer ? { sealer } : {}), onProgress: onSaveProgress, signal,
      });
      if (!saved.saved) return { saved: false, fileName: streamed.suggestedName };
      await streamed.done;
      if (scope.kind === 'library') await setSetting(db, 'lastBackupAt', now());
      return { saved: true, fileName: streamed.suggestedName, path: saved.path };
    } catch (error) {
      if (signal.aborted) throw abortError();
      throw error;
    } finally {
      signal.removeEventListener('abort', stop);
      job.abort();
      sealer?.close();
    }
  }

  onProgress({ phase: 'collecting', done: 0, total: 0 });
  // The standard formats carry records, not file bytes; FollowTheMoney names each file by its SHA-1.
  const { files, ...input } = await collectSnapshot(db, scope);
  if (signal.aborted) throw abortError();

  if (format === 'report') {
    const { version } = await platform.appInfo();
    // A case's report includes its saved link charts; a selection or the whole library does not.
    const charts = scope.kind === 'case' ? await listCharts(db, scope.caseId) : [];
    const page = caseReport(input, { locale: opts.lang, generatedAt: now(), appVersion: version, charts });
    const fileName = exportFileName(opts.caseName, platform.reportExtension, now());
    onProgress({ phase: 'saving', done: 0, total: 0 });
    const saved = await platform.saveReport(page, fileName);
    return { saved: saved.saved, fileName, path: saved.path };
  }

  const { extension, mimeType } = TEXT_FORMATS[format];
  const text = format === 'ftm'
    ? exportFtm(input, {
      contentSha1: await contentSha1(files, signal),
      mentions: await certainMentions(db, input.documents.map((d) => d.id), new Set(input.actors.map((a) => a.id)), signal),
    })
    : exportAcledCsv(input);
  const fileName = exportFileName(opts.caseName, extension, now());
  onProgress({ phase: 'saving', done: 0, total: 0 });
  const saved = await platform.saveFile({ suggestedName: fileName, mimeType, data: new TextEncoder().encode(text) });
  return { saved: saved.saved, fileName, path: saved.path, ...(format === 'csv' ? { acledDates: acledDateSummary(input.events) } : {}) };
}
