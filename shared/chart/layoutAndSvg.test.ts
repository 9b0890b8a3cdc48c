import { describe, expect, it } from 'vitest';
import { chartSvg, forceLayout, savedChartSchema } from './index';
import type { VisibleChart } from './index';
import { validateWith } from '../model';

function ring(n: number) {
  const edges: number[] = [];
  for (let i = 0; i < n; i++) edges.push(i, (i + 1) % n);
  return Int32Array.from(edges);
}

describe('force layout', () => {
  it('places every node at a finite spot, neighbours nearer than the rest', () => {
    const n = 40;
    const x = new Float64Array(n).fill(NaN), y = new Float64Array(n).fill(NaN);
    forceLayout({ count: n, edges: ring(n), x, y, fixed: new Uint8Array(n) });
    expect([...x, ...y].every(Number.isFinite)).toBe(true);
    const d = (a: number, b: number) => Math.hypot(x[a]! - x[b]!, y[a]! - y[b]!);
    expect(d(0, 1)).toBeLessThan(d(0, 20));
    // Nothing stacked: the closest pair is still apart.
    let min = Infinity;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) min = Math.min(min, d(i, j));
    expect(min).toBeGreaterThan(5);
  });

  it('never moves pinned nodes and keeps placed ones near where they were', () => {
    const n = 30;
    const x = new Float64Array(n).fill(NaN), y = new Float64Array(n).fill(NaN);
    forceLayout({ count: n, edges: ring(n), x, y, fixed: new Uint8Array(n) });
    const fixed = new Uint8Array(n); fixed[0] = 1;
    x[0] = 500; y[0] = -500;
    const before = Float64Array.from(x);
    forceLayout({ count: n, edges: ring(n), x, y, fixed, alpha: 0.1, iterations: 60 });
    expect([x[0], y[0]]).toEqual([500, -500]);
    expect(Math.abs(x[15]! - before[15]!)).toBeLessThan(150);
  });
});

describe('SVG export', () => {
  const chart: VisibleChart = {
    nodes: [
      { id: 'actor:a', kind: 'person', recordId: 'a', label: 'Jorge <"Raúl"> & co', detail: 'person', date: null },
      { id: 'actor:b', kind: 'group', recordId: 'b', label: 'Shining Path', detail: 'armed_group', date: null },
    ],
    edges: [{ edge: { id: 'm', kind: 'membership', source: 'actor:a', target: 'actor:b', roles: ['leader'], from: null, to: null, date: null, weight: 1, pages: [] }, standing: 'possible' }],
  };
  const positions = new Map([['actor:a', { x: 0, y: 0 }], ['actor:b', { x: 100, y: 50 }]]);

  it('draws every node and edge with escaped labels and titles, dashed when only possible', () => {
    const svg = chartSvg(chart, positions, { title: 'Chart <1>', path: new Set(['m']) });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Jorge &#60;&#34;Raúl&#34;&#62; &#38; co');
    expect(svg).toContain('<title>Chart &#60;1&#62;</title>');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('<circle');
    expect(svg).toContain('<rect x="91" y="41"');
    expect(svg).not.toMatch(/<script|href=/);
    expect(svg).toMatch(/Jorge .* — Shining Path \(membership: leader\)/);
  });
});

describe('saved chart records', () => {
  const base = {
    id: '0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b01', createdAt: 1, updatedAt: 1, caseId: '0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b02', name: 'Artemio',
    nodes: [{ id: 'actor:0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b03', x: 1.5, y: -2, pinned: true }], hidden: [], edgeKinds: ['membership'], at: '2019-08-25',
  };
  it('accepts a well-formed chart', () => { expect(validateWith(savedChartSchema, base).ok).toBe(true); });
  it('names what is wrong in a damaged one', () => {
    const bad = validateWith(savedChartSchema, { ...base, name: '', at: '2019-02-30', nodes: [...base.nodes, base.nodes[0], { id: 'actor:x', x: Infinity, y: 0, pinned: false }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'at', 'nodes.2.id', 'nodes.2.x']));
    const refs = validateWith(savedChartSchema, { ...base, nodes: [base.nodes[0], base.nodes[0]], hidden: ['event:0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b09'] });
    expect(refs.ok ? [] : refs.issues.map((i) => i.path)).toEqual(['nodes.1.id', 'hidden.0']);
  });
});
