import { describe, expect, it } from 'vitest';
import type { ApproxDate } from '../dates';
import type { CaseEvent } from '../model';
import { ACLED_COLUMNS, CSV_COLUMNS, acledDateSummary, exportAcledCsv, timePrecision } from './acled';
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
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const date = (earliest: string, latest: string, label = ''): ApproxDate =>
  ({ label, edtf: earliest === latest ? earliest : `${earliest}/${latest}`, earliest, latest, precision: earliest === latest ? 'day' : 'range' });

function withEvent(over: Partial<CaseEvent>): string {
  const input = sampleInput();
  const clash = input.events.find((e) => e.place.name === 'Chachaspata')!;
  return exportAcledCsv({ ...input, events: [{ ...clash, ...over }] });
}

// ACLED's codebook column list (2023 onwards; acledR's acled_old_dummy and the ACLED API), in its order.
const CODEBOOK = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
  'notes', 'fatalities', 'tags', 'timestamp',
];

describe('exportAcledCsv on the VRAEM sample case', () => {
  const rows = records(exportAcledCsv(sampleInput()));

  it("writes all of ACLED's columns in ACLED's order, then the Casefile date columns", () => {
    expect([...ACLED_COLUMNS]).toEqual(CODEBOOK);
    expect([...CSV_COLUMNS].slice(0, CODEBOOK.length)).toEqual(CODEBOOK);
    expect([...CSV_COLUMNS].slice(CODEBOOK.length)).toEqual(['date_as_reported', 'date_earliest', 'date_latest']);
  });

  it('writes one row per event, oldest first, with ACLED columns filled from the event', () => {
    expect(rows.map((r) => r.date_earliest)).toEqual(['1992-01-01', '2000-01-01', '2019-08-21', '2019-08-21']);
    const clash = rows.find((r) => r.location === 'Chachaspata')!;
    expect(clash).toMatchObject({
      event_id_cnty: sampleInput().events.find((e) => e.place.name === 'Chachaspata')!.id,
      event_date: '2019-08-26', year: '2019', time_precision: '3', disorder_type: 'Political violence',
      event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Peruvian Armed Forces', assoc_actor_1: '', inter1: '1',
      actor2: 'Shining Path', assoc_actor_2: 'Cirilo', inter2: '2', interaction: '12', civilian_targeting: '',
      iso: '604', region: 'South America', country: 'Peru', admin1: 'Ayacucho', admin2: '', admin3: '',
      latitude: '', longitude: '', geo_precision: '2', source: 'InSight Crime', source_scale: '', fatalities: '6', tags: '',
      timestamp: '1700000000', date_as_reported: 'late August 2019', date_earliest: '2019-08-21', date_latest: '2019-08-31',
    });
    expect(clash.notes).toContain('Date as reported: late August 2019 (2019-08-21 to 2019-08-31).');
    expect(clash.notes).toContain('Fatalities by side: Shining Path fighters 4; soldiers 2.');
    expect(clash.notes).toContain('Seized: 79 kg cocaine;');
  });

  it("keeps ACLED's tags column for ACLED's vocabulary: the user's tags go to notes", () => {
    const clash = rows.find((r) => r.location === 'Chachaspata')!;
    expect(clash.tags).toBe('');
    expect(clash.notes).toMatch(/Tags: VRAEM; cocaine\.$/);
  });

  it('always fills actor 1: when only the arrested side is known it is actor 1, with the arrested person associated', () => {
    const arrests = rows.filter((r) => r.sub_event_type === 'Arrests');
    expect(arrests).toHaveLength(2);
    for (const r of arrests) expect(r.actor1).not.toBe('');
    const capture = rows.find((r) => r.notes!.startsWith('Capture of Abimael'))!;
    expect(capture).toMatchObject({
      actor1: 'Shining Path', assoc_actor_1: 'Abimael Guzmán', inter1: '2', actor2: '', assoc_actor_2: '', inter2: '', interaction: '20',
      disorder_type: 'Strategic developments',
    });
    for (const r of rows) expect(r.actor1, r.notes).not.toBe('');
  });

  it('does not invent a day for events dated by a year or a span of years', () => {
    const capture = rows.find((r) => r.notes!.startsWith('Capture of Abimael'))!;
    expect(capture).toMatchObject({ event_date: '', year: '1992', time_precision: '', date_as_reported: '1992', date_earliest: '1992-01-01', date_latest: '1992-12-31' });
    const artemio = rows.find((r) => r.notes!.startsWith('Fall of'))!;
    expect(artemio).toMatchObject({ event_date: '', year: '', time_precision: '', date_earliest: '2000-01-01', date_latest: '2012-12-31' });
    for (const r of rows) expect(r.event_date).not.toMatch(/^(1992-07-01|2006-07-02)$/);
    expect(acledDateSummary(sampleInput().events)).toEqual({ events: 4, coarse: 3, undated: 0 });
  });

  it('places plain participants as actor 1 then actor 2, and leaves unknown fatalities blank rather than 0', () => {
    const laMar = rows.find((r) => r.location === 'La Mar')!;
    expect(laMar).toMatchObject({ actor1: 'Peruvian Armed Forces', actor2: 'Shining Path', admin2: 'La Mar', geo_precision: '3', interaction: '12', fatalities: '' });
  });
});

