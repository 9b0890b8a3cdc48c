import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * A wheel listener on an element that may call preventDefault (React's onWheel is passive, so
 * Ctrl+wheel would zoom the window instead of the view). Always calls the latest `handler`.
 */
export function useWheel(target: RefObject<HTMLElement | null>, handler: (e: WheelEvent) => void): void {
  const latest = useRef(handler);
  useLayoutEffect(() => { latest.current = handler; });
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const listener = (e: WheelEvent) => latest.current(e);
    el.addEventListener('wheel', listener, { passive: false });
    return () => el.removeEventListener('wheel', listener);
  }, [target]);
}
