// What the benchmark suites share (scripts/bench.mjs runs them): serving the built app and
// bench pages from memory on one origin, launching Chromium, statistics and output.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { resolveConfig } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const started = Date.now();
export const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${msg}`);
export const elapsedS = () => round((Date.now() - started) / 1000);

// ---------------------------------------------------------------- serving
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.pdf': 'application/pdf' };

/** Reads a built folder into memory, so another engineer's rebuild of dist/ mid-run cannot change what is served. */
async function snapshot(dir, prefix, files, mustHave) {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    files.set(`${prefix}/${relative(dir, full).split('\\').join('/')}`, await readFile(full));
  }
  if (!files.has(`${prefix}/${mustHave}`)) throw new Error(`${dir}/${mustHave} missing: build first`);
}

/**
 * Serves built folders from memory, each `[dir under the repo, URL prefix, a file it must hold]`,
 * plus `extra` (path → bytes), with the app's CSP, on a free port of 127.0.0.1.
 */
/** `port` 0 picks a free one; a fixed port keeps the origin (and so a kept profile's IndexedDB) between runs. */
export async function serveFolders(folders, extra = new Map(), port = 0) {
  const files = new Map();
  for (const [dir, prefix, mustHave] of folders) await snapshot(join(ROOT, dir), prefix, files, mustHave);
  for (const [path, body] of extra) files.set(path, body);
  // The same CSP header as `vite preview` of the app, read from its config so it cannot drift.
  const appConfig = await resolveConfig({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'silent' }, 'serve', 'production');
  const headers = { ...appConfig.preview.headers, 'Cache-Control': 'no-store' };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const body = files.get(path);
    if (!body) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** The app (dist/bench-app) at / and dist/bench at /bench/, plus `extra`. */
export const startServer = (extra = new Map()) => serveFolders([['dist/bench-app', '', 'index.html'], ['dist/bench', '/bench', 'index.html']], extra);

// ---------------------------------------------------------------- memory
/** The browser launched with `userDataDir` and its child processes (renderers, GPU, utilities), from /proc: [{ pid, cmd }]. */
export async function browserProcesses(userDataDir) {
  const stats = [];
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      stats.push({ pid: Number(pid), ppid });
    } catch { /* exited */ }
  }
  let browser = null;
  for (const { pid } of stats) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes(`--user-data-dir=${userDataDir}`) && !cmd.includes('--type=')) { browser = pid; break; }
  }
  if (browser === null) return [];
  const tree = new Set([browser]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { pid, ppid } of stats) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
  }
  return Promise.all([...tree].map(async (pid) => ({ pid, cmd: await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '') })));
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc; `children` for its reaped children instead. */
export async function cpuSeconds(pid, { children = false } = {}) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14–17 of stat (utime, stime, cutime, cstime) are 11–14 after the command; clock ticks of 1/100 s.
  const [u, s] = children ? [fields[13], fields[14]] : [fields[11], fields[12]];
  return (Number(u) + Number(s)) / 100;
}

/**
 * CPU seconds per thread name of a process so far, from /proc: `comm` (e.g. DedicatedWorker,
 * ThreadPoolForeg), except the main thread (the one whose id is the process's), named 'main'.
 */
export async function threadCpuSeconds(pid) {
  const byName = {};
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byName[name] = (byName[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return byName;
}

/** RSS of the browser and its child processes (renderers, GPU, utilities), from /proc. */
export async function processMemory(userDataDir) {
  const processes = await browserProcesses(userDataDir);
  if (processes.length === 0) return null;
  let totalKb = 0;
  let rendererKb = 0;
  for (const { pid, cmd } of processes) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    totalKb += kb;
    if (cmd.includes('--type=renderer')) rendererKb = Math.max(rendererKb, kb);
  }
  return { totalMB: totalKb / 1024, rendererMB: rendererKb / 1024, processes: processes.length };
}

// ---------------------------------------------------------------- browser
export async function launch(userDataDir, extraArgs = []) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], viewport: { width: 1280, height: 800 }, locale: 'en-US',
  });
}

export function watchErrors(page, sink) {
  page.on('pageerror', (e) => sink.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') sink.push(`console: ${m.text()}`); });
}

export function chromiumCliVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- statistics and output
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null; };
export const max = (xs) => (xs.length ? Math.max(...xs) : null);
export const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
export const ms = (x) => (x == null ? 'timeout' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** Rows of [figure, result, target, verdict] as an aligned text table. */
export function formatTable(rows) {
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['Figure', 'Result', 'Target'][i].length));
  const line = (r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  return [line(['Figure', 'Result', 'Target', '']), line(w.map((n) => '-'.repeat(n)).concat('----')), ...rows.map(line)].join('\n');
}

export async function writeResults(name, results) {
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(join(ROOT, 'bench-results', name), `${JSON.stringify(results, null, 2)}\n`);
}

/** Saves a CPU profile under bench-results/ and sums self time per function for a quick look. */
export async function saveProfile(profile, name, label) {
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(join(ROOT, 'bench-results', name), JSON.stringify(profile));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, t]) => ({ fn, selfMs: round(t) }));
  log(`${label} CPU profile (bench-results/${name}), top self time:\n${top.map((t) => `    ${String(t.selfMs).padStart(7)} ms  ${t.fn}`).join('\n')}`);
  return { file: `bench-results/${name}`, top };
}

/**
 * The page's dedicated worker through a non-flattened auto-attach on our own CDP session
 * (Playwright's CDPSession cannot address flattened child sessions): commands travel in
 * Target.sendMessageToTarget, answers in Target.receivedMessageFromTarget. Waits up to `waitMs`
 * for a worker to attach (`info` is null if none did yet; one attaching later is still used).
 */
export async function workerSession(cdp, { waitMs = 20_000 } = {}) {
  const pending = new Map();
  let nextId = 1;
  let sessionId = null;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error.message)); else p.resolve(m.result);
  });
  const attached = new Promise((resolve) => cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') { sessionId = e.sessionId; resolve(e.targetInfo); }
  }));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const info = await Promise.race([attached, new Promise((r) => setTimeout(() => r(null), waitMs))]);
  const send = (method, params = {}) => {
    if (!sessionId) return Promise.reject(new Error('no worker attached'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      // A worker that died (out of memory) never answers: give up rather than hang the bench.
      const timer = setTimeout(() => { pending.delete(id); reject(new Error(`worker did not answer ${method} in 15 s`)); }, 15_000);
      pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  };
  const heap = async (gc = false) => {
    try {
      if (gc) await send('HeapProfiler.collectGarbage');
      const { usedSize, totalSize } = await send('Runtime.getHeapUsage');
      return { usedMB: round(usedSize / 2 ** 20), totalMB: round(totalSize / 2 ** 20) };
    } catch (e) {
      return { error: String(e.message ?? e) };
    }
  };
  return { info, send, heap };
}
