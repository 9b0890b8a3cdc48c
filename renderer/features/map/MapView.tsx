import { useMemo, useRef } from 'react';
import type { EventMarker } from '../../../shared/geo/markers';
import { eventMarkers } from '../../../shared/geo/markers';
import { dateBar } from '../../../shared/dates';
import type { CaseEvent } from '../../../shared/model';
import { useT } from '../../i18n/useT';
import { plural } from '../../i18n/plural';
import { typeLabel } from '../events/labels';
import { useViewExports } from '../timeline/useViewExports';
import { SelectionCard } from '../timeline/SelectionCard';
import { useViewControls } from '../timeline/useViewControls';
import { useViewRecords } from '../timeline/useViewRecords';
import { ViewFilters } from '../timeline/ViewFilters';
import { ViewHeadActions } from '../timeline/ViewHeadActions';
import { TYPE_COLORS } from '../timeline/colors';
import '../timeline/timeline.css';
import './map.css';
import { drawBasemap, drawMarkers } from './drawMap';
import { MapCanvas } from './MapCanvas';
import type { MapController } from './MapCanvas';
import { mapSvg } from './mapSvg';
import { MapTable } from './MapTable';
import { useRegions } from './useRegions';

/**
 * Events on an offline map of countries (Natural Earth): at their coordinates, or at their
 * region's centre when they have only a region (hollow: approximate). Clustered when dense,
 * coloured by type, sized by fatalities; the time range is the timeline's.
 */
export function MapView() {
  const t = useT();
  const records = useViewRecords();
  const { filters, setFilters, mode, setMode, selection, select, open, range, rangeErrors } = useViewControls();
  const controller = useRef<MapController>(null);

  const events = useMemo(() => {
    if (!records) return null;
    const actorIds = filters.actorIds.length ? new Set(filters.actorIds) : null;
    return records.events.filter((ev) => {
      if (!filters.types.has(ev.type)) return false;
      if (actorIds && !ev.participants.some((p) => actorIds.has(p.actorId))) return false;
      if (range) {
        if (!ev.date) return false;
        const bar = dateBar(ev.date);
        if (bar.end <= range.start || bar.start >= range.end) return false;
      }
      return true;
    });
  }, [records, filters, range?.start, range?.end]); // eslint-disable-line react-hooks/exhaustive-deps
  const { regions, loading, error } = useRegions(records?.events ?? null);
  const { markers, unplaced } = useMemo(() => (events ? eventMarkers(events, regions) : { markers: [], unplaced: [] }), [events, regions]);
  const byId = useMemo(() => new Map<string, CaseEvent>((records?.events ?? []).map((e) => [e.id, e])), [records]);

  const describe = (ms: EventMarker[]) => {
    if (ms.length > 1) return `${plural(t, 'map.cluster', ms.length)}: ${ms.slice(0, 4).map((m) => m.title).join('; ')}${ms.length > 4 ? '…' : ''}`;
    const m = ms[0]!;
    const where = m.placement === 'region' ? t('map.approximate', { region: m.regionName }) : t('map.exact');
    return `${m.title} — ${m.dateLabel || t('events.undated')} · ${typeLabel(t, m.type)} · ${where}${m.fatalities ? ` · ${t('views.fatalities')}: ${m.fatalities}` : ''}`;
  };
  const onSelect = (m: EventMarker) => select({ kind: 'event', id: m.eventId });
  const selectedEventId = selection?.kind === 'event' ? selection.id : null;

  const { exportPng, exportSvg } = useViewExports('map', () => controller.current?.frame(), {
    png: (ctx, f) => { drawBasemap(ctx, f); drawMarkers(ctx, { ...f, focusEventId: null }); },
    svg: (f) => mapSvg({ ...f, focusEventId: null }),
  });

  return (
    <div className="page view-page map-view">
      <div className="view-head">
        <h1>{t('map.title')}</h1>
        {events ? <p className="muted" aria-live="polite">{t('map.summary', { placed: markers.length, total: events.length })}</p> : null}
        <ViewHeadActions mode={mode} setMode={setMode} zoom={(d) => controller.current?.zoom(d)} fit={() => controller.current?.fit()}
          exportPng={exportPng} exportSvg={exportSvg} />
      </div>
      <div className="view-controls">
        <ViewFilters value={filters} onChange={setFilters} errors={rangeErrors} />
      </div>
      {loading ? <p className="muted" role="status">{t('map.loadingPlaces')}</p> : null}
      {error ? <p className="field__error" role="alert">{t('map.placesFailed', { reason: error })}</p> : null}
      {!events ? <p className="empty">{t('views.loading')}</p> : (
        <div className="view-body">
          <div className="view-main">
            {mode === 'chart' ? (
              <>
                <MapCanvas markers={markers} selectedEventId={selectedEventId} label={t('map.chartLabel', { count: markers.length })}
                  describedBy="map-keys" describe={describe} onSelect={onSelect} onOpen={(m) => open('event', m.eventId)} controller={controller} />
                <p id="map-keys" className="muted view-keys">{t('map.keys')}</p>
                <ul className="timeline-legend" aria-label={t('timeline.legend')}>
                  {Object.entries(TYPE_COLORS).map(([type, color]) => (
                    <li key={type}><span className="swatch" style={{ background: color }} aria-hidden="true" />{typeLabel(t, type as keyof typeof TYPE_COLORS)}</li>
                  ))}
                  <li>{t('map.legend.size')}</li>
                  <li><span className="legend-ring" aria-hidden="true" />{t('map.legend.approx')}</li>
                </ul>
                <p className="muted view-keys">{t('map.basemapCredit')}</p>
              </>
            ) : (
              <MapTable markers={markers} events={byId} selectedEventId={selectedEventId} onSelect={onSelect} />
            )}
            {unplaced.length > 0 ? (
              <details className="undated">
                <summary>{plural(t, 'map.notPlaced', unplaced.length)}</summary>
                <p className="muted">{t('map.notPlacedWhy')}</p>
                <ul>
                  {unplaced.slice(0, 500).map((ev) => (
                    <li key={ev.id}><button type="button" className="link" onClick={() => open('event', ev.id)}>{ev.title}</button>
                      {ev.place.country ? <span className="muted"> — {ev.place.country}</span> : null}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
          {selection && records ? <SelectionCard records={records} selection={selection} onClose={() => select(null)} /> : null}
        </div>
      )}
    </div>
  );
}
