import { useEffect, useRef, useState } from 'react';
import type { ApproxDate } from '../../shared/dates/types';
import { parseApproxDate } from '../../shared/dates';
import { formatDayRange } from '../i18n/formatDates';
import { useT } from '../i18n/useT';
import { Field } from './Field';

interface DateFieldProps {
  label: string;
  value: ApproxDate | null;
  /** `invalid` is true while the text cannot be read; forms refuse to save then. */
  onChange: (value: ApproxDate | null, invalid: boolean) => void;
  /** Error from the record schema (e.g. an end before the start). */
  error?: string | undefined;
  contextYear?: number | undefined;
  className?: string;
  srLabel?: string | undefined;
  /** In narrow repeated rows the long example placeholder would be cut off. */
  compact?: boolean;
}

/**
 * Free text in, approximate date out: the user types what the source says ("late August
 * 2019", "principios de los 90") and sees at once how Casefile reads it.
 */
export function DateField({ label, value, onChange, error, contextYear, className, srLabel, compact }: DateFieldProps) {
  const t = useT();
  const [text, setText] = useState(value?.label || value?.edtf || '');
  const [parseError, setParseError] = useState<string | undefined>();
  const lastValue = useRef(value);

  // Follow outside changes (another record loaded into the same form) without fighting the user's typing.
  useEffect(() => {
    if (value !== lastValue.current) {
      lastValue.current = value;
      setText(value?.label || value?.edtf || '');
      setParseError(undefined);
    }
  }, [value]);

  const update = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setParseError(undefined);
      lastValue.current = null;
      onChange(null, false);
      return;
    }
    const result = parseApproxDate(next, { lang: t.lang, ...(contextYear ? { contextYear } : {}) });
    if (result.ok) {
      setParseError(undefined);
      lastValue.current = result.value;
      onChange(result.value, false);
    } else {
      setParseError(t.dynamic(`date.error.${result.error.code}`, { text: result.error.text || result.error.input }));
      onChange(value, true);
    }
  };

  const preview = !parseError && value ? t('date.reads', { range: formatDayRange(value, t.lang) }) : undefined;
  return (
    <Field label={label} error={parseError ?? error} hint={preview} className={className} srLabel={srLabel}>
      {(a11y) => (
        <input {...a11y} type="text" value={text} placeholder={compact ? t('date.placeholderShort') : t('date.placeholder')} onChange={(e) => update(e.target.value)} />
      )}
    </Field>
  );
}

