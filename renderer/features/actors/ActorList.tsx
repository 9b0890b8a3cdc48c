import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Actor, ActorKind, ActorStatus } from '../../../shared/model';
import { ACTOR_KINDS, STATUSES, currentStatus } from '../../../shared/model';
import { foldText } from '../../../shared/text/fold';
import { useDb } from '../../db/dbContext';
import type { ActorFilter, ActorSort } from '../../db/actorList';
import { getActorsByIds, listTags } from '../../db/actors';
import { readActorsAhead } from '../../db/actorsAhead';
import { ActorPicker } from '../../components/ActorPicker';
import { SelectField, TextField } from '../../components/Field';
import { listKeyHandler } from '../../components/listKeys';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { useUi } from '../../state/store';
import { GROUP_KINDS, kindKey, statusKey } from './labels';
import { FIRST_SCREEN, OVERSCAN, ROW_HEIGHT, rowsShownFirst } from './firstScreen';
import { observeListRect } from './observeListRect';
import { useActorIds } from './useActorIds';
import { useSourcesOrder } from './useSourcesOrder';


interface Filters {
  text: string;
  kind: ActorKind | '';
  status: ActorStatus | '';
  groupId: string;
  tag: string;
  /** 'sources': by the number of sources mentioning the actor (the mentions worker's count). */
  sort: ActorSort | 'sources';
}
const NO_FILTERS: Filters = { text: '', kind: '', status: '', groupId: '', tag: '', sort: 'name' };
// Constant answers for the reads the list does not need yet: the same value as the default,
// so answering them does not render the list again while it opens.
const NO_TAGS: string[] = [];
const NO_ROWS = { key: '', rows: new Map<string, Actor>() };

/** The query the filters ask for. */
function toQuery(filters: Filters, activeCaseId: string | null): ActorFilter {
  return {
    ...(filters.text.trim() ? { text: filters.text } : {}),
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(activeCaseId ? { caseId: activeCaseId } : {}),
  };
}

/** The order ids are read in ('sources' reorders the list by name: ./useSourcesOrder.ts). */
const listSort = (filters: Filters): ActorSort => (filters.sort === 'sources' ? 'name' : filters.sort);

