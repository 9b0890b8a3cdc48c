// Injected into the real app by scripts/bench.mjs (page.addInitScript) before any app
// code runs. It times in the page: zero is navigation start (performance.timeOrigin) for
// loads and the dispatched event for interactions; "done" is the first DOM state that
// shows the expected result, and the reported time is the end of the frame that paints
// it (requestAnimationFrame, then a task). It reads the UI only through what a user or
// screen reader sees: the "Actor list" listbox, its options, the labelled filters,
// the count text and the profile heading.
import type { Expectation } from './benchPage';

export interface Timing {
  /** Until the frame showing the result was painted. */
  ms: number;
  /** Until the DOM first showed the result. */
  domMs: number;
  /** For filters: until the first rows (right first name, all named) were in the DOM, before the count. */
  rowsMs?: number;
  timeout?: undefined;
}
export interface Timeout {
  ms: null;
  timeout: true;
  state: string;
}
export interface FirstPaint extends Omit<Timing, 'timeout'> {
  timeout?: boolean;
  firstName: string;
  milestones: { listbox: number | null; count: number | null; rows: number | null; fcp: number | null; scriptStart?: number | null; dbOpen?: number | null; marks?: Record<string, number> };
}
export interface Probe {
  firstPaint: Promise<FirstPaint | (Timeout & { milestones: FirstPaint['milestones'] })>;
  /** Time from navigation start until the list shows the full count (every id read). */
  settled(expected: Expectation): Promise<Timing | Timeout>;
  setStatus(status: string, expected: Expectation): Promise<Timing | Timeout>;
  setText(text: string, expected: Expectation): Promise<Timing | Timeout>;
  openProfiles(n: number): Promise<Array<(Timing | Timeout) & { name: string }>>;
  scrollTo(fraction: number): Promise<Timing | Timeout>;
  /** The raw IndexedDB reads a status filter relies on: one readonly transaction, first screen and all ids of the range. */
  rawStatus(status: string): Promise<RawTiming>;
  /** The raw IndexedDB read the text filter relies on: the ids whose name words start with `text`. */
  rawText(text: string): Promise<RawTiming>;
  /**
   * Applies the filters over and over (each status, back to all, the text filter and back)
   * until `untilMs` after navigation start, while the app's background work runs.
   */
  repeatFilters(untilMs: number, expected: { all: Expectation; byStatus: Record<string, Expectation>; text: Expectation; query: string }): Promise<BackgroundSample[]>;
}
/**
 * A raw read's time until its answers are in hand (`ms`: every request's `result` read, as
 * any reader of the ids must), and until its requests' success events only (`answeredMs`:
 * Chromium turns the keys into JavaScript values when `result` is first read, 2–5 ms for
 * 4,000–10,000 ids at load 7; the reference measured this until session 8).
 */
export interface RawTiming {
  ms: number;
  answeredMs: number;
}
export interface BackgroundSample {
  what: string;
  /** When the interaction started, ms after navigation start. */
  at: number;
  ms: number | null;
  /** Diagnosis (`--trace`): the window's IndexedDB requests and the long tasks during it. */
  trace?: { requests: TracedRequest[]; longTasks: Array<{ at: number; ms: number }> };
}
/** One IndexedDB request the window issued, from its issue to its success or error event. */
export interface TracedRequest {
  op: string;
  at: number;
  ms: number | null;
}

declare global {
  interface Window {
    __probe: Probe;
  }
}

const TIMEOUT_MS = 30_000;
const LIST = '[role="listbox"][aria-label="Actor list"]';
const PLACEHOLDER = '…';

const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
const listbox = () => document.querySelector<HTMLElement>(LIST);
const options = () => [...(listbox()?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
/** The row's primary name: its first line (the second holds kind, status and other names). */
const rowName = (option: Element) => (option.firstElementChild?.textContent ?? option.textContent ?? '').trim();

function countShown(): number | null {
  const text = listbox()?.closest('section')?.querySelector('[aria-live]')?.textContent ?? '';
  return /\d/.test(text) ? Number(text.replace(/\D/g, '')) : null;
}

/** Rendered rows all carry names (the virtualiser renders the visible rows plus a little overscan). */
function rowsFilled(): boolean {
  const rows = options();
  return rows.length > 0 && rows.every((r) => rowName(r) !== '' && rowName(r) !== PLACEHOLDER);
}

function describe(): string {
  const rows = options();
  return JSON.stringify({ count: countShown(), rows: rows.length, first: rows[0] ? rowName(rows[0]) : null, h1: document.querySelector('article h1')?.textContent ?? null });
}

/** Resolves when `done()` holds after `act()`, checking on every DOM mutation. */
function measure(act: () => void, done: () => boolean, origin?: number, early?: () => boolean): Promise<Timing | Timeout> {
  return new Promise((resolve) => {
    let settled = false;
    let t0 = 0;
    let rowsAt: number | undefined;
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      resolve({ ms: null, timeout: true, state: describe() });
    }, TIMEOUT_MS);
    function check() {
      if (!settled && early && rowsAt === undefined && early()) rowsAt = performance.now();
      if (settled || !done()) return;
      settled = true;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      void afterPaint().then((painted) => resolve({ ms: painted - t0, domMs: dom - t0, ...(rowsAt !== undefined ? { rowsMs: rowsAt - t0 } : {}) }));
    }
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'aria-busy'] });
    t0 = origin ?? performance.now();
    act();
    check();
  });
}

