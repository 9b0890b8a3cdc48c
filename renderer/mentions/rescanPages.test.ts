// A with-cue name of one word ("José", "Gonzalo") is on many pages and found on few. Its edits
// re-scan only the pages where the word stands in a cue's place or beside another name of the
// actor, and must still end exactly where a build from nothing would.
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseLabelledPages } from '../../shared/mentions/labelled.testkit';
import type { MentionActor } from '../../shared/mentions';
import { tokenize } from '../../shared/mentions';
import type { Actor, ActorKind, NameType } from '../../shared/model';
import { blankActor, newId } from '../../shared/model';
import { getActor, saveActor } from '../db/actors';
import { openDatabase } from '../db/db';
import type { CasefileDb } from '../db/db';
import { setNameRule } from '../db/mentions';
import { MentionsEngine } from './engine';
import { addPdf } from './library.testkit';

const fixture = (name: string): string => readFileSync(new URL(`../../tests/fixtures/mentions/${name}`, import.meta.url), 'utf8');
const pages = parseLabelledPages(fixture('pages.txt')).map((p) => p.text);
const actors = JSON.parse(fixture('actors.json')) as MentionActor[];


const toActor = (a: MentionActor): Actor => ({
  ...blankActor(a.kind as ActorKind, 1_000), name: a.name,
  names: a.names.map((n) => ({ id: newId(), name: n.name, type: n.type as NameType, note: '', citations: [] })),
});

const allRows = async (db: CasefileDb) => JSON.stringify(await db.pageMentions.toArray());

async function rebuilt(db: CasefileDb): Promise<string> {
  const fresh = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
  for (const table of ['actors', 'documents', 'pages', 'nameRules'] as const) await fresh.table(table).bulkPut(await db.table(table).toArray());
  const engine = new MentionsEngine(fresh, { chunkPages: 7 });
  await engine.load();
  await engine.sync();
  return allRows(fresh);
}

/** Pages (over all documents) holding the word, as the matcher folds it. */
const pagesWith = (word: string, copies: number) => copies * pages.filter((p) => tokenize(p).words.includes(word)).length;

describe('re-scans after a with-cue name edit', () => {
  it('look only where a cue or another name of the actor could make the word a name, and end as a full build', async () => {
    const db = await openDatabase('casefile', { indexedDB: new IDBFactory(), IDBKeyRange });
    const ids = new Map<string, string>();
    for (const a of actors) {
      const actor = toActor(a);
      ids.set(a.id, actor.id);
      await saveActor(db, actor, 1_000);
    }
    // The labelled pages twice over, in different orders, plus plain pages naming the words uncued.
    const plain = Array.from({ length: 40 }, (_, i) => (i % 10 === 3
      // A word-name ("Tigre") capitalised inside a sentence is a name uncued; at a sentence start it is not.
      ? `Informe ${i}: la gente de la zona dice que Tigre pasó por aquí. Tigre de papel, dijo otro.`
      : `Informe ${i}: José llegó al puerto y habló con Gonzalo sobre la cosecha de Pedro. Tigre es un animal.`));
    await addPdf(db, pages);
    await addPdf(db, [...pages].reverse());
    await addPdf(db, plain);
    const engine = new MentionsEngine(db, { chunkPages: 9 });
    await engine.load();
    await engine.sync();

    const rescanned: [string, number, number][] = [];
    const edit = async (actorKey: string, change: (a: Actor) => Actor, word: string, at: number) => {
      const actor = (await getActor(db, ids.get(actorKey)!))!;
      await saveActor(db, change(actor), at);
      const report = await engine.sync();
      rescanned.push([word, report.pagesRescanned, pagesWith(word, 2) + plain.filter((p) => tokenize(p).words.includes(word)).length]);
      expect(await allRows(db), `after the edit bringing "${word}"`).toBe(await rebuilt(db));
    };
    const alias = (name: string) => (a: Actor): Actor => ({ ...a, names: [...a.names, { id: newId(), name, type: 'alias', note: '', citations: [] }] });

    // Common first names as aliases: with-cue by default.
    await edit('artemio', alias('José'), 'jose', 3_000);
    await edit('yaranga', alias('Pedro'), 'pedro', 4_000);
    await edit('iparraguirre', alias('Gonzalo'), 'gonzalo', 5_000);
    // A common-word alias: found where capitalised inside a sentence, not where a sentence starts with it.
    await edit('fujimori', alias('Tigre'), 'tigre', 5_500);
    expect((await engine.db.pageMentions.toArray()).some((r) => r.actors.some((a) => a.hits.some((h) => h.text === 'Tigre')))).toBe(true);
    // A name removed: the pages it was found on go back to what a build gives.
    await edit('guzman', (a) => ({ ...a, names: a.names.filter((n) => n.name !== 'Gonzalo') }), 'gonzalo', 6_000);
    // A rule changed by the user: "anywhere" re-scans the pages where "José" stands alone with a
    // capital (not "José Pérez"), and back again.
    await setNameRule(db, ids.get('artemio')!, 'José', 'name', 'anywhere');
    const anywhere = await engine.sync();
    expect(anywhere.pagesRescanned).toBeGreaterThan(0);
    expect(await allRows(db)).toBe(await rebuilt(db));
    await setNameRule(db, ids.get('artemio')!, 'José', 'name', null);
    await engine.sync();
    expect(await allRows(db)).toBe(await rebuilt(db));

    // Every with-cue edit looked at fewer pages than hold the word: the 40 plain pages name it uncued.
    for (const [word, pagesRescanned, holding] of rescanned) expect(pagesRescanned, word).toBeLessThan(holding);
    expect(rescanned.every(([, n]) => n > 0)).toBe(true);

    // A one-word alias matched anywhere, which many pages gain: one recorded name added (or
    // taken off), so pages are spliced where that is exact (splice.ts), and the rows still end
    // as a full build's.
    for (const [change, at] of [[alias('Ayacucho'), 7_000], [(a: Actor): Actor => ({ ...a, names: a.names.filter((n) => n.name !== 'Ayacucho') }), 8_000]] as const) {
      await saveActor(db, change((await getActor(db, ids.get('artemio')!))!), at);
      const report = await engine.sync();
      expect(report.timings.pagesSpliced).toBeGreaterThan(0);
      expect(await allRows(db)).toBe(await rebuilt(db));
    }
  });
});
