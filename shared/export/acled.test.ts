import { describe, expect, it } from 'vitest';
import type { ApproxDate } from '../dates';
import type { CaseEvent } from '../model';
import { ACLED_COLUMNS, exportAcledCsv, timePrecision } from './acled';
import { csvText } from './csv';
import { sampleInput } from './sampleInput.testkit';

/** A strict RFC 4180 reader, so the tests read the file the way a spreadsheet or pandas would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('file does not end with CRLF');
  return rows;
}

function records(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual([...ACLED_COLUMNS]);
  for (const r of rows) expect(r).toHaveLength(ACLED_COLUMNS.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const date = (earliest: string, latest: string, label = ''): ApproxDate =>
  ({ label, edtf: earliest === latest ? earliest : `${earliest}/${latest}`, earliest, latest, precision: earliest === latest ? 'day' : 'range' });

function withEvent(over: Partial<CaseEvent>): string {
  const input = sampleInput();
  const clash = input.events.find((e) => e.place.name === 'Chachaspata')!;
  return exportAcledCsv({ ...input, events: [{ ...clash, ...over }] });
}

describe('exportAcledCsv on the VRAEM sample case', () => {
  const rows = records(exportAcledCsv(sampleInput()));

  it('writes one row per event, oldest first, with ACLED columns filled from the event', () => {
    expect(rows.map((r) => r.event_date)).toEqual(['1992-07-01', '2006-07-02', '2019-08-26', '2019-10-26']);
    const clash = rows.find((r) => r.location === 'Chachaspata')!;
    expect(clash).toMatchObject({
      event_id_cnty: sampleInput().events.find((e) => e.place.name === 'Chachaspata')!.id,
      event_date: '2019-08-26', year: '2019', time_precision: '3', disorder_type: 'Political violence',
      event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Peruvian Armed Forces', assoc_actor_1: '',
      actor2: 'Shining Path', assoc_actor_2: 'Cirilo', country: 'Peru', admin1: 'Ayacucho', admin2: '', admin3: '',
      latitude: '', longitude: '', geo_precision: '2', source: 'InSight Crime', fatalities: '6', tags: 'VRAEM; cocaine',
      timestamp: '1700000000',
    });
    expect(clash.notes).toContain('Date as reported: late August 2019 (2019-08-21 to 2019-08-31).');
    expect(clash.notes).toContain('Fatalities by side: Shining Path fighters 4; soldiers 2.');
    expect(clash.notes).toContain('Seized: 79 kg cocaine;');
  });

  it('names groups as actors and people as associated actors; plain participants fill actor 1 then actor 2', () => {
    const capture = rows.find((r) => r.notes!.startsWith('Capture of Abimael'))!;
    expect(capture).toMatchObject({ actor1: '', actor2: 'Shining Path', assoc_actor_2: 'Abimael Guzmán', sub_event_type: 'Arrests', disorder_type: 'Strategic developments' });
    const laMar = rows.find((r) => r.location === 'La Mar')!;
    expect(laMar).toMatchObject({ actor1: 'Peruvian Armed Forces', actor2: 'Shining Path', admin2: 'La Mar', geo_precision: '3' });
  });

  it('leaves unknown fatalities blank rather than writing 0', () => {
    expect(rows.find((r) => r.location === 'La Mar')!.fatalities).toBe('');
  });
});

describe('ACLED time precision from approximate dates', () => {
  it.each([
    ['a known day', '2019-08-24', '2019-08-24', 1, '2019-08-24'],
    ['a weekend', '2019-08-24', '2019-08-25', 2, '2019-08-24'],
    ['a week', '2019-08-19', '2019-08-25', 2, '2019-08-22'],
    ['a month', '2019-08-01', '2019-08-31', 3, '2019-08-16'],
    ['a year', '1992-01-01', '1992-12-31', 3, '1992-07-01'],
  ] as const)('%s → %i, dated %s', (_, earliest, latest, precision, eventDate) => {
    expect(timePrecision({ earliest, latest })).toBe(precision);
    const [row] = records(withEvent({ date: date(earliest, latest) }));
    expect(row).toMatchObject({ time_precision: String(precision), event_date: eventDate, year: eventDate.slice(0, 4) });
  });

  it('leaves date, year and precision blank for an undated event', () => {
    const [row] = records(withEvent({ date: null }));
    expect(row).toMatchObject({ event_date: '', year: '', time_precision: '' });
  });
});

describe('CSV quoting and spreadsheet safety', () => {
  it('round-trips commas, quotes and line breaks', () => {
    const title = 'Clash at "El Puente", Pichari\nsecond line';
    const [row] = records(withEvent({ title, description: 'a, b; "c"\r\nd', tags: ['x,y', 'he said "no"'] }));
    expect(row!.notes).toBe(`${title}. a, b; "c"\r\nd. Date as reported: late August 2019 (2019-08-21 to 2019-08-31). Fatalities by side: Shining Path fighters 4; soldiers 2. Seized: 79 kg cocaine; weapons (quantity not stated); explosives (quantity not stated).`);
    expect(row!.tags).toBe('x,y; he said "no"');
  });

  it('defuses text cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    const input = sampleInput();
    const clash = input.events.find((e) => e.place.name === 'Chachaspata')!;
    const hostile: CaseEvent = {
      ...clash, title: '=HYPERLINK("http://evil.example","x")', tags: ['@SUM(A1)', '-2+3', '+cmd'],
      place: { ...clash.place, name: '+cmd|calc', admin1: '-Ayacucho', admin2: '\tTab', latitude: -12.95, longitude: -74.2 },
    };
    const [row] = records(exportAcledCsv({ ...input, events: [hostile] }));
    expect(row).toMatchObject({
      location: "'+cmd|calc", admin1: "'-Ayacucho", admin2: "'\tTab", tags: "'@SUM(A1); -2+3; +cmd",
      latitude: '-12.95', longitude: '-74.2',
    });
    expect(row!.notes!.startsWith(`'=HYPERLINK("http://evil.example","x").`)).toBe(true);
    for (const text of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(csvText(text).replace(/^"/, '').charAt(0)).toBe("'");
    expect(csvText('plain')).toBe('plain');
  });

  it('can leave out the byte-order mark for tools that do not expect one', () => {
    const csv = exportAcledCsv(sampleInput(), { bom: false });
    expect(csv.startsWith('event_id_cnty,event_date,')).toBe(true);
  });
});