describe('ACLED time precision from approximate dates', () => {
  it.each([
    ['a known day', '2019-08-24', '2019-08-24', 1, '2019-08-24'],
    ['a weekend', '2019-08-24', '2019-08-25', 2, '2019-08-24'],
    ['a week', '2019-08-19', '2019-08-25', 2, '2019-08-22'],
    ['late August', '2019-08-21', '2019-08-31', 3, '2019-08-26'],
    ['a month', '2019-08-01', '2019-08-31', 3, '2019-08-16'],
  ] as const)('%s → %i, dated %s', (_, earliest, latest, precision, eventDate) => {
    expect(timePrecision({ earliest, latest })).toBe(precision);
    const [row] = records(withEvent({ date: date(earliest, latest) }));
    expect(row).toMatchObject({ time_precision: String(precision), event_date: eventDate, year: eventDate.slice(0, 4), date_earliest: earliest, date_latest: latest });
  });

  it.each([
    ['a season', '2019-06-01', '2019-08-31', '2019'],
    ['a year', '1992-01-01', '1992-12-31', '1992'],
    ['the turn of a year', '2019-12-01', '2020-01-31', ''],
    ['a decade', '1990-01-01', '1999-12-31', ''],
  ] as const)('%s is coarser than ACLED codes: no event date or precision, the period in the date columns', (_, earliest, latest, year) => {
    expect(timePrecision({ earliest, latest })).toBeNull();
    const [row] = records(withEvent({ date: date(earliest, latest, 'as the source says') }));
    expect(row).toMatchObject({ event_date: '', time_precision: '', year, date_as_reported: 'as the source says', date_earliest: earliest, date_latest: latest });
  });

  it('leaves date, year and precision blank for an undated event', () => {
    const [row] = records(withEvent({ date: null }));
    expect(row).toMatchObject({ event_date: '', year: '', time_precision: '', date_as_reported: '', date_earliest: '', date_latest: '' });
  });
});

describe('CSV quoting and spreadsheet safety', () => {
  it('round-trips commas, quotes and line breaks', () => {
    const title = 'Clash at "El Puente", Pichari\nsecond line';
    const [row] = records(withEvent({ title, description: 'a, b; "c"\r\nd', tags: ['x,y', 'he said "no"'] }));
    expect(row!.notes).toBe(`${title}. a, b; "c"\r\nd. Date as reported: late August 2019 (2019-08-21 to 2019-08-31). Fatalities by side: Shining Path fighters 4; soldiers 2. Seized: 79 kg cocaine; weapons (quantity not stated); explosives (quantity not stated). Tags: x,y; he said "no".`);
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
      location: "'+cmd|calc", admin1: "'-Ayacucho", admin2: "'\tTab",
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
