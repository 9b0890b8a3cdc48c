import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { CaseEvent } from '../model';
import { fitCamera, projectionFor } from './mapView';
import { clusterMarkers, eventMarkers, markerRadius, regionKey, regionQueries } from './markers';

const events = sample.events as CaseEvent[];

describe('where events go on the map', () => {
  it('asks for the regions of events without coordinates, and draws them there, marked approximate', () => {
    const queries = regionQueries(events);
    expect(queries).toEqual([{ country: 'Peru', region: 'Ayacucho' }]);
    const regions = new Map([[regionKey(queries[0]!), { name: 'Ayacucho', lat: -13.98, lon: -73.99 }]]);
    const { markers, unplaced } = eventMarkers(events, regions);
    expect(markers.map((m) => [m.title.slice(0, 18), m.placement, m.regionName])).toEqual([
      ['Clash between troo', 'region', 'Ayacucho'],
      ['Second clash in La', 'region', 'Ayacucho'],
    ]);
    // Only a country: listed apart, never put at a guessed point.
    expect(unplaced.map((e) => e.title)).toEqual(['Capture of Abimael Guzmán', 'Fall of “Comandante Artemio”']);
    expect(markers[0]!.fatalities).toBe(6);
  });

  it('uses an event’s own coordinates first', () => {
    const withPoint = { ...events[0]!, place: { ...events[0]!.place, latitude: -12.5, longitude: -73.8 } };
    const { markers } = eventMarkers([withPoint], new Map());
    expect(markers[0]).toMatchObject({ placement: 'coordinates', lat: -12.5, lon: -73.8 });
  });

  it('clusters markers that fall together on screen and keeps distant ones apart', () => {
    const at = (lat: number, lon: number, i: number) => ({ eventId: String(i), title: `e${i}`, type: 'battles' as const, lat, lon, placement: 'coordinates' as const, regionName: '', fatalities: null, start: null, end: null, dateLabel: '' });
    const markers = [at(-13, -74, 0), at(-13.01, -74.01, 1), at(5, -75, 2)];
    const camera = fitCamera(markers, 800, 600);
    const p = projectionFor(camera, 800, 600);
    const points = new Float64Array(markers.flatMap((m) => p([m.lon, m.lat])!));
    const clusters = clusterMarkers(points, markers, 44, 800, 600);
    expect(clusters.map((c) => c.members.length).sort()).toEqual([1, 2]);
    expect(markerRadius(0)).toBeLessThan(markerRadius(25));
  });
});
