import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { EventFilter } from '../../db/events';
import { getEventsByIds, queryEventIds } from '../../db/events';
import { useDb } from '../../db/dbContext';
import { listKeyHandler } from '../../components/listKeys';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { readFilterDate } from './dates';
import { EventFilters, NO_FILTERS } from './EventFilters';
import type { EventFilterState } from './EventFilters';
import { EventRow, ROW_HEIGHT } from './EventRow';
import { useFilterFocus } from './useFilterFocus';

/** Rows are fetched a page at a time so scrolling a few rows does not start a new query. */
const PAGE = 40;

export function EventList() {
  const db = useDb();
  const t = useT();
  const activeCaseId = useUi((s) => s.activeCaseId);
  const selectedId = useUi((s) => s.selectedEventId);
  const selectEvent = useUi((s) => s.selectEvent);
  const openEditor = useUi((s) => s.openEditor);
  const [filters, setFilters] = useState<EventFilterState>(NO_FILTERS);
  const text = useDeferredValue(filters.text);
  const textRef = useFilterFocus<HTMLInputElement>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const from = readFilterDate(filters.from, t.lang);
  const to = readFilterDate(filters.to, t.lang);
  const query: EventFilter = {
    ...(text.trim() ? { text } : {}),
    ...(filters.type ? { types: [filters.type] } : {}),
    ...(from ? { from: from.earliest } : {}),
    ...(to ? { to: to.latest } : {}),
    ...(activeCaseId ? { caseId: activeCaseId } : {}),
  };
  const queryKey = JSON.stringify(query);
  const ids = useLiveQuery(() => queryEventIds(db, JSON.parse(queryKey) as EventFilter, filters.sort), [db, queryKey, filters.sort]);
  const count = ids?.length ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE);
  const pageIds = useMemo(() => ids?.slice(firstPage * PAGE, (lastPage + 1) * PAGE) ?? [], [ids, firstPage, lastPage]);
  const rows = useLiveQuery(() => getEventsByIds(db, pageIds), [db, pageIds]);
  const byId = useMemo(() => new Map((rows ?? []).map((ev) => [ev.id, ev])), [rows]);

  const filtered = queryKey !== JSON.stringify(activeCaseId ? { caseId: activeCaseId } : {});
  const selectedIndex = selectedId && ids ? ids.indexOf(selectedId) : -1;

  const onKeyDown = listKeyHandler({
    ids, selectedId, select: selectEvent, scrollToIndex: (i) => virtualizer.scrollToIndex(i), scroller: scrollRef, rowHeight: ROW_HEIGHT,
  });

  return (
    <section className="pane pane--list" aria-label={t('events.list')}>
      <div className="pane__header">
        <div className="pane__title">
          <h1>{t('events.title')}</h1>
          <button type="button" className="primary small" onClick={() => openEditor({ kind: 'event', id: null })}>{t('events.new')}</button>
        </div>
        <EventFilters value={filters} onChange={setFilters} textRef={textRef} fromInvalid={from === null} toInvalid={to === null} />
        <div className="list-meta">
          <span aria-live="polite">{ids ? plural(t, 'events.count', count) : t('common.loading')}</span>
          {filtered ? <button type="button" className="link" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>{t('common.clearFilters')}</button> : null}
        </div>
      </div>
      {ids && count === 0 ? (
        <div className="empty">
          <p>{filtered ? t('events.empty.noMatch') : activeCaseId ? t('events.empty.noneInCase') : t('events.empty.none')}</p>
        </div>
      ) : (
        <div ref={scrollRef} className="list" role="listbox" tabIndex={0} aria-label={t('events.list')}
          aria-activedescendant={selectedIndex >= 0 && selectedId ? `event-row-${selectedId}` : undefined} onKeyDown={onKeyDown}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = ids?.[item.index];
              if (!id) return null;
              return (
                <EventRow key={id} id={id} event={byId.get(id)} selected={id === selectedId} index={item.index} total={count}
                  top={item.start} onSelect={() => selectEvent(id)} />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
