import type { MergeStatus } from '../../shared/bundle/merge';
import type { BundleManifest, ScryptFn } from '../../shared/bundle';
import { scryptInProcess } from '../../shared/bundle';
import { ImportError, applyImport, planImport } from '../bundle/apply';
import { NothingToExportError, collectSnapshot } from '../bundle/collect';
import type { CaseSnapshot } from '../bundle/io';
import type { ByteParts, SealedParts } from '../bundle/io';
import { BundleTooLargeError, ageHeader, ageKey, passphraseScryptArgs, layOutFiles, partsBlob, payloadKeyOf, randomBytes, readBundleBlob, recordsEntry, writeBundleParts, writeBundleRest, writeBundleSealedAtSave } from '../bundle/io';
import type { BundleFile, BundleHead, PreparedEntry } from '../bundle/io';
import type { SealPool } from './sealPool';
import { PreparedKey, PreparedScrypt } from './preparedKey';

import type { FileHasher } from './hashClient';
import { buildPreview, unresolvedWarnings } from '../bundle/preview';
import type { BundleProgress, BundleScope } from '../bundle/types';
import type { CasefileDb } from '../db/db';
import type { BundleRequest, BundleResponse } from './bundleProtocol';

/**
 * The bundle worker's message loop, apart from `self` so tests drive it in Node with
 * fake-indexeddb: export (collect → write a Blob), inspect (read and validate → merge
 * preview; the parsed bundle stays here under a token), apply (the one atomic import),
 * discard, cancel. Progress goes out at most every PROGRESS_INTERVAL_MS per job.
 */
export const PROGRESS_INTERVAL_MS = 100;
/** Inspected bundles kept at once; the oldest is forgotten past this (the screen shows one at a time). */
const MAX_OPEN_BUNDLES = 4;

export interface BundleHostConfig {
  openDb: () => Promise<CasefileDb>;
  post: (message: BundleResponse) => void;
  appVersion: string;
  now?: () => number;
  /** Monotonic clock for progress throttling. */
  clock?: () => number;
  newToken?: () => string;
  /** age's scrypt work factor for encrypted exports; tests lower it, the app keeps age's default (18). */
  scryptWorkFactor?: number;
  /** Where age's scrypt runs: the app gives it a worker of its own (scryptClient.ts); in this realm otherwise. */
  scrypt?: ScryptFn;
  /** Workers that seal a passphrase export's payload and open a passphrase import's (sealPool.ts), started per export or import; in this realm otherwise. */
  sealers?: () => SealPool;
  /** A worker that hashes an inspected bundle's PDFs while the records are read (hashClient.ts), per inspection; in this realm otherwise. */
  hasher?: () => FileHasher | null;
}

interface OpenBundle {
  snapshot: CaseSnapshot;
  manifest: BundleManifest;
  expected: Map<string, MergeStatus>;
}

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

export function suggestedName(scope: BundleScope, caseName: string, createdAt: number, encrypted: boolean): string {
  const day = new Date(createdAt).toISOString().slice(0, 10);
  const slug = caseName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const stem = scope.kind === 'library' ? 'casefile-backup' : slug || 'case';
  return `${stem}-${day}.casefile${encrypted ? '.age' : ''}`;
}

