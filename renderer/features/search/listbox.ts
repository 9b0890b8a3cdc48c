/**
 * The results as a WAI-ARIA listbox driven from the search box (combobox pattern): focus stays
 * in the box, the arrows move aria-activedescendant over the options, Enter activates one.
 * Option ids are by position, so a re-render of the same results keeps the active one.
 */
import type { HitKind } from '../../../shared/search/types';

export const RESULTS_LISTBOX_ID = 'search-results-listbox';

export const optionId = (kind: HitKind, index: number) => `search-option-${kind}-${index}`;
export const moreOptionId = (kind: HitKind) => `search-option-${kind}-more`;

/** The option ids now on screen, in order (loading or vanished rows are disabled and skipped). */
export function visibleOptionIds(root: ParentNode = document): string[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`#${RESULTS_LISTBOX_ID} [role="option"]:not([aria-disabled="true"])`), (el) => el.id);
}

/** The option after (+1) or before (-1) the active one, wrapping round; from none, the first or last. */
export function stepOption(ids: readonly string[], active: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = active === null ? -1 : ids.indexOf(active);
  if (at === -1) return (delta === 1 ? ids[0] : ids[ids.length - 1]) ?? null;
  return ids[(at + delta + ids.length) % ids.length] ?? null;
}
