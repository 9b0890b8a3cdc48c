import type { CasefileDb } from '../../db/db';
import { translate } from '../../i18n';
import { getPlatform } from '../../platform';
import type { MessageKey } from '../../i18n';
import type { ImportJob } from '../../state/store';
import { useUi } from '../../state/store';
import { createPdfExtractor } from '../../workers/pdfExtractClient';
import type { PdfExtractor } from '../../workers/pdfExtractClient';
import type { ImportFile, ImportOutcome } from './importPdfs';
import { importPdf } from './importPdfs';
import { confirmSpace } from '../storage/confirmSpace';
import { diskFullText } from '../storage/saveErrors';

/** Progress is shown at most this often per file, so a fast 1,000-page file does not re-render 1,000 times. */
const PROGRESS_INTERVAL_MS = 80;

let extractor: PdfExtractor | undefined;

/** One extraction worker for the session, shared by imports and password retries (files queue in it). */
export function sharedExtractor(): PdfExtractor {
  extractor ??= createPdfExtractor();
  return extractor;
}

interface Pending {
  jobId: string;
  file: ImportFile;
  caseIds: string[];
}

let nextJob = 1;

/**
 * The import queue behind the progress panel. It lives outside React so an import goes
 * on while the user switches views; its progress is UI state in the store (importJobs).
 * Files added while a batch runs join it at the end.
 */
class ImportRunner {
  private queue: Pending[] = [];
  private controller: AbortController | null = null;
  /** A full disk is announced once per batch, not once per file that then fails too. */
  private diskFullSaid = false;

  constructor(private readonly db: CasefileDb) {}

  /** Asks first when the disk looks too full for these files; nothing is queued if the user cancels. */
  add(files: readonly ImportFile[]): void {
    if (files.length === 0) return;
    const bytes = files.reduce((sum, f) => sum + f.blob.size, 0);
    void confirmSpace({ job: 'pdfs', bytes, count: files.length }).then((goOn) => { if (goOn) this.enqueue(files); });
  }

  private enqueue(files: readonly ImportFile[]): void {
    const ui = useUi.getState();
    const caseIds = ui.activeCaseId ? [ui.activeCaseId] : [];
    const jobs: ImportJob[] = files.map((file) => ({
      id: `import-${nextJob++}`, fileName: file.name, phase: 'queued', page: 0, pageCount: 0, documentId: null, message: '',
    }));
    // A finished batch's rows give way to the new one; a running batch's rows stay.
    ui.setImportJobs(this.controller ? [...ui.importJobs, ...jobs] : jobs);
    this.queue.push(...files.map((file, i) => ({ jobId: jobs[i]!.id, file, caseIds })));
    if (!this.controller) void this.run();
  }