function labelledControl<T extends HTMLElement>(labelText: string): T {
  const section = listbox()?.closest('section');
  const label = [...(section?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === labelText);
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (!control) throw new Error(`no control labelled "${labelText}" in the actor list`);
  return control as T;
}

/** Sets a value the way a user's input does, so React's change tracking sees it. */
function setValue(control: HTMLInputElement | HTMLSelectElement, value: string, eventType: 'change' | 'input') {
  const proto = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(control, value);
  control.dispatchEvent(new Event(eventType, { bubbles: true }));
}

const rowsShow = (expected: Expectation) => () => expected.count === 0 || (rowsFilled() && rowName(options()[0]!) === expected.firstName);
const listShows = (expected: Expectation) => () => countShown() === expected.count && rowsShow(expected)();

function firstPaint(): Probe['firstPaint'] {
  const milestones: FirstPaint['milestones'] = { listbox: null, count: null, rows: null, fcp: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') milestones.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const done = () => {
    const now = performance.now();
    if (milestones.listbox === null && listbox()) milestones.listbox = now;
    if (milestones.count === null && countShown() !== null) milestones.count = now;
    if (milestones.rows === null && options().length > 0) milestones.rows = now;
    return rowsFilled();
  };
  // Zero is navigation start: performance.now() already counts from performance.timeOrigin.
  return measure(() => {}, done, 0).then(async (r) => {
    // The paint entry is queued after the frame is presented: give it a moment (the time measured is already taken).
    for (let i = 0; i < 20 && milestones.fcp === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      milestones.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    }
    const first = options()[0];
    // The app's own start-up marks (renderer/main.tsx): script evaluated, database open.
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    milestones.scriptStart = mark('casefile:script-start');
    milestones.dbOpen = mark('casefile:db-open');
    // Every other start-up mark the app sets, for the breakdown.
    milestones.marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('casefile:')).map((m) => [m.name.slice(9), Math.round(m.startTime * 10) / 10]));
    return r.timeout ? { ...r, milestones } : { ...r, firstName: first ? rowName(first) : '', milestones };
  });
}

function settled(expected: Expectation): Promise<Timing | Timeout> {
  // The count may come (natively) before the full id list: the listbox is aria-busy until then.
  return measure(() => {}, () => countShown() === expected.count && listbox()?.getAttribute('aria-busy') !== 'true', 0);
}

async function openProfiles(n: number) {
  const results: Array<(Timing | Timeout) & { name: string }> = [];
  let previous = document.querySelector('article h1')?.textContent ?? '';
  for (const row of options().filter((r) => rowName(r) !== PLACEHOLDER)) {
    if (results.length >= n) break;
    const name = rowName(row);
    if (name === previous) continue; // the heading would already match
    const heading = () => document.querySelector('article h1')?.textContent === name;
    results.push({ name, ...(await measure(() => row.click(), heading)) });
    previous = name;
    await afterPaint();
  }
  return results;
}

/** Jumps the list to a point and waits until the rows in view are named and cover the view. */
function scrollTo(fraction: number) {
  const box = listbox()!;
  const target = Math.round((box.scrollHeight - box.clientHeight) * fraction);
  const filledInView = () => {
    const view = box.getBoundingClientRect();
    const visible = options().map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom > view.top && rect.top < view.bottom)
      .sort((a, b) => a.rect.top - b.rect.top);
    if (visible.length === 0 || Math.abs(box.scrollTop - target) > 1) return false;
    const covers = visible[0]!.rect.top <= view.top + 1 && visible.at(-1)!.rect.bottom >= view.bottom - 1;
    return covers && visible.every(({ el }) => rowName(el) !== PLACEHOLDER && rowName(el) !== '');
  };
  return measure(() => { box.scrollTop = target; }, filledInView);
}

