import type { CasefileDb } from '../../db/db';
import { OcrRunner } from '../../ocr/ocrRunner';
import { ocrWorkerCount } from '../../ocr/progress';
import { useUi } from '../../state/store';
import { createOcrClient } from '../../workers/ocrClient';

const runners = new WeakMap<CasefileDb, OcrRunner>();

/**
 * Starts the session's OCR runner for this database, once: it reads queued scans in the
 * background for as long as the window is open (pause lives in the database, not here).
 * Its pace and the document in hand go to the store for the progress line.
 */
export function startOcr(db: CasefileDb): void {
  if (runners.has(db)) return;
  const runner = new OcrRunner(db, {
    createClient: () => createOcrClient(),
    workers: ocrWorkerCount(navigator.hardwareConcurrency),
    onStatus: (status) => useUi.getState().setOcrRun(status),
  });
  runners.set(db, runner);
  const run = () => {
    runner.start();
    return runner.done.catch((error: unknown) => console.error('OCR queue stopped', error));
  };
  // One runner per library: a second tab (the browser build) would take the same running job.
  // The lock is held until this window closes; the next window waiting for it then takes over.
  if (navigator.locks) void navigator.locks.request(`casefile-ocr-runner:${db.name}`, run);
  else void run();
}
