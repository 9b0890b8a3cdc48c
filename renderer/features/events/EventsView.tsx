import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { EventDetail } from './EventDetail';
import { EventEditor } from './EventEditor';
import { EventList } from './EventList';
import './events.css';

/** Events: the filtered, virtualised list on the left; the selected event or the form on the right. */
export function EventsView() {
  const t = useT();
  const selectedId = useUi((s) => s.selectedEventId);
  const editor = useUi((s) => s.editor);
  const editing = editor?.kind === 'event' ? editor : null;
  return (
    <div className="split events-view">
      <EventList />
      <div className="pane pane--detail">
        {editing ? <EventEditor key={editing.id ?? 'new'} id={editing.id} /> : selectedId ? <EventDetail id={selectedId} /> : (
          // One "New event" button, in the list's header: the empty states only say what to do.
          <div className="empty">
            <p>{t('events.empty.select')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
