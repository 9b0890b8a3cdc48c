import { z } from 'zod';
import { V, idSchema } from '../model';
import { MATCH_RULES } from '../mentions/types';
import type { MatchRule, NameSource } from '../mentions/types';

/**
 * The user's name-matching choices for the actors a bundle carries (format version 3,
 * docs/mentions.md): a rule for one name of an actor, or an actor's corrected family names.
 * They are the library's `nameRules` rows without their `id`, which is a function of the
 * other fields (`nameRuleKey`), so a bundle cannot carry a row whose key says something else
 * than its fields. Mentions themselves are derived from page text and never travel.
 */
export type BundleNameRule =
  | { actorId: string; kind: 'rule'; name: string; source: NameSource; rule: MatchRule }
  | { actorId: string; kind: 'family'; families: string[] };

export const NAME_RULES_PATH = 'records/nameRules.json';

/** The key the library stores a rule under (renderer/db/mentions.ts uses the same form). */
export const nameRuleKey = (r: BundleNameRule): string =>
  (r.kind === 'rule' ? `rule:${r.actorId}:${r.source}:${r.name}` : `family:${r.actorId}`);

/** Names are an actor's names (300 characters at most, actorSchema); family names are parts of them. */
const nameText = z.string().min(1, { error: V.required }).max(300, { error: V.tooLong });

export const bundleNameRuleSchema: z.ZodType<BundleNameRule> = z.discriminatedUnion('kind', [
  z.strictObject({
    actorId: idSchema,
    kind: z.literal('rule'),
    name: nameText,
    source: z.enum(['name', 'family'], { error: V.invalidChoice }),
    rule: z.enum(MATCH_RULES as [MatchRule, ...MatchRule[]], { error: V.invalidChoice }),
  }),
  z.strictObject({
    actorId: idSchema,
    kind: z.literal('family'),
    families: z.array(nameText).max(50, { error: V.tooLong }),
  }),
], { error: V.invalidChoice });

/** Same rules, same order: the writer sorts by key so the same library gives the same bytes. */
export const sortNameRules = (rules: readonly BundleNameRule[]): BundleNameRule[] =>
  [...rules].sort((a, b) => {
    const ka = nameRuleKey(a);
    const kb = nameRuleKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
