import type { Rect, Virtualizer } from '@tanstack/react-virtual';
import { observeElementRect } from '@tanstack/react-virtual';

/**
 * The list's size for its virtualiser, as the virtualiser's own `observeElementRect` reports
 * it but without that function's first, synchronous read at mount. That read lays the whole
 * window out in the middle of React's first commit, and its answer (the list is shorter than
 * the window's height the first render assumed: `initialRect`) renders the list again before
 * the first frame, which also runs every effect of the window before it. Here the first size
 * comes with the ResizeObserver's first report, made after the frame's layout: the first frame
 * shows the rows rendered for the window's height (the few below the list's fold are out of
 * sight), and the list then renders again to what it shows, after that frame.
 */
export function observeListRect<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void): undefined | (() => void) {
  const element = instance.scrollElement;
  const win = instance.targetWindow;
  if (!element || !win) return undefined;
  if (!win.ResizeObserver) return observeElementRect(instance, cb);
  const observer = new win.ResizeObserver(() => cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.unobserve(element);
}
