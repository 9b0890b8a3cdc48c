import { useId, useState } from 'react';
import type { SameFileRestore } from '../../db/trash';
import { useT } from '../../i18n/useT';
import { Dialog } from '../bundles/Dialog';
import '../bundles/bundles.css';
import './trash.css';

interface Props {
  /** The trashed document's title, and the live record that holds the same file. */
  title: string;
  live: string;
  onChoose: (how: SameFileRestore) => Promise<void>;
  onClose: () => void;
}

/**
 * A source in the Trash whose PDF is live under another record (the version an import
 * replaced, or the file added again): say what the user can do, in plain words, and do it.
 */
export function SameFileDialog({ title, live, onChoose, onClose }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const bothHint = useId();
  const replaceHint = useId();
  const choose = async (how: SameFileRestore) => {
    setBusy(true);
    try {
      await onChoose(how);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('trash.sameFile.title', { title })} onClose={onClose} busy={busy} className="same-file-dialog">
      <div className="bundle-dialog__body">
        <div className="bundle-dialog__content">
          <p>{t('trash.sameFile.explain', { title, live })}</p>
          <div className="same-file-dialog__option">
            <button type="button" className="primary" disabled={busy} aria-describedby={bothHint} onClick={() => void choose('keep-both')}>
              {t('trash.sameFile.keepBoth')}
            </button>
            <p id={bothHint} className="field__hint">{t('trash.sameFile.keepBothHint')}</p>
          </div>
          <div className="same-file-dialog__option">
            <button type="button" disabled={busy} aria-describedby={replaceHint} onClick={() => void choose('replace')}>
              {t('trash.sameFile.replace', { live })}
            </button>
            <p id={replaceHint} className="field__hint">{t('trash.sameFile.replaceHint', { live })}</p>
          </div>
        </div>
        <div className="bundle-dialog__actions">
          <button type="button" disabled={busy} onClick={onClose}>{t('action.cancel')}</button>
        </div>
      </div>
    </Dialog>
  );
}
