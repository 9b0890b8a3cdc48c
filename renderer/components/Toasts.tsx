import { useEffect } from 'react';
import { useUi } from '../state/store';
import { useT } from '../i18n/useT';

/** Transient messages, announced politely; errors stay until dismissed. */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismiss);
  const t = useT();
  useEffect(() => {
    const timers = toasts.filter((x) => x.tone === 'info').map((x) => setTimeout(() => dismiss(x.id), 6000));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          <span>{toast.message}</span>
          {toast.action ? (
            <button type="button" className="link" onClick={() => { toast.action?.run(); dismiss(toast.id); }}>{toast.action.label}</button>
          ) : null}
          <button type="button" className="icon" aria-label={t('action.close')} onClick={() => dismiss(toast.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
