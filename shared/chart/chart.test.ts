import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import { parseApproxDate } from '../dates';
import type { ApproxDate } from '../dates/types';
import type { Actor, CaseEvent } from '../model';
import { buildChartGraph, CHART_EDGE_KINDS, edgeStanding, membershipAt, neighbourhood, neighbours, shortestPath, visibleChart } from './index';
import type { ChartEdgeKind, EdgeFilter } from './index';

const actors = sample.actors as Actor[];
const events = sample.events as CaseEvent[];
const idOf = (name: string) => `actor:${actors.find((a) => a.name === name)!.id}`;
const all: EdgeFilter = { kinds: new Set(CHART_EDGE_KINDS), at: null };
const at = (day: string, kinds: readonly ChartEdgeKind[] = CHART_EDGE_KINDS): EdgeFilter => ({ kinds: new Set(kinds), at: day });
const date = (text: string): ApproxDate => { const r = parseApproxDate(text); if (!r.ok) throw new Error(text); return r.value; };

const docId = '11111111-2222-4333-8444-555555555555';
function withSources() {
  const artemio = actors.find((a) => a.name === 'Florindo Eleuterio Flores')!;
  const cited: Actor = {
    ...artemio,
    citations: [{ id: 'c0000000-0000-4000-8000-000000000001', documentId: docId, page: 3, quote: '', note: '' }],
    names: artemio.names.map((n, i) => (i === 0 ? { ...n, citations: [{ id: 'c0000000-0000-4000-8000-000000000002', documentId: docId, page: 5, quote: 'alias', note: '' }] } : n)),
  };
  return buildChartGraph({
    actors: actors.map((a) => (a.id === artemio.id ? cited : a)),
    events,
    documents: [{ id: docId, title: 'InSight Crime: the VRAEM', fileName: 'vraem.pdf' }],
    coMentions: [{ a: actors[4]!.id, b: actors[5]!.id, pages: [`${docId}:1`, `${docId}:2`] }],
  });
}

describe('chart building from records', () => {
  const graph = buildChartGraph({ actors, events, documents: [], coMentions: [] });

  it('makes people, groups and events nodes, memberships and participation edges', () => {
    expect(graph.nodes.get(idOf('Shining Path'))).toMatchObject({ kind: 'group', label: 'Shining Path' });
    expect(graph.nodes.get(idOf('Cirilo'))).toMatchObject({ kind: 'person' });
    const clash = events.find((e) => e.title.startsWith('Clash'))!;
    expect(graph.nodes.get(`event:${clash.id}`)).toMatchObject({ kind: 'event', detail: 'late August 2019' });
    const membership = graph.adjacency.get(idOf('Cirilo'))!.find((e) => e.kind === 'membership')!;
    expect(membership).toMatchObject({ target: idOf('Shining Path'), roles: ['local leader'] });
    expect(membership.to?.label).toBe('late August 2019');
    // Cirilo is both killed and leader in the clash: one edge carrying both roles.
    const part = graph.adjacency.get(idOf('Cirilo'))!.filter((e) => e.kind === 'participation');
    expect(part).toHaveLength(1);
    expect(part[0]!.roles.sort()).toEqual(['killed', 'leader']);
  });

  it('adds sources with one citation edge per record and document, and co-mentions weighted by pages', () => {
    const g = withSources();
    const cite = g.edges.get(`citation:${actors.find((a) => a.name === 'Florindo Eleuterio Flores')!.id}:${docId}`)!;
    expect(cite).toMatchObject({ kind: 'citation', target: `source:${docId}`, weight: 2, pages: ['3', '5'] });
    const co = [...g.edges.values()].find((e) => e.kind === 'co-mention')!;
    expect(co).toMatchObject({ weight: 2, source: `actor:${[actors[4]!.id, actors[5]!.id].sort()[0]}` });
  });

  it('leaves out edges to records it was not given', () => {
    const g = buildChartGraph({ actors: actors.filter((a) => a.name !== 'Shining Path'), events, documents: [], coMentions: [] });
    expect([...g.edges.values()].some((e) => e.target === idOf('Shining Path') || e.source === idOf('Shining Path'))).toBe(false);
  });

  it('from Artemio reaches the Shining Path and the Quispe Palomino brothers in two steps', () => {
    const artemio = idOf('Florindo Eleuterio Flores');
    expect(neighbours(graph, artemio, all)).toContain(idOf('Shining Path'));
    const two = neighbourhood(graph, [artemio], 2, all);
    expect(two).toEqual(expect.arrayContaining([idOf('Shining Path'), idOf('Víctor Quispe Palomino'), idOf('Jorge Quispe Palomino')]));
    expect(two[0]).toBe(artemio);
    expect(neighbourhood(graph, [artemio], 2, all, 3)).toHaveLength(3);
  });
});

