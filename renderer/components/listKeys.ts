import type { KeyboardEvent, RefObject } from 'react';

interface ListKeysOptions {
  ids: readonly string[] | undefined;
  selectedId: string | null;
  select: (id: string) => void;
  /** Brings the row into view (the virtualiser's scrollToIndex). */
  scrollToIndex: (index: number) => void;
  scroller: RefObject<HTMLElement | null>;
  rowHeight: number;
}

/**
 * Keyboard for a virtualised listbox: arrows, Page Up/Down and Home/End move the
 * selection (which opens the record beside the list) and keep it in view.
 */
export function listKeyHandler({ ids, selectedId, select, scrollToIndex, scroller, rowHeight }: ListKeysOptions) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!ids || ids.length === 0) return;
    const selectedIndex = selectedId ? ids.indexOf(selectedId) : -1;
    const last = ids.length - 1;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1, ArrowUp: selectedIndex - 1, Home: 0, End: last,
      PageDown: selectedIndex + page, PageUp: selectedIndex - page,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const index = Math.min(last, Math.max(0, target));
    const id = ids[index];
    if (id) { select(id); scrollToIndex(index); }
  };
}
