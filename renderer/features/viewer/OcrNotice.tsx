import { useT } from '../../i18n/useT';
import type { PageOcr } from './usePageOcr';

/**
 * Under the toolbar, for a page whose text came from OCR, how sure the engine was; for a scan OCR could not
 * read, why — so a page with no selectable text never looks like a blank one without a word.
 */
export function OcrNotice({ ocr }: { ocr: PageOcr }) {
  const t = useT();
  if (ocr.status === 'read') {
    return (
      <p className="viewer__ocr" role="note" data-testid="ocr-notice">
        {t('viewer.ocr.read', { confidence: Math.round(ocr.provenance.confidence) })}
      </p>
    );
  }
  return (
    <p className="viewer__ocr viewer__ocr--failed" role="note" data-testid="ocr-notice">
      {t('viewer.ocr.failed', { reason: t(`viewer.ocr.reason.${ocr.reason}`) })}
    </p>
  );
}
