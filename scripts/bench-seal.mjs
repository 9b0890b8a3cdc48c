// The sealing WebAssembly alone (shared/bundle/chachaSeal.wat) on one core: MiB/s of the whole
// seal of 64 KiB chunks, of its ChaCha20 alone and of its Poly1305 alone; in Node also libsodium's
// AEAD (the app's fallback) for reference. Best of --rounds (7) runs of --mib (32) MiB each; the seal
// measured again last (its first figure may include a tier-up of the engine's compilers).
// Quote the load (printed) with the figures.
//   node scripts/bench-seal.mjs [--rounds 7] [--mib 32] [--chromium] [--generator path/to/chacha-wasm.mjs]
// --chromium: in headless Chromium (/usr/bin/chromium, the app's engine) instead of this Node.
// --generator: another checkout's scripts/chacha-wasm.mjs (an A/B of two sealers in one run).
// The module is built from the text the generator writes (wabt's wat2wasm on the PATH), with its
// ChaCha20 ($xor) and Poly1305 ($poly) exported for the split.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option('--rounds', 7));
const mib = Number(option('--mib', 32));
const generator = option('--generator', new URL('./chacha-wasm.mjs', import.meta.url).pathname);
const { chachaSealBase64, chachaSealWat } = await import(pathToFileURL(resolve(generator)).href);
const wat = chachaSealWat()
  .replace('(func $xor ', '(func $xor (export "xor") ')
  .replace('(func $poly ', '(func $poly (export "poly") ');
const base64 = chachaSealBase64(wat);

/** Best MiB/s of each part (self-contained: it runs in Node or in a page). */
async function measure(base64, rounds, mib) {
  const CHUNK = 65536;
  const DATA_AT = 1024;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const { exports } = (await WebAssembly.instantiate(bytes)).instance;
  exports.memory.grow(2);
  const heap = new Uint8Array(exports.memory.buffer);
  // A key and nonce (384–427), a Poly1305 key for Poly1305 alone (256–287), a chunk of text.
  for (let i = 256; i < 428; i++) heap[i] = (i * 131 + 7) & 0xff;
  for (let i = DATA_AT; i < DATA_AT + CHUNK; i++) heap[i] = (i * 31) & 0xff;
  const rate = (once) => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      for (let i = 0; i < mib * 16; i++) once();
      best = Math.min(best, performance.now() - t);
    }
    return Math.round(mib / (best / 1000));
  };
  return {
    'seal (ChaCha20-Poly1305)': rate(() => exports.seal(DATA_AT, CHUNK)),
    'ChaCha20 alone': rate(() => exports.xor(1, DATA_AT, CHUNK)),
    'Poly1305 alone': rate(() => exports.poly(DATA_AT, CHUNK / 16, 336, 1, DATA_AT + CHUNK)),
    'seal (again, last)': rate(() => exports.seal(DATA_AT, CHUNK)),
  };
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const loadBefore = load();
let results;
let engine;
if (args.includes('--chromium')) {
  const { launch } = await import('./bench-common.mjs');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(`${tmpdir()}/casefile-bench-seal-`);
  const context = await launch(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    engine = `Chromium (${await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0])})`;
    results = await page.evaluate(`(${measure})(${JSON.stringify(base64)}, ${rounds}, ${mib})`);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
} else {
  engine = `Node ${process.version}`;
  results = await measure(base64, rounds, mib);
  const sodium = createRequire(import.meta.url)('libsodium-wrappers-sumo');
  await sodium.ready;
  const [key, nonce, plain] = [new Uint8Array(32).fill(9), new Uint8Array(12), new Uint8Array(65536).fill(5)];
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < mib * 16; i++) sodium.crypto_aead_chacha20poly1305_ietf_encrypt(plain, null, null, nonce, key);
    best = Math.min(best, performance.now() - t);
  }
  results['libsodium AEAD (wrappers)'] = Math.round(mib / (best / 1000));
}
console.log(`${engine}, ${generator}: best of ${rounds} × ${mib} MiB in 64 KiB chunks, 1-minute load ${loadBefore} → ${load()}`);
for (const [name, mibs] of Object.entries(results)) console.log(`${name.padEnd(28)} ${String(mibs).padStart(6)} MiB/s`);