// ---- raw IndexedDB references, on a connection of the probe's own (no version: never upgrades)
let raw: Promise<IDBDatabase> | undefined;
const rawDb = () => (raw ??= new Promise((resolve, reject) => {
  const req = indexedDB.open('casefile');
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
}));
const done = (req: IDBRequest) => new Promise<void>((resolve, reject) => { req.onsuccess = () => resolve(); req.onerror = () => reject(req.error); });

/** Times requests made by `issue` until they have all answered, then until their results are read. */
async function timeRaw(issue: (db: IDBDatabase) => IDBRequest[]): Promise<RawTiming> {
  const db = await rawDb();
  const t0 = performance.now();
  const requests = issue(db);
  await Promise.all(requests.map(done));
  const answeredMs = performance.now() - t0;
  for (const request of requests) void (request.result as unknown[]).length;
  return { ms: performance.now() - t0, answeredMs };
}

function rawStatus(status: string): Promise<RawTiming> {
  return timeRaw((db) => {
    const index = db.transaction('actors', 'readonly').objectStore('actors').index('[status+sortName]');
    const range = IDBKeyRange.bound([status], [status, []]);
    return [index.getAll(range, 40), index.getAllKeys(range)];
  });
}

function rawText(text: string): Promise<RawTiming> {
  return timeRaw((db) => [db.transaction('actors', 'readonly').objectStore('actors').index('nameWords').getAllKeys(IDBKeyRange.bound(text, `${text}\uffff`))]);
}

const setStatus = (status: string, expected: Expectation) =>
  measure(() => setValue(labelledControl<HTMLSelectElement>('Current status'), status, 'change'), listShows(expected), undefined, rowsShow(expected));
const setText = (text: string, expected: Expectation) =>
  measure(() => setValue(labelledControl<HTMLInputElement>('Filter by name or alias'), text, 'input'), listShows(expected), undefined, rowsShow(expected));

// ---- diagnosis (`--trace`): the window's IndexedDB requests and long tasks, kept for the slow interactions
const traced: TracedRequest[] = [];
const longTasks: Array<{ at: number; ms: number }> = [];
function startTrace(): void {
  const wrap = (proto: object, name: string, label: (self: IDBObjectStore | IDBIndex) => string) => {
    const original = (proto as Record<string, (...args: unknown[]) => IDBRequest>)[name];
    if (!original) return;
    (proto as Record<string, unknown>)[name] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
      const request = original.apply(this, args);
      const entry: TracedRequest = { op: `${name} ${label(this)}`, at: performance.now(), ms: null };
      traced.push(entry);
      const end = () => { if (entry.ms === null) entry.ms = performance.now() - entry.at; };
      request.addEventListener('success', end);
      request.addEventListener('error', end);
      return request;
    };
  };
  for (const name of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete']) {
    wrap(IDBObjectStore.prototype, name, (s) => (s as IDBObjectStore).name);
    wrap(IDBIndex.prototype, name, (s) => `${(s as IDBIndex).objectStore.name}.${(s as IDBIndex).name}`);
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}
if ((window as unknown as { __probeTrace?: boolean }).__probeTrace) startTrace();
const traceOf = (from: number, to: number): NonNullable<BackgroundSample['trace']> => ({
  requests: traced.filter((r) => r.at < to && r.at + (r.ms ?? Infinity) > from).map((r) => ({ ...r, at: Math.round(r.at), ms: r.ms === null ? null : Math.round(r.ms) })),
  longTasks: longTasks.filter((t) => t.at < to && t.at + t.ms > from).map((t) => ({ at: Math.round(t.at), ms: Math.round(t.ms) })),
});

const repeatFilters: Probe['repeatFilters'] = async (untilMs, expected) => {
  const samples: BackgroundSample[] = [];
  const steps: Array<[string, () => Promise<Timing | Timeout>]> = [
    ...Object.entries(expected.byStatus).flatMap(([status, exp]): Array<[string, () => Promise<Timing | Timeout>]> => [
      [`status ${status}`, () => setStatus(status, exp)], ['status cleared', () => setStatus('', expected.all)]]),
    [`text "${expected.query}"`, () => setText(expected.query, expected.text)], ['text cleared', () => setText('', expected.all)],
  ];
  for (let i = 0; performance.now() < untilMs; i = (i + 1) % steps.length) {
    const [what, run] = steps[i]!;
    const at = performance.now();
    const { ms } = await run();
    const slow = (ms ?? Infinity) > 150 && (window as unknown as { __probeTrace?: boolean }).__probeTrace;
    samples.push({ what, at, ms, ...(slow ? { trace: traceOf(at, at + (ms ?? 0)) } : {}) });
    await afterPaint();
  }
  return samples;
};

window.__probe = {
  firstPaint: firstPaint(),
  settled,
  setStatus,
  setText,
  rawStatus,
  rawText,
  repeatFilters,
  openProfiles,
  scrollTo,
};
