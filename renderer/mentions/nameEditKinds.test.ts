// Every kind of name edit must end where a build from nothing ends, whichever way the engine
// takes it (spliced from a window of the page, matched in full, taken off from the stored
// rows), with the rows written directly or as pending rows folded in afterwards.
import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/model';
import { getActor, saveActor } from '../db/actors';
import type { CasefileDb } from '../db/db';
import { mentionsOfActor, setFamilyNames, setNameRule } from '../db/mentions';
import { MentionsEngine } from './engine';
import { addPdf, freshDb, person, rebuiltRows } from './library.testkit';

const FILLER = 'Los vecinos hablaron de la cosecha y del río durante toda la tarde sin novedad alguna. ';

const PAGES = [
  'El camarada Artemio habló con Víctor Quispe Palomino en Pichari.',
  'Los hermanos Víctor y Jorge Quispe Palomino, alias José y Raúl, controlan el VRAEM desde Pichari.',
  'Nadie nombra aquí a nadie. Solo el río Ene, Pichari y la selva.',
  'Según la fiscalía, Artemio y el Cholo se reunieron en Tingo María con Quispe.',
  'En Pichari, «Raúl» dio la orden; el Cholo la cumplió. El Comandante Huamalíes no vino.',
  `Huamalíes queda lejos. ${FILLER.repeat(3)}El mando alias Camarón cruzó el río. Camarón volvió solo.`,
  'La reunión de Sendero\nLuminoso fue en la casa de Florindo Eleuterio\nFlores, en Pichari. Flores calló.',
  `Camarón y Florindo hablaron; ${FILLER.repeat(2)}Flores dijo que Camarón mentía. Según Huamán, Camarón huyó.`,
  'Informe de campo sin nombres.',
  `${FILLER.repeat(4)}El camarada Quispe llegó tarde; los Quispe Palomino no. Lo vio Eleuterio\nFlores. Camarón Huamán no es el Cholo.`,
];

/** Every page's rows, in key order, as comparable JSON. */
const allRows = async (db: CasefileDb) => JSON.stringify(await db.pageMentions.toArray());

const rebuilt = (db: CasefileDb): Promise<string> => rebuiltRows(db);

type Mode = 'direct' | 'pending';

async function library(mode: Mode) {
  const db = await freshDb();
  const artemio = person('Florindo Eleuterio Flores', ['Artemio']);
  const victor = person('Víctor Quispe Palomino', ['José']);
  const jorge = person('Jorge Quispe Palomino', ['Raúl']);
  const teodoro = person('Teodoro Huamán', ['El Cholo']);
  const pedro = person('Pedro Rojas', ['Comandante Huamalíes']);
  for (const a of [artemio, victor, jorge, teodoro, pedro]) await saveActor(db, a, 1_000);
  // Pages in runs (read by key ranges) and scattered among pages naming no one (read one by one).
  await addPdf(db, PAGES);
  await addPdf(db, [...PAGES].reverse());
  await addPdf(db, PAGES.flatMap((p, i) => (i % 3 === 0 ? [p, PAGES[8]!, PAGES[8]!, PAGES[8]!, PAGES[8]!] : [PAGES[8]!])));
  const engine = new MentionsEngine(db, mode === 'pending' ? { chunkPages: 2, pendingMinPages: 0 } : { chunkPages: 3 });
  await engine.load();
  await engine.sync();
  let now = 2_000;
  const rename = async (id: string, names: (current: string[]) => string[], primary?: string) => {
    const saved = (await getActor(db, id))!;
    const next = names(saved.names.map((n) => n.name));
    await saveActor(db, { ...saved, ...(primary ? { name: primary } : {}),
      names: next.map((name) => saved.names.find((n) => n.name === name) ?? { id: newId(), name, type: 'alias' as const, note: '', citations: [] }) }, (now += 1_000));
  };
  /** Adds one name to an actor; the undo takes it off again. */
  const addName = async (actorId: string, name: string) => {
    await rename(actorId, (n) => [...n, name]);
    return { actorId, undo: () => rename(actorId, (n) => n.filter((x) => x !== name)) };
  };
  /** Syncs, folds what is pending, and says whether the rows are a build from nothing's. */
  const settled = async (): Promise<string> => {
    await engine.sync();
    if (mode === 'pending') await engine.fold();
    return allRows(db);
  };
  return { db, engine, artemio, victor, jorge, teodoro, pedro, rename, addName, settled };
}

