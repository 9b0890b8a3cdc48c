import { describe, expect, it } from 'vitest';
import sample from '../../resources/sample-case/vraem.json';
import type { Actor, CaseEvent } from '../model';
import type { SavedChart } from '../chart/savedChart';
import { chartsReportSection } from './reportCharts';
import type { ExportInput } from './types';

const actors = sample.actors as Actor[];
const input: ExportInput = { caseId: sample.case.id, cases: [sample.case], actors, events: sample.events as CaseEvent[], documents: [], pages: [] };
const id = (name: string) => `actor:${actors.find((a) => a.name === name)!.id}`;
const chart: SavedChart = {
  id: '0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b01', caseId: sample.case.id, name: 'Artemio & the brothers', createdAt: 1, updatedAt: 1,
  nodes: [
    { id: id('Florindo Eleuterio Flores'), x: 0, y: 0, pinned: false },
    { id: id('Shining Path'), x: 100, y: 0, pinned: true },
    { id: id('Cirilo'), x: 100, y: 100, pinned: false },
    { id: 'actor:0b8f3f57-1e0c-4f43-9f3a-6a0e3a7a8b99', x: 5, y: 5, pinned: false },
  ],
  hidden: [], edgeKinds: ['membership'], at: '2020-01-01',
};

describe('saved charts in the printable report', () => {
  it('draws each chart from the report\'s records, with its name, counts, date and what is missing', () => {
    const [part] = chartsReportSection([chart], input, 'en');
    expect(part!.heading).toBe('Link charts');
    const section = part!.body.__html;
    expect(section).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(section).toContain('<strong>Artemio &amp; the brothers</strong> — 3 nodes, 1 link, as at 2020-01-01 (1 record of the saved chart not in this report)');
    // Cirilo's membership ended in 2019: not drawn at 2020.
    expect(section).toContain('<title>Florindo Eleuterio Flores — Shining Path (membership: second-in-command)</title>');
    expect(section).not.toContain('Cirilo — Shining Path');
  });
  it('is empty without charts, and speaks Spanish', () => {
    expect(chartsReportSection([], input, 'en')).toEqual([]);
    expect(chartsReportSection([chart], input, 'es')[0]!.heading).toBe('Gráficos de vínculos');
  });
});