export function createBundleHost(config: BundleHostConfig): { handle(message: BundleRequest): void; idle(): Promise<void> } {
  const { post } = config;
  const now = config.now ?? (() => Date.now());
  const clock = config.clock ?? (() => performance.now());
  const newToken = config.newToken ?? (() => crypto.randomUUID());
  let dbPromise: Promise<CasefileDb> | null = null;
  const db = () => {
    if (!dbPromise) {
      const opening = config.openDb();
      dbPromise = opening;
      // A failed open is tried again by the next job (a warm-up's failure must not stick to the export).
      opening.catch(() => { if (dbPromise === opening) dbPromise = null; });
    }
    return dbPromise;
  };
  const running = new Map<number, AbortController>();
  const open = new Map<string, OpenBundle>();
  const jobs = new Set<Promise<void>>();
  const keyOpts = {
    ...(config.scrypt ? { scrypt: config.scrypt } : {}), ...(config.scryptWorkFactor !== undefined ? { scryptWorkFactor: config.scryptWorkFactor } : {}),
  };
  const preparedKey = new PreparedKey(keyOpts);
  /** An import's scrypt, the key stretched while its passphrase was typed taken when it matches. */
  const importScrypt = new PreparedScrypt(config.scrypt ?? scryptInProcess);
  /** An export's age key: the one prepared in the dialog for this passphrase, else scrypt begun now (its own worker). */
  const exportKey = (passphrase: string | undefined) =>
    passphrase === undefined ? undefined : preparedKey.take(passphrase) ?? ageKey(passphrase, keyOpts);

  const progressFor = (id: number) => {
    let last = -Infinity;
    let lastPhase = '';
    return (p: BundleProgress) => {
      const t = clock();
      if (p.phase === lastPhase && p.done < p.total && t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      lastPhase = p.phase;
      post({ type: 'progress', id, progress: { phase: p.phase, done: p.done, total: p.total } });
    };
  };

  async function run(id: number, work: (signal: AbortSignal, progress: (p: BundleProgress) => void) => Promise<BundleResponse>): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      post(await work(controller.signal, progressFor(id)));
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) post({ type: 'cancelled', id });
      else if (error instanceof ImportError) post({ type: 'failed', id, message: error.message, code: error.code });
      else if (error instanceof NothingToExportError || error instanceof BundleTooLargeError) post({ type: 'failed', id, message: error.message, code: error.code });
      else post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.delete(id);
    }
  }

  const exportBundle = (req: Extract<BundleRequest, { type: 'export' }>) => req.as === 'streamed' ? exportStreamed(req) : run(req.id, async (signal, progress) => {
    progress({ phase: 'collecting', done: 0, total: 1 });
    // With a passphrase, scrypt (its own worker) starts now, and for a Blob export the sealing
    // workers too: the key is stretched and libsodium compiled while the records are read.
    const key = exportKey(req.passphrase);
    const encrypted = req.passphrase !== undefined;
    // The desktop save seals the payload as it writes the file (ageSealed.ts): here only the
    // zip and the age header. A browser download takes one Blob: sealed here, on the workers.
    const sealAtSave = encrypted && req.as === 'parts';
    const sealer = key && !sealAtSave ? config.sealers?.() : undefined;
    let snapshot: CaseSnapshot;
    // The largest entries (actors, events, documents) are serialised and deflated while the page rows are read.
    let prepared: PreparedEntry[] = [];
    try {
      snapshot = await collectSnapshot(await db(), req.scope, {
        onRecords: (r) => { prepared = [r.actors, r.events, r.documents].map(recordsEntry); },
      });
    } catch (e) {
      sealer?.close();
      throw e;
    }
    progress({ phase: 'collecting', done: 1, total: 1 });
    const createdAt = now();
    const info = { appVersion: config.appVersion, createdAt };
    const common = {
      ...(config.scryptWorkFactor !== undefined ? { scryptWorkFactor: config.scryptWorkFactor } : {}),
      ...(config.scrypt ? { scrypt: config.scrypt } : {}),
      ...(key ? { ageKey: key } : {}),
      signal, onProgress: progress, prepared,
    };
    let parts: ByteParts | SealedParts;
    try {
      parts = sealAtSave
        ? await writeBundleSealedAtSave(snapshot, info, { ...common, passphrase: req.passphrase! })
        : await writeBundleParts(snapshot, info, { ...common, ...(encrypted ? { passphrase: req.passphrase } : {}), ...(sealer ? { sealer } : {}) });
    } finally {
      sealer?.close();
    }
    const caseName = snapshot.cases.find((c) => c.id === snapshot.caseId)?.name ?? '';
    const counts = {
      cases: snapshot.cases.length, actors: snapshot.actors.length, events: snapshot.events.length,
      documents: snapshot.documents.length, pages: snapshot.pages.length, files: snapshot.files.length, nameRules: snapshot.nameRules?.length ?? 0, charts: snapshot.charts?.length ?? 0,
    };
    const about = { suggestedName: suggestedName(req.scope, caseName, createdAt, encrypted), counts, encrypted };
    // The browser build downloads one Blob; the desktop save streams the parts (never assembled).
    return { type: 'exported', id: req.id, result: req.as === 'parts' ? { parts, ...about } : { blob: partsBlob(parts as ByteParts), ...about } };
  });

  /**
   * A streamed export (the desktop save): the PDFs' entries go out as 'head' as soon as the
   * files' rows are read (bundleFiles.ts), so the save writes them while the page rows are still
   * read and the records deflated; then 'rest' (manifest, records, directory), then 'exported'
   * with the age header when there is a passphrase (scrypt, begun now, is awaited only there).
   */
  const exportStreamed = (req: Extract<BundleRequest, { type: 'export' }>) => run(req.id, async (signal, progress) => {
    progress({ phase: 'collecting', done: 0, total: 1 });
    const key = exportKey(req.passphrase);
    const encrypted = key !== undefined;
    // Every zip timestamp is this moment, so the head laid out during collect matches the rest.
    const createdAt = now();
    const info = { appVersion: config.appVersion, createdAt };
    // The age header goes out as soon as scrypt has made it: the save seals nothing before it.
    const headerSent = key ? ageHeader(key).then((header) => { if (!signal.aborted) post({ type: 'header', id: req.id, header }); }) : Promise.resolve();
    headerSent.catch(() => undefined); // awaited below
    let prepared: PreparedEntry[] = [];
    let headSent: Promise<BundleHead> | null = null;
    const sendHead = async (files: BundleFile[], about: Pick<CaseSnapshot, 'caseId' | 'cases'>): Promise<BundleHead> => {
      const head = await layOutFiles(files, createdAt, { signal, onBytes: (done, total) => progress({ phase: 'writing', done, total }) });
      const nonce = key ? randomBytes(16) : undefined;
      const sealing = key && nonce ? { headerLength: key.headerLength, nonce, payloadKey: await payloadKeyOf(key, nonce) } : undefined;
      const caseName = about.cases.find((c) => c.id === about.caseId)?.name ?? '';
      post({ type: 'head', id: req.id, head: { suggestedName: suggestedName(req.scope, caseName, createdAt, encrypted), encrypted, parts: head.parts, ...(sealing ? { sealing } : {}) } });
      return head;
    };
    const snapshot = await collectSnapshot(await db(), req.scope, {
      onRecords: (r) => { prepared = [r.actors, r.events, r.documents].map(recordsEntry); },
      onFiles: (files, about) => {
        headSent = sendHead(files, about);
        headSent.catch(() => undefined); // awaited below, after the rest of the collect
      },
    });
    progress({ phase: 'collecting', done: 1, total: 1 });
    if (!headSent) throw new Error('The bundle\'s files were never read.');
    const head = await (headSent as Promise<BundleHead>);
    const rest = await writeBundleRest(snapshot, info, { signal, onProgress: progress, prepared, head });
    post({ type: 'rest', id: req.id, parts: rest });
    const counts = {
      cases: snapshot.cases.length, actors: snapshot.actors.length, events: snapshot.events.length,
      documents: snapshot.documents.length, pages: snapshot.pages.length, files: snapshot.files.length, nameRules: snapshot.nameRules?.length ?? 0, charts: snapshot.charts?.length ?? 0,
    };
    await headerSent;
    return { type: 'exported', id: req.id, result: { counts } };
  });

  const inspect = (req: Extract<BundleRequest, { type: 'inspect' }>) => run(req.id, async (signal, progress) => {
    const encrypted = req.passphrase !== undefined;
    const hasher = config.hasher?.() ?? null;
    const stretched = importScrypt.claim();
    // The chunks of an encrypted bundle are opened on the sealing workers, one a core.
    const opener = encrypted ? config.sealers?.() : undefined;
    let read: Awaited<ReturnType<typeof readBundleBlob>>;
    try {
      read = await readBundleBlob(req.file, {
        ...(encrypted ? { passphrase: req.passphrase } : {}), scrypt: stretched.scrypt, signal, onProgress: progress,
        ...(hasher ? { digestFile: hasher.digestFile } : {}), ...(opener ? { opener } : {}),
      });
    } finally {
      opener?.close();
      hasher?.close();
      stretched.release();
    }
    if (!read.ok) return { type: 'inspected', id: req.id, result: { ok: false, error: read.error } } as BundleResponse;
    const database = await db();
    const total = read.snapshot.cases.length + read.snapshot.actors.length + read.snapshot.events.length + read.snapshot.documents.length;
    progress({ phase: 'comparing', done: 0, total });
    const plan = await planImport(database, read.snapshot);
    const warnings = await unresolvedWarnings(database, read.snapshot, read.warnings);
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    progress({ phase: 'comparing', done: total, total });
    const token = newToken();
    open.set(token, { snapshot: read.snapshot, manifest: read.manifest, expected: new Map(plan.items.map((i) => [i.key, i.status])) });
    while (open.size > MAX_OPEN_BUNDLES) open.delete(open.keys().next().value!);
    return { type: 'inspected', id: req.id, result: { ok: true, preview: buildPreview(token, read.manifest, plan, warnings, encrypted) } };
  });

  const apply = (req: Extract<BundleRequest, { type: 'apply' }>) => run(req.id, async (signal, progress) => {
    const bundle = open.get(req.token);
    if (!bundle) {
      return { type: 'failed', id: req.id, code: 'unknown-token', message: 'This bundle is no longer open (the worker restarted or it was closed). Open the bundle again.' };
    }
    const result = await applyImport(await db(), bundle.snapshot, req.choices, { expected: bundle.expected, signal, onProgress: progress, now: now() });
    open.delete(req.token);
    return { type: 'applied', id: req.id, result };
  });

  /** The import's passphrase as typed so far, stretched with the file's salt; a cancel drops it unless an inspection took it. */
  const prepareImportKey = (req: Extract<BundleRequest, { type: 'prepareImportKey' }>) => run(req.id, async (signal) => {
    const args = await passphraseScryptArgs(req.file, req.passphrase);
    if (!args || signal.aborted) return { type: 'keyPrepared', id: req.id };
    const { ready, cancel } = importScrypt.prepare(args.password, args.salt, args.logN);
    signal.addEventListener('abort', cancel, { once: true });
    await ready;
    return { type: 'keyPrepared', id: req.id };
  });

  /** Ends when the key is made; a cancel drops it (and ends its scrypt) unless an export took it. */
  const prepareKey = (req: Extract<BundleRequest, { type: 'prepareKey' }>) => run(req.id, async (signal) => {
    const { ready, cancel } = preparedKey.prepare(req.passphrase);
    signal.addEventListener('abort', cancel, { once: true });
    await ready;
    return { type: 'keyPrepared', id: req.id };
  });

  /** The database opened ahead of an export (the dialog is open); a failure here is met again by the export. */
  const warm = (req: Extract<BundleRequest, { type: 'warm' }>) => run(req.id, async () => {
    await db().catch(() => undefined);
    return { type: 'ready', id: req.id };
  });

  const track = (job: Promise<void>) => {
    jobs.add(job);
    void job.finally(() => jobs.delete(job));
  };

  return {
    handle(message) {
      switch (message.type) {
        case 'export': track(exportBundle(message)); break;
        case 'inspect': track(inspect(message)); break;
        case 'apply': track(apply(message)); break;
        case 'prepareKey': track(prepareKey(message)); break;
        case 'warm': track(warm(message)); break;
        case 'prepareImportKey': track(prepareImportKey(message)); break;
        case 'discard': open.delete(message.token); break;
        case 'cancel': running.get(message.id)?.abort(); break;
      }
    },
    async idle() {
      while (jobs.size) await Promise.all([...jobs]);
    },
  };
}
