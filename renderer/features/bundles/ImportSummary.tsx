import type { ImportResult } from '../../bundle/types';
import { useT } from '../../i18n/useT';

/** What the import did; the imported case is already open behind the dialog. */
export function ImportSummary({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const t = useT();
  return (
    <div className="bundle-dialog__body">
      <div className="bundle-dialog__content">
        <p role="status"><strong>{t('bundles.summary.done')}</strong></p>
        <dl className="kv import-summary">
          <dt>{t('bundles.summary.added')}</dt><dd>{result.added}</dd>
          <dt>{t('bundles.summary.replaced')}</dt><dd>{result.replaced}</dd>
          <dt>{t('bundles.summary.keptBoth')}</dt><dd>{result.keptBoth}</dd>
          <dt>{t('bundles.summary.unchanged')}</dt><dd>{result.unchanged}</dd>
          <dt>{t('bundles.summary.files')}</dt><dd>{result.filesAdded}</dd>
          {result.restored > 0 ? <><dt>{t('bundles.summary.restored')}</dt><dd>{result.restored}</dd></> : null}
          {result.ocrPages > 0 ? <><dt>{t('bundles.summary.ocrPages')}</dt><dd>{result.ocrPages}</dd></> : null}
          {result.keptInTrash > 0 ? <><dt>{t('bundles.summary.keptInTrash')}</dt><dd>{result.keptInTrash}</dd></> : null}
        </dl>
        {result.replaced > 0 ? <p className="muted">{t('bundles.summary.inTrash')}</p> : null}
      </div>
      <div className="bundle-dialog__actions"><button type="button" className="primary" autoFocus onClick={onClose}>{t('action.close')}</button></div>
    </div>
  );
}
