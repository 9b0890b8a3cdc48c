import { useCallback } from 'react';
import { useUi } from '../state/store';
import type { Language, MessageKey, Params } from './index';
import { translate, translateDynamic } from './index';

export interface Translator {
  (key: MessageKey, params?: Params): string;
  dynamic: (key: string, params?: Params) => string;
  lang: Language;
}

/** The translator for the current UI language; re-renders when the language changes. */
export function useT(): Translator {
  const lang = useUi((s) => s.language);
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  return Object.assign(t, { dynamic: (key: string, params?: Params) => translateDynamic(lang, key, params), lang });
}

export function formatTimestamp(ms: number, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
