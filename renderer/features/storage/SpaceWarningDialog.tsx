import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { formatBytes } from '../../i18n/formatBytes';
import { useT } from '../../i18n/useT';
import type { SpaceWarning } from '../../state/store';
import { useUi } from '../../state/store';
import './storage.css';

/** The warning before a big job when the disk looks too full: Cancel (the default) or go on. */
export function SpaceWarningDialog() {
  const warning = useUi((s) => s.spaceWarning);
  return warning ? <WarningDialog key={`${warning.job}:${warning.size}:${warning.name}`} warning={warning} /> : null;
}

function WarningDialog({ warning }: { warning: SpaceWarning }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    // Focus goes to Cancel (autoFocus): Enter on a dialog that warns should not go ahead.
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const sizes = {
    size: formatBytes(warning.size, t.lang), needed: formatBytes(warning.needed, t.lang), free: formatBytes(warning.free, t.lang),
    count: warning.count, name: warning.name,
  };
  const text = warning.job === 'pdfs'
    ? t(warning.count === 1 ? 'storage.space.pdfs.one' : 'storage.space.pdfs.other', sizes)
    : t(`storage.space.${warning.job}`, sizes);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDialogElement>) => {
    // Keys stay in the dialog (not the app's single-letter shortcuts); Escape cancels.
    e.stopPropagation();
    if (e.key === 'Escape') { e.preventDefault(); warning.answer(false); }
  };

  return (
    <dialog ref={ref} className="space-dialog" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId}
      onKeyDown={onKeyDown} onCancel={(e) => e.preventDefault()}>
      <h1 id={titleId} className="space-dialog__title">{t('storage.space.title')}</h1>
      <div className="space-dialog__content">
        <p id={textId}>{text}</p>
        <p className="muted">{t('storage.space.risk')}</p>
      </div>
      <div className="space-dialog__actions">
        <button type="button" className="primary" autoFocus onClick={() => warning.answer(false)}>{t('action.cancel')}</button>
        <button type="button" onClick={() => warning.answer(true)}>{t(`storage.space.goOn.${warning.job}`)}</button>
      </div>
    </dialog>
  );
}
