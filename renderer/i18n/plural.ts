import type { Language, MessageKey, Params } from './index';

const rules = new Map<Language, Intl.PluralRules>();

/** `${base}.one` or `${base}.other` by the language's plural rules, with {count} filled in. */
export function plural(t: { (key: MessageKey, params?: Params): string; lang: Language }, base: string, count: number, params: Params = {}): string {
  let pr = rules.get(t.lang);
  if (!pr) rules.set(t.lang, (pr = new Intl.PluralRules(t.lang)));
  const form = pr.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as MessageKey, { count, ...params });
}