type Library = Awaited<ReturnType<typeof library>>;

/** The edits, each added then taken off again; the actor it names must be found (or not) as said. */
const EDITS: { what: string; edit: (l: Library) => Promise<{ actorId: string; undo: () => Promise<void> }>; found: string }[] = [
  {
    what: 'a name matched only with a cue', found: 'Camarón',
    edit: async ({ db, teodoro, addName }) => {
      await setNameRule(db, teodoro.id, 'Camarón', 'name', 'with-cue');
      return addName(teodoro.id, 'Camarón');
    },
  },
  {
    what: 'a name matched anywhere', found: 'Camarón',
    edit: ({ teodoro, addName }) => addName(teodoro.id, 'Camarón'),
  },
  {
    what: 'a name another actor has (ambiguous)', found: 'Artemio',
    edit: ({ jorge, addName }) => addName(jorge.id, 'Artemio'),
  },
  {
    what: 'a family name (corrected by the user)', found: 'Camarón Huamán',
    edit: async ({ db, teodoro }) => {
      await setFamilyNames(db, teodoro.id, ['Camarón Huamán', 'Camarón']);
      return { actorId: teodoro.id, undo: () => setFamilyNames(db, teodoro.id, null) };
    },
  },
  {
    what: 'a primary name whose family name is new', found: 'Camarón',
    edit: async ({ teodoro, rename }) => {
      await rename(teodoro.id, (n) => n, 'Teodoro Camarón');
      return { actorId: teodoro.id, undo: () => rename(teodoro.id, (n) => n, 'Teodoro Huamán') };
    },
  },
  {
    what: 'a name of several words across a line break', found: 'Sendero\nLuminoso',
    edit: ({ pedro, addName }) => addName(pedro.id, 'Sendero Luminoso'),
  },
  {
    what: 'a name whose word is in another actor\'s name', found: 'Huamalíes',
    edit: ({ artemio, addName }) => addName(artemio.id, 'Huamalíes'),
  },
  {
    what: 'a name whose words are in the actor\'s own names', found: 'Eleuterio\nFlores',
    edit: ({ artemio, addName }) => addName(artemio.id, 'Eleuterio Flores'),
  },
  {
    what: 'a name that is a word of two actors\' family name', found: 'Quispe',
    edit: ({ victor, addName }) => addName(victor.id, 'Quispe'),
  },
];

describe('name edits of every kind', () => {
  for (const mode of ['direct', 'pending'] as const) {
    for (const { what, edit, found } of EDITS) {
      it(`${what}, added and taken off (${mode}), end where a build from nothing ends`, async () => {
        const l = await library(mode);
        const { actorId } = await edit(l);
        const added = await l.settled();
        expect((await mentionsOfActor(l.db, actorId)).flatMap((r) => r.hits.map((h) => h.text))).toContain(found);
        expect(added).toBe(await rebuilt(l.db));
        // The rebuild left its own engine's rows: a new session of the test's engine goes on from them.
        const next = await library(mode);
        const again = await edit(next);
        await next.settled();
        await again.undo();
        const removed = await next.settled();
        expect((await mentionsOfActor(next.db, again.actorId)).flatMap((r) => r.hits.map((h) => h.text))).not.toContain(found);
        expect(removed).toBe(await rebuilt(next.db));
      });
    }
  }
});
