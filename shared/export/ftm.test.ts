import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import schemaJson from '../../tests/fixtures/ftm/schema.json';
import type { FtmLine } from '../../tests/fixtures/ftm/validateFtm';
import { validateFtm } from '../../tests/fixtures/ftm/validateFtm';
import type { ApproxDate } from '../dates';
import type { Actor } from '../model';
import { countryCode, languageCode } from './codes';
import { contentSha1Map, sha1Hex } from './contentHash';
import { exportFtm, ftmId } from './ftm';
import { ARTICLE_ID, ARTICLE_SHA256, sampleInput } from './sampleInput.testkit';

const day = (d: string): ApproxDate => ({ label: d, edtf: d, earliest: d, latest: d, precision: 'day' });
const range = (label: string, earliest: string, latest: string, precision: ApproxDate['precision'] = 'range'): ApproxDate =>
  ({ label, edtf: `${earliest}/${latest}`, earliest, latest, precision });

function entities(ndjson: string): FtmLine[] {
  const { entities: list, problems } = validateFtm(ndjson);
  expect(problems).toEqual([]);
  return list;
}
const find = (list: FtmLine[], id: string) => list.find((e) => e.id === id);
const actorId = (name: string) => sampleInput().actors.find((a) => a.name === name)!.id;

describe('exportFtm on the VRAEM sample case', () => {
  const out = exportFtm(sampleInput());
  const list = entities(out);

  it('is valid FollowTheMoney: every entity, property, value type, reference and required property', () => {
    expect(out.endsWith('\n')).toBe(true);
    expect(new Set(list.map((e) => e.schema))).toEqual(new Set(['Person', 'Organization', 'Membership', 'Event', 'Pages', 'Page', 'Documentation']));
    // One line per entity: every actor, event and page, each membership, each citation.
    const input = sampleInput();
    expect(list.filter((e) => e.schema === 'Person' || e.schema === 'Organization')).toHaveLength(input.actors.length);
    expect(list.filter((e) => e.schema === 'Event')).toHaveLength(input.events.length);
    expect(list.filter((e) => e.schema === 'Membership')).toHaveLength(input.actors.flatMap((a) => a.memberships).length);
    expect(list.filter((e) => e.schema === 'Page')).toHaveLength(3);
    expect(list.filter((e) => e.schema === 'Documentation')).toHaveLength(5);
  });

  it('gives a person every other name as an alias: Artemio is Florindo Eleuterio Flores', () => {
    const florindo = find(list, ftmId.actor(actorId('Florindo Eleuterio Flores')))!;
    expect(florindo.schema).toBe('Person');
    expect(florindo.properties.name).toEqual(['Florindo Eleuterio Flores']);
    expect(florindo.properties.alias).toEqual(['Comandante Artemio', 'Artemio']);
    expect(florindo.properties.nationality).toEqual(['pe']);
    expect(florindo.properties.status).toEqual(['Captured / arrested']);
    const group = find(list, ftmId.actor(actorId('Shining Path')))!;
    expect(group.schema).toBe('Organization');
    expect(group.properties.alias).toContain('Sendero Luminoso');
    expect(group.properties.classification).toEqual(['Armed group']);
  });

  it('writes memberships with role and the dates as precisely as they are known', () => {
    const guzman = sampleInput().actors.find((a) => a.name === 'Abimael Guzmán')!;
    const m = find(list, ftmId.membership(guzman.memberships[0]!.id))!;
    expect(m.properties).toMatchObject({
      member: [ftmId.actor(guzman.id)], organization: [ftmId.actor(actorId('Shining Path'))], role: ['founder and principal leader'],
      // "1970s" spans ten years: FTM has no decade, so no start date; the wording stays in the summary.
      endDate: ['1992'], summary: ['1970s – 1992'],
    });
    expect(m.properties.startDate).toBeUndefined();
    const cirilo = sampleInput().actors.find((a) => a.name === 'Cirilo')!;
    expect(find(list, ftmId.membership(cirilo.memberships[0]!.id))!.properties.endDate).toEqual(['2019-08']);
  });

  it('writes events with involved actors, the leader as organizer, place and dates', () => {
    const clash = sampleInput().events.find((e) => e.place.name === 'Chachaspata')!;
    const e = find(list, ftmId.event(clash.id))!;
    expect(e.properties).toMatchObject({
      name: [clash.title], summary: ['Battles: Armed clash'], date: ['2019-08'], location: ['Chachaspata, Ayacucho, Peru'], country: ['pe'],
      organizer: [ftmId.actor(actorId('Cirilo'))], proof: [ftmId.document(ARTICLE_ID)],
    });
    expect(e.properties.involved).toEqual(['Peruvian Armed Forces', 'Shining Path', 'Cirilo'].map((n) => ftmId.actor(actorId(n))));
    expect(e.properties.notes).toContain('Seized: 79 kg cocaine; weapons (quantity not stated); explosives (quantity not stated)');
    expect(e.properties.notes).toContain('Fatalities: 6 (Shining Path fighters: 4; soldiers: 2)');
    // "a decade after Guzmán's capture" (2000–2012) has no single FTM date: a start and an end instead.
    const fall = find(list, ftmId.event(sampleInput().events.find((x) => x.title.startsWith('Fall'))!.id))!;
    expect(fall.properties).toMatchObject({ startDate: ['2000'], endDate: ['2012'] });
    expect(fall.properties.date).toBeUndefined();
  });

  it('writes the document as Pages with one Page per page, and each citation as Documentation', () => {
    const doc = find(list, ftmId.document(ARTICLE_ID))!;
    expect(doc.schema).toBe('Pages');
    expect(doc.properties).toMatchObject({
      title: ['Shining Path in the VRAEM'], fileName: ['vraem-article.pdf'], fileSize: ['123456'], mimeType: ['application/pdf'],
      publishedAt: ['2019-09'], language: ['eng'], sourceUrl: ['https://insightcrime.org/example'],
    });
    expect(doc.properties.notes).toContain(`SHA-256: ${ARTICLE_SHA256}`);
    expect(doc.properties.contentHash).toBeUndefined();
    const page2 = find(list, ftmId.page(ARTICLE_ID, 2))!;
    expect(page2.properties).toEqual({ document: [doc.id], index: ['2'], bodyText: ['Comandante Artemio was second-in-command.'] });

    const docs = list.filter((e) => e.schema === 'Documentation');
    const alias = docs.find((d) => d.properties.role?.[0] === 'Alias: Artemio')!;
    expect(alias.properties).toEqual({
      document: [doc.id], entity: [ftmId.actor(actorId('Florindo Eleuterio Flores'))], role: ['Alias: Artemio'],
      summary: ['Page 2'], description: ['alias “Comandante Artemio”'],
    });
    expect(docs.find((d) => d.properties.role?.[0]?.startsWith('Membership'))!.properties.role).toEqual(['Membership: second-in-command, Shining Path']);
    const event = docs.find((d) => d.properties.role?.[0] === 'Event')!;
    expect(event.properties.summary).toEqual(['Page 3: Ministry of the Interior figures']);
    expect(docs.find((d) => d.properties.role?.[0]?.startsWith('Participant'))!.properties.summary).toEqual(['Whole document']);
  });

  it('is stable: the same case gives the same bytes, ids derived from the records', () => {
    expect(exportFtm(sampleInput())).toBe(out);
    expect(list.every((e) => e.id.startsWith('casefile-'))).toBe(true);
  });
});

