import { useUi } from '../../state/store';

/** Opens an event or an actor in its own view, as a click on its name anywhere else does. */
export function useOpenRecord(): (kind: 'event' | 'actor', id: string) => void {
  const selectEvent = useUi((s) => s.selectEvent);
  const selectActor = useUi((s) => s.selectActor);
  return (kind, id) => (kind === 'event' ? selectEvent(id) : selectActor(id));
}
