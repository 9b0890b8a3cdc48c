/** Why an import wrote nothing, in plain words (renderer/bundle/apply.ts, readLocal.ts). */
export type ImportErrorCode = 'disk-full' | 'changed' | 'write-failed' | 'id-clash';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly code: ImportErrorCode, message: string) {
    super(message);
  }
}
