import { useMemo, useRef, useState } from 'react';
import type { TimelineGrouping, TimelineItem, TimelineItemKind } from '../../../shared/timeline';
import { buildTimeline } from '../../../shared/timeline';
import type { TimelineLabels } from '../../../shared/timeline';
import { isoFromDayIndex } from '../../../shared/dates';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { statusKey } from '../actors/labels';
import { typeLabel } from '../events/labels';
import { drawTimeline } from './drawTimeline';
import { useViewExports } from './useViewExports';
import { describeItem, tickLabeller } from './labels';
import { TimelineCanvas } from './TimelineCanvas';
import type { TimelineController } from './TimelineCanvas';
import { timelineSvg } from './timelineSvg';
import { TimelineTable } from './TimelineTable';
import { SelectionCard } from './SelectionCard';
import { UndatedList } from './UndatedList';
import { useViewRecords } from './useViewRecords';
import { ALL_TYPES, ViewFilters } from './ViewFilters';
import { ViewHeadActions } from './ViewHeadActions';
import { useViewControls } from './useViewControls';
import './timeline.css';

const KINDS: TimelineItemKind[] = ['event', 'status', 'membership'];

/**
 * Events, status changes and memberships on one time axis, drawn as spans over every day an
 * approximate date may mean; undated items listed apart. Chart or table, same content.
 */
export function TimelineView() {
  const t = useT();
  const records = useViewRecords();
  const [grouping, setGrouping] = useState<TimelineGrouping>('actor');
  const [kinds, setKinds] = useState<ReadonlySet<TimelineItemKind>>(new Set(KINDS));
  const { filters, setFilters, mode, setMode, selection, select, open, range, rangeErrors } = useViewControls();
  const controller = useRef<TimelineController>(null);

  const labels: TimelineLabels = useMemo(() => ({
    status: (s) => t(statusKey(s)), eventType: (type) => typeLabel(t, type), noGroup: t('timeline.noGroup'),
    statusRow: t('timeline.statusRow'), membershipRow: t('timeline.membershipRow'), unknownDate: t('timeline.unknownDate'),
  }), [t]);
  const model = useMemo(() => records && buildTimeline(records.actors, records.events, grouping, labels, {
    kinds, eventTypes: filters.types.size === ALL_TYPES.size ? undefined : filters.types,
    actorIds: filters.actorIds.length ? new Set(filters.actorIds) : undefined, range,
  }), [records, grouping, labels, kinds, filters, range?.start, range?.end]); // eslint-disable-line react-hooks/exhaustive-deps
  const tickLabel = useMemo(() => tickLabeller(t.lang), [t.lang]);
  const describe = (it: TimelineItem) => describeItem(t, it);
  const onSelect = (it: TimelineItem) => select({ kind: it.recordKind, id: it.recordId });

  const { exportPng, exportSvg } = useViewExports('timeline', () => controller.current?.frame(), {
    png: (ctx, f) => drawTimeline(ctx, { ...f, focusKey: null }),
    svg: (f) => timelineSvg({ ...f, focusKey: null }),
  });

  const extentLabel = model?.extent ? [isoFromDayIndex(model.extent.start).slice(0, 4), isoFromDayIndex(model.extent.end - 1).slice(0, 4)] : null;
  return (
    <div className="page view-page timeline-view">
      <div className="view-head">
        <h1>{t('timeline.title')}</h1>
        {model ? <p className="muted" aria-live="polite">{plural(t, 'timeline.summary', model.itemCount)}</p> : null}
        <ViewHeadActions mode={mode} setMode={setMode} zoom={(d) => controller.current?.zoom(d > 0 ? 1.5 : 1 / 1.5)} fit={() => controller.current?.fit()}
          exportPng={exportPng} exportSvg={exportSvg} />
      </div>
      <div className="view-controls">
        <div className="field">
          <label htmlFor="timeline-grouping">{t('timeline.groupBy')}</label>
          <select id="timeline-grouping" value={grouping} onChange={(e) => setGrouping(e.target.value as TimelineGrouping)}>
            <option value="actor">{t('timeline.group.actor')}</option>
            <option value="group">{t('timeline.group.group')}</option>
            <option value="type">{t('timeline.group.type')}</option>
          </select>
        </div>
        <fieldset className="view-filters__kinds">
          <legend>{t('timeline.kinds')}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={kinds.has(k)} onChange={() => {
                const next = new Set(kinds);
                if (next.has(k)) next.delete(k); else next.add(k);
                setKinds(next);
              }} />
              {t(`timeline.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <ViewFilters value={filters} onChange={setFilters} errors={rangeErrors} />
      </div>
      {!model ? <p className="empty">{t('views.loading')}</p> : (
        <div className="view-body">
          <div className="view-main">
            {model.itemCount === 0 ? (
              <p className="empty">{records && (records.events.length || records.actors.length) ? t('timeline.emptyFiltered') : t('timeline.empty')}</p>
            ) : mode === 'chart' ? (
              <>
                <TimelineCanvas model={model} selectedRecordId={selection?.id ?? null} tickLabel={tickLabel} describe={describe}
                  label={extentLabel ? t('timeline.chartLabel', { count: model.itemCount, from: extentLabel[0]!, to: extentLabel[1]! }) : t('timeline.chartEmpty')}
                  onSelect={onSelect} onOpen={(it) => open(it.recordKind, it.recordId)} controller={controller} />
                <p id="timeline-keys" className="muted view-keys">{t('views.keys')}</p>
                <TimelineLegend />
              </>
            ) : (
              <TimelineTable model={model} selectedRecordId={selection?.id ?? null} onSelect={onSelect} />
            )}
            <UndatedList items={model.undated} />
          </div>
          {selection && records ? <SelectionCard records={records} selection={selection} onClose={() => select(null)} /> : null}
        </div>
      )}
    </div>
  );
}

function TimelineLegend() {
  const t = useT();
  return (
    <ul className="timeline-legend" aria-label={t('timeline.legend')}>
      <li><span className="legend-mark legend-mark--exact" aria-hidden="true" />{t('timeline.legend.exact')}</li>
      <li><span className="legend-mark legend-mark--range" aria-hidden="true" />{t('timeline.legend.range')}</li>
      <li><span className="legend-mark legend-mark--sure" aria-hidden="true" />{t('timeline.legend.sure')}</li>
      <li><span className="legend-mark legend-mark--open" aria-hidden="true" />{t('timeline.legend.open')}</li>
    </ul>
  );
}
