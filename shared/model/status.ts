import type { ActorStatus, StatusEntry } from './actor';

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
    const byLatest = entry.date.latest.localeCompare(best.date.latest);
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
  dated.sort((a, b) => a.date!.earliest.localeCompare(b.date!.earliest) || a.date!.latest.localeCompare(b.date!.latest));
  return [...dated, ...undated];
}
