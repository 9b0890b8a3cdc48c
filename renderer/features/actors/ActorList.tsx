import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Actor, ActorKind, ActorStatus } from '../../../shared/model';
import { ACTOR_KINDS, STATUSES, currentStatus } from '../../../shared/model';
import { foldText } from '../../../shared/text/fold';
import { useDb } from '../../app/dbContext';
import type { ActorFilter, ActorSort } from '../../db/actors';
import { getActorsByIds, listGroups, listTags, queryActorIds } from '../../db/actors';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/store';
import { kindKey, statusKey } from './labels';

const ROW_HEIGHT = 48;

interface Filters {
  text: string;
  kind: ActorKind | '';
  status: ActorStatus | '';
  groupId: string;
  tag: string;
  sort: ActorSort;
}
const NO_FILTERS: Filters = { text: '', kind: '', status: '', groupId: '', tag: '', sort: 'name' };

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

  const query = useMemo<ActorFilter>(() => ({
    ...(filters.text.trim() ? { text: filters.text } : {}),
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.groupId ? { groupId: filters.groupId } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(activeCaseId ? { caseId: activeCaseId } : {}),
  }), [filters, activeCaseId]);
  const ids = useLiveQuery(() => queryActorIds(db, query, filters.sort), [db, query, filters.sort]);
  const groups = useLiveQuery(() => listGroups(db), [db]) ?? [];
  const tags = useLiveQuery(() => listTags(db), [db]) ?? [];

  const virtualizer = useVirtualizer({
    count: ids?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = ids ? items.map((item) => ids[item.index]!).filter(Boolean) : [];
  const visibleKey = visibleIds.join(',');
  // Only the rows on screen are read; the previous page stays shown while the next loads.
  const rowCache = useRef(new Map<string, Actor>());
  const rows = useLiveQuery(async () => {
    const actors = await getActorsByIds(db, visibleKey ? visibleKey.split(',') : []);
    const map = new Map(actors.map((a) => [a.id, a]));
    rowCache.current = map;
    return map;
  }, [db, visibleKey]) ?? rowCache.current;

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = JSON.stringify({ ...filters, sort: 'name' }) !== JSON.stringify(NO_FILTERS);
  const foldedQuery = foldText(filters.text.trim());

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
          <SelectField label={t('actors.filterGroup')} value={filters.groupId} onChange={(v) => set('groupId', v)}
            options={[{ value: '', label: t('actors.anyGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
          <SelectField label={t('actors.filterTag')} value={filters.tag} onChange={(v) => set('tag', v)}
            options={[{ value: '', label: t('actors.anyTag') }, ...tags.map((tag) => ({ value: tag, label: tag }))]} />
        </div>
        <div className="list-meta">
          <span aria-live="polite">{ids ? t('actors.count', { count: ids.length }) : t('common.loading')}</span>
          <span>
            {filtered ? <button type="button" className="link" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>{t('common.clearFilters')}</button> : null}
            {' '}
            <label className="visually-hidden" htmlFor="actor-sort">{t('common.sort')}</label>
            <select id="actor-sort" className="inline" value={filters.sort} onChange={(e) => set('sort', e.target.value as ActorSort)}>
              <option value="name">{t('actors.sortName')}</option>
              <option value="updated">{t('actors.sortUpdated')}</option>
            </select>
          </span>
        </div>
      </div>
      <div ref={scroller} className="list" role="listbox" aria-label={t('actors.list')}>
        {ids && ids.length === 0 ? <p className="empty">{filtered || activeCaseId ? t('actors.noMatch') : t('actors.none')}</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids?.[item.index];
            if (!id) return null;
            const actor = rows.get(id);
            const alias = actor && foldedQuery ? actor.names.find((n) => foldText(n.name).includes(foldedQuery) && !foldText(actor.name).includes(foldedQuery)) : undefined;
            return (
              <div key={id} role="option" data-id={id} aria-selected={id === selectedId} tabIndex={-1}
                className="row" style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => selectActor(id)}
                onKeyDown={(e) => { if (e.key === 'Enter') selectActor(id); }}>
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
          })}
        </div>
      </div>
    </section>
  );
}
