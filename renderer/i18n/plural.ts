import type { Language, MessageKey, Params } from './index';
import { translate } from './index';

/** Keys that come in `.one` / `.other` forms, named by their base (`'actors.count'`). */
type PluralBase<K> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
export type PluralKey = PluralBase<MessageKey>;

const rules = new Map<Language, Intl.PluralRules>();

/**
 * The form a count takes in the language (Intl.PluralRules). English and Spanish have 'one'
 * and 'other'; Spanish's 'many' (for round millions, "1 millón de…") reads as 'other'.
 */
export function pluralForm(lang: Language, count: number): 'one' | 'other' {
  let pr = rules.get(lang);
  if (!pr) rules.set(lang, (pr = new Intl.PluralRules(lang)));
  return pr.select(count) === 'one' ? 'one' : 'other';
}

/** `${base}.one` or `${base}.other` for the count, with {count} filled in (outside React). */
export function translatePlural(lang: Language, base: PluralKey, count: number, params: Params = {}): string {
  return translate(lang, `${base}.${pluralForm(lang, count)}` as MessageKey, { count, ...params });
}

/** The same with a component's translator: `plural(t, 'actors.count', n)` → "1 actor", "3 actors". */
export function plural(t: { lang: Language }, base: PluralKey, count: number, params: Params = {}): string {
  return translatePlural(t.lang, base, count, params);
}
