// Probe (session 14, issue #11): what an edit's page rows cost IndexedDB written as a few large
// "pending" rows instead of one put (or delete) per page, in real Chromium, in a worker with the
// mentions worker's relaxed durability. Raw IndexedDB, a scratch database of its own:
//   pageMentions  [documentId+page], multi-entry actorIds (as the app's), prefilled with 50,000 rows
//   pendingMentions  id
// Each round, alternating: the stress edit's 3,590 rows put in chunks of 100 (a transaction each,
// one after another: the bench's floor), then the same rows as pending rows of 200 / 500 pages;
// the same for taking them off (3,590 deletes against pending rows listing the keys), the cost of
// a reader reading all pending rows back, and the fold (the puts plus deleting the pending rows).
//   flock /work/.bench.lock node scripts/probe-pending-mentions.mjs [--rounds 3]
import './pinnedNode.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, log, serveFolders } from './bench-common.mjs';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, pages: { type: 'string', default: '3590' } } });
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const WORKER = String.raw`
const now = () => performance.now();
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
let seed = 7; const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const actor = (i) => 'actor-' + String(i).padStart(5, '0') + '-7c1e-4f0b-9d2a';
const doc = (i) => 'doc-' + String(i).padStart(6, '0') + '-aa11-4bb2-8cc3-dd44ee55ff66';
const words = 'la comisión de la verdad recibió testimonios sobre los hechos ocurridos en el valle durante la década'.split(' ');
const snippet = () => Array.from({ length: 22 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
const part = (actorId) => ({ actorId, count: 1 + Math.floor(rnd() * 3), ambiguous: 0,
  hits: [{ start: 100, end: 110, text: 'Bellavista', name: 'Bellavista', others: [] }],
  snippet: { text: snippet(), start: 40, end: 50 } });
const row = (d, p, actorIds) => ({ documentId: doc(d), page: p, actorIds, actors: actorIds.map(part) });
async function open() {
  await req(indexedDB.deleteDatabase('probe'));
  const o = indexedDB.open('probe', 1);
  o.onupgradeneeded = () => {
    const s = o.result.createObjectStore('pageMentions', { keyPath: ['documentId', 'page'] });
    s.createIndex('actorIds', 'actorIds', { multiEntry: true });
    o.result.createObjectStore('pendingMentions', { keyPath: 'id' });
  };
  return req(o);
}
const A = actor(99999);
self.onmessage = async ({ data }) => {
  const db = await open();
  const tx = (stores) => db.transaction(stores, 'readwrite', { durability: 'relaxed' });
  // 50,000 background rows on documents 0..3332 (30 pages each; a page in two has a row).
  let t = tx(['pageMentions']);
  const existing = [];
  for (let d = 0; d < 3333; d++) for (let p = 1; p <= 30; p += 2) {
    const ids = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => actor(Math.floor(rnd() * 10000)));
    const r = row(d, p, [...new Set(ids)]);
    t.objectStore('pageMentions').put(r);
    if (existing.length < 50000) existing.push(r);
  }
  await done(t);
  // The stress edit's rows: 5 % pages that had a row (A added), the rest new pages (A alone).
  const rows = [];
  for (let i = 0; i < data.pages; i++) {
    const d = Math.floor(rnd() * 3333);
    if (rnd() < 0.05) { const e = existing[Math.floor(rnd() * existing.length)]; rows.push({ ...e, actorIds: [...e.actorIds, A], actors: [...e.actors, part(A)] }); }
    else rows.push(row(d, 2 + 2 * Math.floor(rnd() * 15), [A]));
  }
  const uniq = new Map(rows.map((r) => [r.documentId + ':' + r.page, r]));
  const stress = [...uniq.values()];
  const keys = stress.map((r) => [r.documentId, r.page]);
  const out = { rows: stress.length, bytes: JSON.stringify(stress).length, rounds: [] };
  const perPage = async (op, chunk) => {
    const t0 = now(); let issued = 0;
    for (let i = 0; i < stress.length; i += chunk) {
      const t = tx(['pageMentions']); const s = t.objectStore('pageMentions'); const a = now();
      for (let j = i; j < Math.min(stress.length, i + chunk); j++) op === 'put' ? s.put(stress[j]) : s.delete(keys[j]);
      issued += now() - a;
      await done(t);
    }
    return { ms: now() - t0, issuedMs: issued };
  };
  let seq = 0;
  const pending = async (op, size, oneTx) => {
    const t0 = now(); let issued = 0; const ids = [];
    const rowsOf = (i) => {
      const slice = stress.slice(i, i + size);
      const id = ++seq; ids.push(id);
      return op === 'put'
        ? { id, pages: slice, added: { [A]: slice.map((r) => [r.documentId, r.page]) }, removed: {} }
        : { id, pages: [], deleted: slice.map((r) => [r.documentId, r.page]), added: {}, removed: { [A]: slice.map((r) => [r.documentId, r.page]) } };
    };
    if (oneTx) {
      const t = tx(['pendingMentions']); const s = t.objectStore('pendingMentions'); const a = now();
      for (let i = 0; i < stress.length; i += size) s.put(rowsOf(i));
      issued += now() - a; await done(t);
    } else for (let i = 0; i < stress.length; i += size) {
      const t = tx(['pendingMentions']); const a = now(); t.objectStore('pendingMentions').put(rowsOf(i)); issued += now() - a; await done(t);
    }
    return { ms: now() - t0, issuedMs: issued, ids };
  };
  const readAll = async () => { const t0 = now(); const t = db.transaction(['pendingMentions'], 'readonly'); const all = await req(t.objectStore('pendingMentions').getAll()); return { ms: now() - t0, n: all.length }; };
  const readIndex = async () => { const t0 = now(); const t = db.transaction(['pageMentions'], 'readonly'); const k = await req(t.objectStore('pageMentions').index('actorIds').getAllKeys(A)); return { ms: now() - t0, n: k.length }; };
  const clearPending = async (ids) => { const t0 = now(); const t = tx(['pendingMentions']); for (const id of ids) t.objectStore('pendingMentions').delete(id); await done(t); return now() - t0; };
  // The fold: per pending row, its pages put and the row deleted in one transaction.
  const fold = async (size, op) => {
    const t0 = now();
    for (let i = 0; i < stress.length; i += size) {
      const t = tx(['pageMentions', 'pendingMentions']); const s = t.objectStore('pageMentions');
      for (let j = i; j < Math.min(stress.length, i + size); j++) op === 'put' ? s.put(stress[j]) : s.delete(keys[j]);
      t.objectStore('pendingMentions').delete(-1); await done(t);
    }
    return now() - t0;
  };
  for (let r = 0; r < data.rounds; r++) {
    const round = {};
    round.put100 = await perPage('put', 100);
    round.delete100 = await perPage('delete', 100);
    for (const size of [200, 500]) {
      const p = await pending('put', size, false);
      round['pendingPut' + size] = p;
      round['pendingReadAll' + size] = await readAll();
      round['pendingClear' + size] = await clearPending(p.ids);
      const q = await pending('put', size, true);
      round['pendingPutOneTx' + size] = q;
      await clearPending(q.ids);
    }
    round.fold500put = await fold(500, 'put');
    round.indexKeysOfA = await readIndex();
    for (const size of [200, 500]) {
      const p = await pending('delete', size, false);
      round['pendingDel' + size] = p;
      await clearPending(p.ids);
    }
    round.fold500delete = await fold(500, 'delete');
    out.rounds.push(round);
  }
  db.close();
  self.postMessage(out);
};
`;