  /** Stops the file being read (it writes nothing) and every file still waiting. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    const { updateImportJob } = useUi.getState();
    for (const pending of this.queue.splice(0)) updateImportJob(pending.jobId, { phase: 'cancelled' });
  }

  private async run(): Promise<void> {
    let controller = (this.controller = new AbortController());
    const ui = useUi.getState();
    ui.setImportRunning(true);
    this.diskFullSaid = false;
    const added: string[] = [];
    let finished = 0;
    try {
      for (let pending = this.queue.shift(); pending; pending = this.queue.shift()) {
        // Files queued after a cancel are a new request: they run under a fresh controller.
        if (controller.signal.aborted) controller = this.controller = new AbortController();
        const outcome = await this.importOne(pending, controller.signal);
        finished++;
        if (outcome.status === 'added') added.push(outcome.document.id);
      }
    } finally {
      this.controller = null;
      useUi.getState().setImportRunning(false);
    }
    // A single new file is what the user wants to look at next; a batch leaves the selection alone.
    if (finished === 1 && added.length === 1) useUi.setState({ selectedDocumentId: added[0]! });
  }

  private async importOne({ jobId, file, caseIds }: Pending, signal: AbortSignal): Promise<ImportOutcome> {
    const { updateImportJob } = useUi.getState();
    let lastProgress = 0;
    let outcome: ImportOutcome;
    try {
      outcome = await importPdf(this.db, file, {
        extractor: sharedExtractor(),
        signal,
        caseIds,
        onPhase: (phase) => updateImportJob(jobId, { phase }),
        onProgress: ({ page, pageCount }) => {
          const now = performance.now();
          if (page < pageCount && now - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = now;
          updateImportJob(jobId, { page, pageCount });
        },
      });
    } catch (error) {
      // Hashing or the duplicate lookup threw: still only this file fails.
      outcome = { status: 'failed', reason: 'error', detail: error instanceof Error ? error.message : String(error) };
    }
    const patch = jobPatch(outcome, file.name);
    updateImportJob(jobId, patch);
    // The row's text may be cut short: a full disk is said in full once a batch, where it is seen.
    if (outcome.status === 'failed' && outcome.reason === 'disk-full' && !this.diskFullSaid) {
      this.diskFullSaid = true;
      useUi.getState().notify(patch.message!, 'error');
    }
    return outcome;
  }
}

const FAILURE_KEYS: Record<Exclude<Extract<ImportOutcome, { status: 'failed' }>['reason'], 'disk-full'>, MessageKey> = {
  'too-large': 'documents.import.error.tooLarge',
  unreadable: 'documents.import.error.unreadable',
  invalid: 'documents.import.error.invalid',
  error: 'documents.import.error.other',
};

function jobPatch(outcome: ImportOutcome, fileName: string): Partial<ImportJob> {
  switch (outcome.status) {
    case 'added':
      return { phase: 'done', documentId: outcome.document.id, message: outcome.document.extraction.message, pageCount: outcome.document.extraction.pageCount };
    case 'duplicate':
      return { phase: 'duplicate', documentId: outcome.document.id, message: outcome.document.title };
    case 'cancelled':
      return { phase: 'cancelled' };
    case 'failed': {
      const lang = useUi.getState().language;
      if (outcome.reason === 'disk-full') return { phase: 'failed', message: diskFullText(lang, fileName) };
      return { phase: 'failed', message: translate(lang, FAILURE_KEYS[outcome.reason], { reason: outcome.detail, limit: outcome.detail }) };
    }
  }
}

const runners = new WeakMap<CasefileDb, ImportRunner>();

function runnerFor(db: CasefileDb): ImportRunner {
  let runner = runners.get(db);
  if (!runner) runners.set(db, (runner = new ImportRunner(db)));
  return runner;
}

/** Queues PDFs for adding to the library; progress appears in the store's importJobs. */
export function addPdfs(db: CasefileDb, files: readonly ImportFile[]): void {
  runnerFor(db).add(files);
}

export function cancelImport(db: CasefileDb): void {
  runnerFor(db).cancel();
}

function isPdfFile(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/** Files dropped on the window: PDFs are queued, anything else is named in a notice and left out. */
export function addDroppedFiles(db: CasefileDb, files: readonly File[]): void {
  const ui = useUi.getState();
  const others = files.filter((file) => !isPdfFile(file));
  if (others.length > 0) ui.notify(translate(ui.language, 'documents.import.notPdf', { names: others.map((f) => f.name).join(', ') }), 'error');
  addPdfs(db, files.filter(isPdfFile).map((file) => ({ name: file.name, blob: file })));
}

/** The platform's picker: the native dialog in the desktop app, a file input in the browser. */
export async function pickAndAddPdfs(db: CasefileDb): Promise<void> {
  const ui = useUi.getState();
  try {
    const picked = await getPlatform().pickPdfFiles();
    addPdfs(db, picked.map(({ name, bytes }) => ({
      name,
      blob: new Blob([bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)], { type: 'application/pdf' }),
    })));
  } catch (error) {
    ui.notify(translate(ui.language, 'documents.import.pickFailed', { reason: error instanceof Error ? error.message : String(error) }), 'error');
  }
}
