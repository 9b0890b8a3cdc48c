import { useState } from 'react';
import { TextField } from './Field';
import { useT } from '../i18n/useT';

/** Tags typed as a comma-separated list; blank entries dropped, order kept. */
export function TagsField({ value, onChange, error }: { value: readonly string[]; onChange: (tags: string[]) => void; error?: string | undefined }) {
  const t = useT();
  const [text, setText] = useState(value.join(', '));
  const [seen, setSeen] = useState(value);
  // Follow tags changed from outside, but never rewrite what the user is typing ("a, b," stays).
  if (seen !== value) {
    setSeen(value);
    if (splitTags(text).join('\u0000') !== value.join('\u0000')) setText(value.join(', '));
  }
  return (
    <TextField label={t('common.tags')} hint={t('common.tagsHint')} value={text} error={error}
      onChange={(next) => { setText(next); onChange(splitTags(next)); }} />
  );
}

export function splitTags(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