export function ActorList() {
  const db = useDb();
  const t = useT();
  const activeCaseId = useUi((s) => s.activeCaseId);
  const selectedId = useUi((s) => s.selectedActorId);
  const selectActor = useUi((s) => s.selectActor);
  const openEditor = useUi((s) => s.openEditor);
  const searchFocusTick = useUi((s) => s.searchFocusTick);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const filterBox = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (searchFocusTick > 0) filterBox.current?.querySelector('input')?.focus();
  }, [searchFocusTick]);

  const query = useMemo(() => toQuery(filters, activeCaseId), [filters, activeCaseId]);
  const result = useSourcesOrder(useActorIds(query, listSort(filters)), filters.sort === 'sources');
  const ids = result?.ids;
  // Distinct tags take a scan of the tag index: read them when the filter is first used.
  const [wantTags, setWantTags] = useState(false);
  const tags = useLiveQuery(() => (wantTags ? listTags(db) : Promise.resolve(NO_TAGS)), [db, wantTags], NO_TAGS);

  const virtualizer = useVirtualizer({
    count: result?.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Rows in the first render already (the list's height is not measured before it mounts),
    // and measured after the first frame, not in its commit (./observeListRect.ts).
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: observeListRect,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = ids ? items.map((item) => ids[item.index]!).filter(Boolean) : [];
  // Only the rows on screen are read, and of those only the ones not read with the first
  // screen (which its own live query keeps current); the previous page stays shown while the
  // next loads.
  const firstRows = result?.firstRows;
  const firstById = useMemo(() => new Map((firstRows ?? []).map((a) => [a.id, a])), [firstRows]);
  const missingKey = visibleIds.filter((id) => !firstById.has(id)).join(',');
  const rowCache = useRef(new Map<string, Actor>());
  const fetched = useLiveQuery(async () => {
    if (!missingKey) return NO_ROWS;
    const actors = await getActorsByIds(db, missingKey.split(','));
    return { key: missingKey, rows: new Map(actors.map((a) => [a.id, a])) };
  }, [db, missingKey], missingKey ? undefined : NO_ROWS);
  // useLiveQuery keeps its last answer while a new one loads: use it only if it is for
  // these rows; meanwhile the last rows read stand in.
  if (fetched?.key === missingKey) rowCache.current = fetched.rows;
  const rowOf = (id: string) => firstById.get(id) ?? rowCache.current.get(id);

  // The new filter's reads start here, in the input event, before React renders it and the
  // list's live queries ask for the same reads (they take them over: db/unobserved.ts).
  // A combined filter (a text, say) also reads its first rows, by the held id list, in the same
  // transaction as soon as its ids are in.
  const applyFilters = (next: Filters) => {
    const query = toQuery(next, activeCaseId);
    const held = result?.held?.sort === listSort(next)
      ? { ids: result.held.ids, rows: rowsShownFirst(), statuses: result.heldStatuses } : undefined;
    // One status whose ids are in memory already: only its first rows are read.
    const idsHeld = Object.keys(query).length === 1 && next.status !== '' && result?.statusIds?.(next.status, listSort(next)) !== undefined;
    readActorsAhead(db, query, listSort(next), FIRST_SCREEN, held, idsHeld);
    setFilters(next);
  };
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => applyFilters({ ...filters, [key]: value });
  const filtered = JSON.stringify({ ...filters, sort: 'name' }) !== JSON.stringify(NO_FILTERS);
  const foldedQuery = foldText(filters.text.trim());
  const empty = result?.total === 0;

  return (
    <section className="pane pane--list" aria-label={t('actors.list')}>
      <div className="pane__header">
        <div className="pane__title">
          <h1>{t('actors.title')}</h1>
          <button type="button" className="primary small" aria-keyshortcuts="A" onClick={() => openEditor({ kind: 'actor', id: null })}>
            {t('actors.new')}
          </button>
        </div>
        <div className="filters">
          <div ref={filterBox} className="field--wide">
            <TextField label={t('actors.filterText')} value={filters.text} onChange={(v) => set('text', v)} />
          </div>
          <SelectField label={t('actors.filterKind')} value={filters.kind} onChange={(v) => set('kind', v)}
            options={[{ value: '' as const, label: t('actors.anyKind') }, ...ACTOR_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))]} />
          <SelectField label={t('actors.filterStatus')} value={filters.status} onChange={(v) => set('status', v)}
            options={[{ value: '' as const, label: t('actors.anyStatus') }, ...STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))]} />
          <ActorPicker label={t('actors.filterGroup')} value={filters.groupId || null} kinds={GROUP_KINDS}
            placeholder={t('actors.anyGroup')} onChange={(v) => set('groupId', v ?? '')} />
          <div onFocus={() => setWantTags(true)} onPointerDown={() => setWantTags(true)}>
            <SelectField label={t('actors.filterTag')} value={filters.tag} onChange={(v) => set('tag', v)}
              options={[{ value: '', label: t('actors.anyTag') }, ...(filters.tag && !tags.includes(filters.tag) ? [filters.tag] : []).concat(tags).map((tag) => ({ value: tag, label: tag }))]} />
          </div>
        </div>
        <div className="list-meta">
          <span aria-live="polite">{result?.counted ? plural(t, 'actors.count', result.total) : t('common.loading')}</span>
          <span>
            {filtered ? <button type="button" className="link" onClick={() => applyFilters({ ...NO_FILTERS, sort: filters.sort })}>{t('common.clearFilters')}</button> : null}
            {' '}
            <label className="visually-hidden" htmlFor="actor-sort">{t('common.sort')}</label>
            <select id="actor-sort" className="inline" value={filters.sort} onChange={(e) => set('sort', e.target.value as Filters['sort'])}>
              <option value="name">{t('actors.sortName')}</option>
              <option value="updated">{t('actors.sortUpdated')}</option>
              <option value="sources">{t('mentions.sortSources')}</option>
            </select>
          </span>
        </div>
      </div>
      {/* Outside the listbox, which may hold options only; the empty listbox is described by it. */}
      {empty ? <p id="actor-list-empty" className="empty">{filtered || activeCaseId ? t('actors.noMatch') : t('actors.none')}</p> : null}
      <div ref={scroller} className="list" role="listbox" tabIndex={0} aria-label={t('actors.list')}
        aria-describedby={empty ? 'actor-list-empty' : undefined}
        // Busy until every id is in (rows past the first screen are pending until then), and
        // while the previous filter's answer stands in for a new one.
        aria-busy={!result || !!result.pending || result.ids.length < result.total}
        aria-activedescendant={selectedId && ids?.includes(selectedId) ? `actor-row-${selectedId}` : undefined}
        onKeyDown={listKeyHandler({ ids, selectedId, select: selectActor, scrollToIndex: (i) => virtualizer.scrollToIndex(i), scroller, rowHeight: ROW_HEIGHT })}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids?.[item.index];
            const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: item.size, transform: `translateY(${item.start}px)` } as const;
            // Beyond the first screen until the full id list arrives.
            if (!id) return <div key={`pending-${item.index}`} className="row row--pending" style={style} aria-hidden="true" />;
            return <ActorRowView key={id} id={id} actor={rowOf(id)} index={item.index} size={item.size} start={item.start}
              selected={id === selectedId} total={result?.total} foldedQuery={foldedQuery} onSelect={selectActor} t={t} />;
          })}
        </div>
      </div>
    </section>
  );
}

interface RowProps {
  id: string;
  actor: Actor | undefined;
  index: number;
  size: number;
  start: number;
  selected: boolean;
  total: number | undefined;
  foldedQuery: string;
  onSelect: (id: string) => void;
  t: ReturnType<typeof useT>;
}

/** The other name holding the filter's text that is nearest to it: the alias "Artemio", not "Comandante Artemio", for "artemio". */
function closestName<T extends { name: string }>(names: readonly T[], folded: string): T | undefined {
  let best: T | undefined;
  for (const n of names) if (foldText(n.name).includes(folded) && (!best || n.name.length < best.name.length)) best = n;
  return best;
}

/** One row of the list; rendered again only when what it shows changes (a filter's answer re-renders the list, not every row). */
const ActorRowView = memo(function ActorRowView({ id, actor, index, size, start, selected, total, foldedQuery, onSelect, t }: RowProps) {
  const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: size, transform: `translateY(${start}px)` } as const;
  const alias = actor && foldedQuery && !foldText(actor.name).includes(foldedQuery) ? closestName(actor.names, foldedQuery) : undefined;
  return (
    <div id={`actor-row-${id}`} role="option" data-id={id} aria-selected={selected}
      aria-setsize={total} aria-posinset={index + 1}
      className="row" style={style}
      onClick={() => onSelect(id)}>
      <span className="row__title">{actor?.name ?? '…'}</span>
      <span className="row__sub">
        {actor ? <>
          {t(kindKey(actor.kind))}
          {actor.kind === 'person' ? <> · {t(statusKey(currentStatus(actor.statusHistory)))}</> : null}
          {alias ? <> · {t('actors.matched', { name: alias.name })}</> : actor.names[0] ? <> · {actor.names.map((n) => n.name).join(', ')}</> : null}
        </> : null}
      </span>
    </div>
  );
});
