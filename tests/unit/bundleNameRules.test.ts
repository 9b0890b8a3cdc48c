import { describe, expect, it } from 'vitest';
import { databaseDigest } from '../../renderer/bundle/digest';
import type { CasefileDb } from '../../renderer/db/db';
import { nameRulesOf, setFamilyNames, setNameRule } from '../../renderer/db/mentions';
import { nameRuleKey } from '../../shared/bundle';
import { ARTEMIO, CASE_ID, SAMPLE, editActor, freshDb, inProcessClient, seededProfile } from './bundleFixtures';

/**
 * Name-matching rules are the user's choices (docs/mentions.md): they travel with their actors
 * in a bundle (format 3) and merge without overwriting a choice made in the receiving library,
 * unless the user takes the incoming actor.
 */
const OTHER = SAMPLE.actors.find((a) => a.id !== ARTEMIO && a.kind === 'person')!.id;
const artemioName = SAMPLE.actors.find((a) => a.id === ARTEMIO)!.name;

const rules = async (db: CasefileDb, actorId: string) =>
  (await nameRulesOf(db, actorId)).map(({ id, ...r }) => ({ id, r })).sort((a, b) => (a.id < b.id ? -1 : 1));

async function importInto(target: CasefileDb, blob: Blob, choices: Record<string, 'mine' | 'theirs' | 'both'> = {}) {
  const client = inProcessClient(target);
  const inspected = await client.inspectBundle(blob);
  if (!inspected.ok) throw new Error(`${inspected.error.code}: ${inspected.error.message}`);
  return client.applyImport(inspected.preview.token, choices);
}

async function sourceWithRules() {
  const { db } = await seededProfile();
  await setNameRule(db, ARTEMIO, artemioName, 'name', 'with-cue');
  await setNameRule(db, ARTEMIO, 'Artemio', 'family', 'never');
  await setFamilyNames(db, OTHER, ['Quispe Palomino']);
  const { blob, counts } = await inProcessClient(db).exportBundle({ kind: 'case', caseId: CASE_ID });
  return { db, blob, counts };
}

describe('name-matching rules in bundles', () => {
  it('travel with their actors into an empty library, under the same keys', async () => {
    const { db: source, blob, counts } = await sourceWithRules();
    expect(counts.nameRules).toBe(3);
    const target = await freshDb();
    await importInto(target, blob);
    expect(await rules(target, ARTEMIO)).toEqual(await rules(source, ARTEMIO));
    expect(await rules(target, OTHER)).toEqual(await rules(source, OTHER));
    // The stored id is the bundle's key, so the mentions worker and the Name matching panel find them.
    for (const { id, r } of await rules(target, ARTEMIO)) expect(id).toBe(nameRuleKey(r as Parameters<typeof nameRuleKey>[0]));
  });

  it('never overwrite a rule the receiving library set, unless the user takes the incoming actor', async () => {
    const { blob } = await sourceWithRules();
    const target = await freshDb();
    await importInto(target, blob);
    // The receiver changes her mind about Artemio's name; the same bundle comes again.
    await setNameRule(target, ARTEMIO, artemioName, 'name', 'anywhere');
    await setNameRule(target, ARTEMIO, 'Artemio', 'family', null);
    const before = await databaseDigest(target);
    await importInto(target, blob);
    const mine = await rules(target, ARTEMIO);
    // Her rule stays; the rule she removed (back to the proposal) comes back as the sender's, as any missing data would.
    expect(mine.map(({ r }) => r)).toEqual([
      { actorId: ARTEMIO, kind: 'rule', name: 'Artemio', source: 'family', rule: 'never' },
      { actorId: ARTEMIO, kind: 'rule', name: artemioName, source: 'name', rule: 'anywhere' },
    ]);
    expect(await databaseDigest(target)).not.toBe(before);
  });

  it('take theirs on the actor: the incoming rules win for the names they cover, the others stay', async () => {
    const { db: source, blob: first } = await sourceWithRules();
    const target = await freshDb();
    await importInto(target, first);
    await setNameRule(target, ARTEMIO, artemioName, 'name', 'anywhere');
    await setNameRule(target, ARTEMIO, 'Camarada Artemio', 'name', 'never');
    await editActor(source, ARTEMIO, (a) => { a.description = 'edited at the source'; });
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    await importInto(target, blob, { [`actor:${ARTEMIO}`]: 'theirs' });
    expect((await rules(target, ARTEMIO)).map(({ r }) => [r.kind === 'rule' ? r.name : '', r.kind === 'rule' ? r.rule : ''])).toEqual([
      ['Artemio', 'never'], ['Camarada Artemio', 'never'], [artemioName, 'with-cue'],
    ]);
  });

  it('keep both: the copy of the actor gets the incoming rules under its own id; the local actor keeps its own', async () => {
    const { db: source, blob: first } = await sourceWithRules();
    const target = await freshDb();
    await importInto(target, first);
    await setNameRule(target, ARTEMIO, artemioName, 'name', 'anywhere');
    await editActor(source, ARTEMIO, (a) => { a.description = 'edited at the source'; });
    const { blob } = await inProcessClient(source).exportBundle({ kind: 'case', caseId: CASE_ID });
    await importInto(target, blob, { [`actor:${ARTEMIO}`]: 'both' });
    const copy = (await target.actors.toArray()).find((a) => a.id !== ARTEMIO && a.description === 'edited at the source')!;
    expect(copy).toBeTruthy();
    expect((await rules(target, copy.id)).map(({ r }) => r.kind === 'rule' && [r.name, r.rule])).toEqual([['Artemio', 'never'], [artemioName, 'with-cue']]);
    expect((await rules(target, ARTEMIO)).find(({ r }) => r.kind === 'rule' && r.source === 'name')?.r).toMatchObject({ rule: 'anywhere' });
  });

  it('a selection carries only the chosen actors\' rules', async () => {
    const { db } = await sourceWithRules();
    const { counts } = await inProcessClient(db).exportBundle({ kind: 'selection', caseId: CASE_ID, actorIds: [OTHER], eventIds: [] });
    expect(counts.nameRules).toBe(1);
  });
});
