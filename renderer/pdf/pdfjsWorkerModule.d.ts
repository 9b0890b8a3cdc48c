// pdfjs-dist ships no types for its worker entry; the extraction worker only needs to
// hand the module to pdf.js (as globalThis.pdfjsWorker).
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
