import type { CaseSnapshot } from '../bundle/manifest';

/**
 * What every export reads: a case snapshot without the file bytes. The exports
 * describe documents (title, SHA-256, pages' text) but never need the PDFs themselves.
 */
export type ExportInput = Omit<CaseSnapshot, 'files'>;
