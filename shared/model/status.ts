import type { ActorStatus, StatusEntry } from './actor';

/**
 * Date bounds are `YYYY-MM-DD` (shared/dates/types.ts): their code-unit order is their date
 * order, as the model's own checks compare them. Not localeCompare: the actor list computes
 * every row's status in its first render, and a first localeCompare loads the collator (8 ms).
 */
const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The current status is derived from the history, never stored beside it: the
 * entry with the latest date wins (by latest bound, then earliest bound). Undated
 * entries cannot be placed in time, so they only decide when nothing is dated; then
 * the last one listed wins. No history at all means 'unknown'.
 */
export function currentStatusEntry(history: readonly StatusEntry[]): StatusEntry | null {
  let best: StatusEntry | null = null;
  for (const entry of history) {
    if (!entry.date) continue;
    if (!best?.date) { best = entry; continue; }
    const byLatest = byDay(entry.date.latest, best.date.latest);
    if (byLatest > 0 || (byLatest === 0 && entry.date.earliest >= best.date.earliest)) best = entry;
  }
  return best ?? history.at(-1) ?? null;
}

export function currentStatus(history: readonly StatusEntry[]): ActorStatus {
  return currentStatusEntry(history)?.status ?? 'unknown';
}

/** History in time order for a timeline: dated entries by date, undated ones last in their listed order. */
export function statusTimeline(history: readonly StatusEntry[]): StatusEntry[] {
  const dated = history.filter((e) => e.date);
  const undated = history.filter((e) => !e.date);
  dated.sort((a, b) => byDay(a.date!.earliest, b.date!.earliest) || byDay(a.date!.latest, b.date!.latest));
  return [...dated, ...undated];
}
