import type * as PdfjsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { classifyPdfError } from '../../../shared/pdf/classifyError';
import { useDb } from '../../db/dbContext';
import { getDocumentBlob } from '../../db/documents';
import { loadPdfjs, viewerOpenOptions } from '../../pdf/pdfjs';

export type Pdfjs = typeof PdfjsModule;

export type PdfState =
  | { status: 'loading' }
  | { status: 'ready'; pdfjs: Pdfjs; pdf: PDFDocumentProxy }
  /** The document is in the trash or gone, or its bytes are missing. */
  | { status: 'missing' }
  | { status: 'locked' }
  | { status: 'damaged'; message: string };

/**
 * Opens the document's stored bytes with pdf.js under the safe options (no eval, no
 * XFA, no scripting, image caps; shared/pdf/openOptions.ts) and destroys it when the
 * document changes or the viewer closes. A locked or damaged file becomes a state to
 * show, never an exception. Mount it keyed by document id: it starts in 'loading'.
 */
export function usePdfDocument(documentId: string): PdfState {
  const db = useDb();
  const [state, setState] = useState<PdfState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    let task: ReturnType<Pdfjs['getDocument']> | null = null;
    const open = async (): Promise<PdfState> => {
      const [blob, pdfjs] = await Promise.all([getDocumentBlob(db, documentId), loadPdfjs()]);
      if (!blob) return { status: 'missing' };
      const data = new Uint8Array(await blob.arrayBuffer());
      if (!live) return { status: 'loading' };
      task = pdfjs.getDocument({ ...viewerOpenOptions(), data });
      try {
        return { status: 'ready', pdfjs, pdf: await task.promise };
      } catch (error) {
        const { state: kind, message } = classifyPdfError(error);
        return kind === 'damaged' ? { status: 'damaged', message } : { status: 'locked' };
      }
    };
    open().then(
      (next) => { if (live) setState(next); },
      (error: unknown) => { if (live) setState({ status: 'damaged', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => {
      live = false;
      // Destroying the loading task also destroys the document and its worker side.
      void (task as ReturnType<Pdfjs['getDocument']> | null)?.destroy().catch(() => {});
    };
  }, [db, documentId]);

  return state;
}