const HTML = '<!doctype html><meta charset="utf-8"><title>probe</title><script src="/probe/page.js"></script>';
const PAGE = `window.probe = (o) => new Promise((res, rej) => { const w = new Worker('/probe/worker.js'); w.onmessage = (e) => { res(e.data); w.terminate(); }; w.onerror = (e) => rej(new Error(e.message)); w.postMessage(o); });`;

const { server, origin } = await serveFolders([], new Map([['/probe/index.html', HTML], ['/probe/page.js', PAGE], ['/probe/worker.js', WORKER]]));
const userDataDir = await mkdtemp(join(tmpdir(), 'casefile-probe-pending-'));
const context = await launch(userDataDir);
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(e));
  await page.goto(`${origin}/probe/index.html`);
  log(`probe: ${opts.pages} pages, ${opts.rounds} rounds; load ${load()}`);
  const out = await page.evaluate((o) => window.probe(o), { pages: Number(opts.pages), rounds: Number(opts.rounds) });
  log(`rows ${out.rows}, ${(out.bytes / 1e6).toFixed(2)} MB as JSON; load ${load()}`);
  const f = (x) => (typeof x === 'number' ? Math.round(x) : x.ms != null ? `${Math.round(x.ms)}${x.issuedMs != null ? ` (issued ${Math.round(x.issuedMs)})` : ''}${x.n != null ? ` n=${x.n}` : ''}` : JSON.stringify(x));
  for (const [i, r] of out.rounds.entries()) log(`round ${i + 1}: ${Object.entries(r).map(([k, v]) => `${k} ${f(v)}`).join('; ')}`);
  log(`done; load ${load()}`);
} finally {
  await context.close().catch(() => {});
  server.close();
  await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
}
