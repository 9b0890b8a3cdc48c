import { useEffect, useRef } from 'react';
import { useUi } from '../../state/store';

/** Focuses the returned input whenever Ctrl/Cmd+K or the menu asks for search (not on mount). */
export function useFilterFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const tick = useUi((s) => s.searchFocusTick);
  const seen = useRef(tick);
  useEffect(() => {
    if (tick === seen.current) return;
    seen.current = tick;
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement) ref.current.select();
  }, [tick]);
  return ref;
}
