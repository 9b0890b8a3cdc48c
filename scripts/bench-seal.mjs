// The sealing WebAssembly alone (shared/bundle/chachaSeal.wat), in this Node, on one core: MiB/s
// of the whole seal of 64 KiB chunks, of its ChaCha20 alone and of its Poly1305 alone, and of
// libsodium's AEAD (the app's fallback) for reference. Best of --rounds (5) runs of --mib (64)
// MiB each; quote the load (`cat /proc/loadavg`) with the figures.
//   node scripts/bench-seal.mjs [--rounds 5] [--mib 64]
// The module is built from the text scripts/chacha-wasm.mjs writes (wabt's wat2wasm on the
// PATH), with its ChaCha20 ($xor) and Poly1305 ($poly) exported for the split.
import { createRequire } from 'node:module';
import { chachaSealBase64, chachaSealWat } from './chacha-wasm.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = flag('--rounds', 5);
const MIB = flag('--mib', 64);
const CHUNK = 65536;
const DATA_AT = 1024;
const CHUNKS = MIB * 16;

const wat = chachaSealWat()
  .replace('(func $xor ', '(func $xor (export "xor") ')
  .replace('(func $poly ', '(func $poly (export "poly") ');
const bytes = Buffer.from(chachaSealBase64(wat), 'base64');
const { exports } = (await WebAssembly.instantiate(bytes)).instance;
const memory = exports.memory;
memory.grow(2);
const heap = new Uint8Array(memory.buffer);
for (let i = 0; i < 416 + 12; i++) heap[i] = (i * 131 + 7) & 0xff;
for (let i = DATA_AT; i < DATA_AT + CHUNK; i++) heap[i] = (i * 31) & 0xff;
// The Poly1305 key the seal would derive, for Poly1305 alone.
for (let i = 256; i < 288; i++) heap[i] = (i * 57 + 3) & 0xff;

/** Best MiB/s of ROUNDS runs of `once` called CHUNKS times. */
function rate(once) {
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    for (let i = 0; i < CHUNKS; i++) once();
    best = Math.min(best, performance.now() - t);
  }
  return (MIB / (best / 1000));
}

const sodium = createRequire(import.meta.url)('libsodium-wrappers-sumo');
await sodium.ready;
const key = new Uint8Array(32).fill(9);
const nonce = new Uint8Array(12);
const plain = new Uint8Array(CHUNK).fill(5);
const results = {
  'seal (ChaCha20-Poly1305)': rate(() => exports.seal(DATA_AT, CHUNK)),
  'ChaCha20 alone': rate(() => exports.xor(1, DATA_AT, CHUNK)),
  'Poly1305 alone': rate(() => exports.poly(DATA_AT, CHUNK / 16, 336, 1, DATA_AT + CHUNK)),
  'libsodium AEAD (wrappers)': rate(() => sodium.crypto_aead_chacha20poly1305_ietf_encrypt(plain, null, null, nonce, key)),
};
const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(`Node ${process.version}, best of ${ROUNDS} × ${MIB} MiB in 64 KiB chunks, 1-minute load ${load}`);
for (const [name, mibs] of Object.entries(results)) console.log(`${name.padEnd(28)} ${mibs.toFixed(0).padStart(6)} MiB/s`);