describe('shortest path', () => {
  const graph = buildChartGraph({ actors, events, documents: [], coMentions: [] });
  it('goes from Artemio to Víctor Quispe Palomino through the Shining Path', () => {
    const path = shortestPath(graph, idOf('Florindo Eleuterio Flores'), idOf('Víctor Quispe Palomino'), all)!;
    expect(path.nodes).toEqual([idOf('Florindo Eleuterio Flores'), idOf('Shining Path'), idOf('Víctor Quispe Palomino')]);
    expect(path.edges).toHaveLength(2);
  });
  it('follows only the edge kinds and nodes allowed, and says when there is no path', () => {
    const noMembership: EdgeFilter = { kinds: new Set<ChartEdgeKind>(['participation']), at: null };
    const viaEvents = shortestPath(graph, idOf('Florindo Eleuterio Flores'), idOf('Abimael Guzmán'), noMembership)!;
    expect(viaEvents.nodes).toHaveLength(5); // Artemio → his fall → Shining Path → Guzmán's capture → Guzmán
    expect(shortestPath(graph, idOf('Florindo Eleuterio Flores'), idOf('Víctor Quispe Palomino'), noMembership)).toBeNull();
    expect(shortestPath(graph, idOf('Florindo Eleuterio Flores'), idOf('Víctor Quispe Palomino'), all, (id) => id !== idOf('Shining Path'))).toBeNull();
  });
});

describe('the chart at a point in time', () => {
  const graph = buildChartGraph({ actors, events, documents: [], coMentions: [] });
  const membership = (name: string) => graph.adjacency.get(idOf(name))!.find((e) => e.kind === 'membership')!;

  it('keeps memberships that held then, by their approximate bounds', () => {
    const guzman = membership('Abimael Guzmán'); // 1970s to 1992
    expect(edgeStanding(guzman, at('1985-06-01'))).toBe('certain');
    expect(edgeStanding(guzman, at('1972-01-01'))).toBe('possible'); // "1970s" may not have begun yet
    expect(edgeStanding(guzman, at('1992-06-01'))).toBe('possible'); // within the end year
    expect(edgeStanding(guzman, at('1993-01-01'))).toBeNull();
    expect(edgeStanding(guzman, at('1969-12-31'))).toBeNull();
    const cirilo = membership('Cirilo'); // until late August 2019
    expect(edgeStanding(cirilo, at('2019-08-25'))).toBe('possible');
    expect(edgeStanding(cirilo, at('2019-09-01'))).toBeNull();
  });

  it('treats an unknown bound as open but never as certain', () => {
    expect(membershipAt(null, null, '2000-01-01')).toBe('possible');
    expect(membershipAt(date('1990'), null, '2000-01-01')).toBe('possible');
    expect(membershipAt(date('1990'), date('2010'), '2000-01-01')).toBe('certain');
  });

  it('keeps events that may have happened by then, and sources at all times', () => {
    const capture = graph.adjacency.get(idOf('Abimael Guzmán'))!.find((e) => e.kind === 'participation')!;
    expect(edgeStanding(capture, at('1991-01-01'))).toBeNull();
    expect(edgeStanding(capture, at('1993-01-01'))).toBe('certain');
    const co = [...withSources().edges.values()].find((e) => e.kind === 'co-mention')!;
    expect(edgeStanding(co, at('1900-01-01'))).toBe('certain');
    expect(edgeStanding(co, at('1900-01-01', ['membership']))).toBeNull();
  });

  it('draws only shown, unhidden nodes and the edges between them that hold', () => {
    const shown = neighbourhood(graph, [idOf('Cirilo')], 1, all);
    const then = visibleChart(graph, shown, new Set(), at('2020-01-01'));
    expect(then.edges.some((e) => e.edge.kind === 'membership')).toBe(false);
    const hidden = visibleChart(graph, shown, new Set([idOf('Shining Path')]), all);
    expect(hidden.nodes.map((n) => n.id)).not.toContain(idOf('Shining Path'));
    expect(hidden.edges.every((e) => e.edge.source !== idOf('Shining Path') && e.edge.target !== idOf('Shining Path'))).toBe(true);
  });
});
