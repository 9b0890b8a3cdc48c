import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';

interface DialogProps {
  title: string;
  /** Called on Escape and by the caller's own Close buttons; not called while `busy`. */
  onClose: () => void;
  /** While a task runs, Escape does not close the dialog: the user cancels the task instead. */
  busy?: boolean;
  className?: string;
  /** Changes when the content is swapped (e.g. progress → preview): focus lost with the old content goes to the title. */
  step?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> (the rest of the window becomes inert, so focus
 * stays inside), labelled by its heading. Focus returns to whatever opened it, as with
 * the viewer. Keys are kept from the app's single-letter shortcuts behind it.
 */
export function Dialog({ title, onClose, busy = false, className, step, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  // Read while rendering, before showModal() moves focus into the dialog.
  const [opener] = useState(() => document.activeElement);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [opener]);

  useEffect(() => {
    // An autoFocus control of the new content has focus already; otherwise start at the title.
    if (ref.current && !ref.current.contains(document.activeElement)) titleRef.current?.focus();
  }, [step]);

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDialogElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      if (!busy) onClose();
    }
  };

  return (
    <dialog ref={ref} className={`bundle-dialog${className ? ` ${className}` : ''}`} aria-labelledby={titleId}
      onKeyDown={onKeyDown} onCancel={(e) => e.preventDefault()}>
      <h1 id={titleId} ref={titleRef} tabIndex={-1} className="bundle-dialog__title">{title}</h1>
      {children}
    </dialog>
  );
}