describe('exportFtm on handcrafted cases', () => {
  const base = sampleInput();
  const group = base.actors.find((a) => a.name === 'Shining Path')!;
  const person = (over: Partial<Actor>): Actor => ({ ...base.actors.find((a) => a.name === 'Cirilo')!, ...over });

  it('keeps dates at their precision: a day, a month, a season → its year, a span of years → nothing', () => {
    const a = person({
      id: '22222222-2222-4222-8222-222222222222', name: 'Test', names: [], birth: day('1961-02-28'),
      death: range('summer 2019', '2019-06-01', '2019-08-31', 'season'),
      memberships: [
        { id: '33333333-3333-4333-8333-333333333333', groupId: group.id, role: 'courier', from: day('2001-03-15'), to: range('late August 2019', '2019-08-21', '2019-08-31'), note: 'as the source says', citations: [] },
        { id: '44444444-4444-4444-8444-444444444444', groupId: group.id, role: 'cadre', from: range('1990s', '1990-01-01', '1999-12-31', 'decade'), to: null, note: '', citations: [] },
      ],
    });
    const list = entities(exportFtm({ ...base, actors: [group, a], events: [] }));
    expect(find(list, ftmId.actor(a.id))!.properties).toMatchObject({ birthDate: ['1961-02-28'], deathDate: ['2019'] });
    expect(find(list, ftmId.membership('33333333-3333-4333-8333-333333333333'))!.properties).toMatchObject({
      role: ['courier'], startDate: ['2001-03-15'], endDate: ['2019-08'], summary: ['2001-03-15 – late August 2019'], description: ['as the source says'],
    });
    const open = find(list, ftmId.membership('44444444-4444-4444-8444-444444444444'))!;
    expect(open.properties.startDate).toBeUndefined();
    expect(open.properties.summary).toEqual(['1990s – …']);
  });

  it('writes only real calendar dates: an impossible day from an old bundle is left out, not passed on', () => {
    const a = person({ id: '55555555-5555-4555-8555-555555555555', name: 'Impossible', names: [], birth: day('2019-02-30'), death: day('2019-13-45') });
    const clash = base.events.find((e) => e.place.name === 'Chachaspata')!;
    const ev = { ...clash, date: range('30 February', '2019-02-30', '2019-02-30', 'day') };
    const list = entities(exportFtm({ ...base, actors: [group, a], events: [ev] }));
    expect(find(list, ftmId.actor(a.id))!.properties.birthDate).toBeUndefined();
    expect(find(list, ftmId.actor(a.id))!.properties.deathDate).toBeUndefined();
    const written = find(list, ftmId.event(ev.id))!.properties;
    expect([written.date, written.startDate, written.endDate]).toEqual([undefined, undefined, undefined]);
    for (const e of list) {
      for (const [prop, values] of Object.entries(e.properties)) {
        if (/Date$|^date$|At$/.test(prop)) for (const v of values) expect(Number.isNaN(Date.parse(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v)), `${prop} ${v}`).toBe(false);
      }
    }
  });

  it('carries mentions found by name matching as Documentation with role "mentioned", one per document and actor', () => {
    const florindo = actorId('Florindo Eleuterio Flores');
    const list = entities(exportFtm(base, {
      mentions: [
        { documentId: ARTICLE_ID, page: 2, actorId: florindo, snippet: 'Comandante Artemio was second-in-command' },
        { documentId: ARTICLE_ID, page: 1, actorId: florindo },
        { documentId: ARTICLE_ID, page: 2, actorId: florindo },
        { documentId: ARTICLE_ID, page: 3, actorId: '99999999-9999-4999-8999-999999999999' },
        { documentId: '88888888-8888-4888-8888-888888888888', page: 1, actorId: florindo },
      ],
    }));
    const mentions = list.filter((e) => e.properties.role?.includes('mentioned'));
    expect(mentions).toEqual([{
      id: ftmId.mention(ARTICLE_ID, florindo), schema: 'Documentation',
      properties: {
        document: [ftmId.document(ARTICLE_ID)], entity: [ftmId.actor(florindo)], role: ['mentioned'],
        summary: ["Pages 1, 2 (found by matching the actor's names; not a citation)"], description: ['Comandante Artemio was second-in-command'],
      },
    }]);
  });

  it('leaves out what it cannot point at: groups, documents and actors outside the export', () => {
    const cirilo = base.actors.find((a) => a.name === 'Cirilo')!;
    const clash = base.events.find((e) => e.place.name === 'Chachaspata')!;
    const asGroup = person({ id: '55555555-5555-4555-8555-555555555555', name: 'A person given as a group', names: [], memberships: [] });
    const member = person({
      id: '66666666-6666-4666-8666-666666666666', name: 'Member', names: [],
      memberships: [{ id: '77777777-7777-4777-8777-777777777777', groupId: asGroup.id, role: 'x', from: null, to: null, note: '', citations: [] }],
    });
    // Cirilo without his group, the clash without the army, no documents: nothing may dangle.
    const list = entities(exportFtm({ ...base, actors: [cirilo, asGroup, member], events: [clash], documents: [], pages: [] }));
    expect(list.filter((e) => e.schema === 'Membership')).toEqual([]);
    expect(list.filter((e) => e.schema === 'Documentation' || e.schema === 'Pages' || e.schema === 'Page')).toEqual([]);
    expect(find(list, ftmId.event(clash.id))!.properties.involved).toEqual([ftmId.actor(cirilo.id)]);
    expect(find(list, ftmId.event(clash.id))!.properties.proof).toBeUndefined();
  });

  it('writes contentHash only as the SHA-1 of the bytes, when the caller has them', async () => {
    expect(await sha1Hex(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    const sha1 = await contentSha1Map([{ sha256: ARTICLE_SHA256, bytes: new TextEncoder().encode('abc') }]);
    const list = entities(exportFtm(base, { contentSha1: sha1 }));
    expect(find(list, ftmId.document(ARTICLE_ID))!.properties.contentHash).toEqual(['a9993e364706816aba3e25717850c26c9cd0d89d']);
    // A SHA-256 is not a FollowTheMoney checksum: it is refused rather than written.
    const wrong = entities(exportFtm(base, { contentSha1: { [ARTICLE_SHA256]: ARTICLE_SHA256 } }));
    expect(find(wrong, ftmId.document(ARTICLE_ID))!.properties.contentHash).toBeUndefined();
  });

  it('turns typed country and language names into the codes FollowTheMoney expects', () => {
    expect(['Peru', 'Perú', 'PE', ' peru '].map(countryCode)).toEqual(['pe', 'pe', 'pe', 'pe']);
    expect(['Colombia', 'España', 'Spain', 'Estados Unidos', 'USA'].map(countryCode)).toEqual(['co', 'es', 'es', 'us', 'us']);
    expect(['Atlantis', '', 'VRAEM'].map(countryCode)).toEqual([null, null, null]);
    expect(['es', 'Spanish', 'español', 'es-PE', 'English', 'quechua'].map(languageCode)).toEqual(['spa', 'spa', 'spa', 'spa', 'eng', null]);
  });
});

describe('the FollowTheMoney validator used above', () => {
  it('catches what FollowTheMoney would reject', () => {
    const bad = [
      { id: 'a', schema: 'Thing', properties: { name: ['x'] } },
      { id: 'b', schema: 'Person', properties: { name: ['x'], colour: ['red'], birthDate: ['1992-13'] } },
      { id: 'c', schema: 'Membership', properties: { member: ['zzz'], organization: ['b'] } },
      { id: 'd', schema: 'Event', properties: { date: ['late 1992'] } },
      { id: 'e', schema: 'Pages', properties: { name: ['x'], fileName: ['x'], contentHash: ['a'.repeat(64)] } },
    ].map((e) => JSON.stringify(e)).join('\n') + '\n';
    expect(validateFtm(bad).problems).toEqual([
      'a: schema Thing is abstract',
      'b: Person has no property colour',
      'b.birthDate: "1992-13" is not a valid date',
      'c.member: points to zzz, which is not in the output',
      'c.organization: Person is not a Organization',
      'd.date: "late 1992" is not a valid date',
      'd: required name (from Event) missing',
      `e.contentHash: "${'a'.repeat(64)}" is not a valid checksum`,
    ]);
  });
});

describe('the vendored FollowTheMoney schema (tests/fixtures/ftm)', () => {
  const root = resolve(__dirname, '../..');
  const reference = resolve(root, '../shared/reference/followthemoney-schema');

  it('matches ../shared/reference when it is there, and otherwise records the source it was made from', () => {
    const sources = Object.entries(schemaJson.sources);
    expect(sources.length).toBe(Object.keys(schemaJson.schemata).length);
    for (const [, hash] of sources) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(resolve(root, 'tests/fixtures/ftm/LICENSE'), 'utf8')).toMatch(/^MIT License[\s\S]*Journalism Development Network/);
    if (existsSync(reference)) {
      // Regenerates from the YAML and compares byte for byte; exits 1 on any difference.
      const result = execFileSync(process.execPath, [resolve(root, 'scripts/ftm-schema.mjs'), '--check'], { encoding: 'utf8' });
      expect(result).toContain('fixture matches the reference');
    } else {
      // Without the reference the fixture cannot be re-derived; CI that has it can demand it.
      expect(process.env.REQUIRE_FTM_REFERENCE, `${reference} is missing`).toBeFalsy();
    }
  });
});
