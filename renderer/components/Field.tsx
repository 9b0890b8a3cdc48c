import { useId } from 'react';
import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Translated error text; shown under the control and announced with it. */
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  /** Fuller accessible name where the visible label is shortened, e.g. "Role or rank 2" shown as "Role or rank". */
  srLabel?: string | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; 'aria-label'?: string }) => ReactNode;
}

/** A labelled control with its inline message. The control gets its accessible name from the label. */
export function Field({ label, error, hint, className, srLabel, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, ...(srLabel ? { 'aria-label': srLabel } : {}) })}
      {hint && !error ? <div id={hintId} className="field__hint">{hint}</div> : null}
      {error ? <div id={errorId} className="field__error" role="alert">{error}</div> : null}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'decimal' | 'numeric';
  srLabel?: string | undefined;
}

export function TextField({ label, value, onChange, error, hint, multiline, placeholder, className, autoFocus, inputMode, srLabel }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className} srLabel={srLabel}>
      {(a11y) => multiline ? (
        <textarea {...a11y} value={value} placeholder={placeholder} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...a11y} type="text" value={value} placeholder={placeholder} autoFocus={autoFocus} inputMode={inputMode}
          onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string | undefined;
  className?: string;
  srLabel?: string | undefined;
}

export function SelectField<T extends string>({ label, value, options, onChange, error, className, srLabel }: SelectFieldProps<T>) {
  return (
    <Field label={label} error={error} className={className} srLabel={srLabel}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}
