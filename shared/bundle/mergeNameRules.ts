import type { BundleNameRule } from './nameRules';
import { nameRuleKey } from './nameRules';

/**
 * What happens to an incoming actor's name-matching rules, following what happens to the actor
 * (docs/bundle-format.md, "Name-matching rules on import"):
 * - `add`: the actor is new here, or kept as a separate copy: its rules come with it (under its final id);
 * - `fill`: the local actor stays (identical, or "keep mine"): a rule the user set here is never
 *   overwritten, and an incoming rule is added only for a name that has no local rule;
 * - `replace`: "take theirs": the incoming rules win for the names they cover; local rules for
 *   other names stay.
 */
export type RuleFate = { finalId: string; mode: 'add' | 'fill' | 'replace' } | null;

export function resolveNameRules(
  incoming: readonly BundleNameRule[], local: ReadonlyMap<string, BundleNameRule>, fateOf: (actorId: string) => RuleFate,
): BundleNameRule[] {
  const out = new Map<string, BundleNameRule>();
  for (const rule of incoming) {
    const fate = fateOf(rule.actorId);
    if (!fate) continue;
    const moved: BundleNameRule = { ...rule, actorId: fate.finalId };
    const key = nameRuleKey(moved);
    const mine = local.get(key);
    if (fate.mode === 'fill' && mine) continue;
    if (mine && sameRule(mine, moved)) continue;
    out.set(key, moved);
  }
  return [...out.values()];
}

function sameRule(a: BundleNameRule, b: BundleNameRule): boolean {
  if (a.kind === 'rule' && b.kind === 'rule') return a.rule === b.rule;
  if (a.kind === 'family' && b.kind === 'family') return a.families.length === b.families.length && a.families.every((f, i) => f === b.families[i]);
  return false;
}
