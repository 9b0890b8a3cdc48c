/**
 * A force-directed layout on typed arrays: springs along edges, Barnes–Hut repulsion
 * (quadtree, θ = 0.9) and a weak pull to the centre that keeps separate components in
 * view, cooled over a fixed number of steps (the d3-force model). Chosen over cytoscape's
 * fcose and cose after measuring them on the same graphs (docs/chart.md: fcose took
 * tens of seconds at 2,000 nodes / 5,000 edges on this machine, this takes well under
 * one); and unlike them it keeps the positions it is given, so expanding a node moves the
 * chart a little instead of re-drawing it from scratch, and pinned nodes stay put.
 */

export interface LayoutInput {
  count: number;
  /** Edge ends as node indexes: [s0, t0, s1, t1, …]. */
  edges: Int32Array;
  /** Starting positions; NaN where a node has none yet (it is placed beside its neighbours). */
  x: Float64Array;
  y: Float64Array;
  /** 1 for pinned nodes, which never move. */
  fixed: Uint8Array;
  /** Steps of cooling; fewer when most nodes already have a place. */
  iterations?: number;
  /** Start temperature in (0, 1]: 1 for a fresh layout, lower to settle an existing one. */
  alpha?: number;
}

export const LINK_DISTANCE = 90;
const REPULSION = -250;
const THETA2 = 0.81;
const CENTER_STRENGTH = 0.03;
const VELOCITY_KEEP = 0.6;

/** Runs the layout in place on `x`/`y`; `onStep` is called every 10 steps (progress). */
export function forceLayout(input: LayoutInput, onStep?: (step: number, total: number) => void): void {
  const { count: n, edges, x, y, fixed } = input;
  if (n === 0) return;
  const iterations = input.iterations ?? 300;
  const degree = new Int32Array(n);
  for (let i = 0; i < edges.length; i++) degree[edges[i]!]!++;
  placeNew(input, degree);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const alphaMin = 0.001;
  let alpha = input.alpha ?? 1;
  const decay = 1 - Math.pow(alphaMin / alpha, 1 / iterations);
  const tree = new QuadTree(n);
  for (let step = 0; step < iterations; step++) {
    alpha += (0 - alpha) * decay;
    springs(edges, degree, x, y, vx, vy, alpha);
    tree.build(x, y, n);
    for (let i = 0; i < n; i++) tree.repel(i, x, y, vx, vy, REPULSION * alpha);
    for (let i = 0; i < n; i++) {
      if (fixed[i]) { vx[i] = 0; vy[i] = 0; continue; }
      vx[i] = (vx[i]! - x[i]! * CENTER_STRENGTH * alpha) * VELOCITY_KEEP;
      vy[i] = (vy[i]! - y[i]! * CENTER_STRENGTH * alpha) * VELOCITY_KEEP;
      x[i]! += vx[i]!;
      y[i]! += vy[i]!;
    }
    if (onStep && step % 10 === 9) onStep(step + 1, iterations);
  }
}

/** Unplaced nodes go on a small circle around their placed neighbours, or on a sunflower spiral around the centre. */
function placeNew(input: LayoutInput, degree: Int32Array): void {
  const { count: n, edges, x, y } = input;
  const sumX = new Float64Array(n), sumY = new Float64Array(n), placedNbrs = new Int32Array(n);
  for (let i = 0; i < edges.length; i += 2) {
    const a = edges[i]!, b = edges[i + 1]!;
    if (!Number.isNaN(x[b]!)) { sumX[a]! += x[b]!; sumY[a]! += y[b]!; placedNbrs[a]!++; }
    if (!Number.isNaN(x[a]!)) { sumX[b]! += x[a]!; sumY[b]! += y[a]!; placedNbrs[b]!++; }
  }
  let spiral = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(x[i]!)) continue;
    const angle = i * 2.399963; // the golden angle: neighbours of one node fan out evenly
    if (placedNbrs[i]! > 0) {
      const r = LINK_DISTANCE * 0.6 * (1 + (i % 3) * 0.3);
      x[i] = sumX[i]! / placedNbrs[i]! + r * Math.cos(angle);
      y[i] = sumY[i]! / placedNbrs[i]! + r * Math.sin(angle);
    } else {
      const r = 12 * Math.sqrt(0.5 + spiral++) * (degree[i]! > 0 ? 1 : 1.3);
      x[i] = r * Math.cos(angle);
      y[i] = r * Math.sin(angle);
    }
  }
}

function springs(edges: Int32Array, degree: Int32Array, x: Float64Array, y: Float64Array, vx: Float64Array, vy: Float64Array, alpha: number): void {
  for (let i = 0; i < edges.length; i += 2) {
    const s = edges[i]!, t = edges[i + 1]!;
    let dx = x[t]! + vx[t]! - x[s]! - vx[s]!;
    let dy = y[t]! + vy[t]! - y[s]! - vy[s]!;
    if (dx === 0 && dy === 0) { dx = 1e-3 * ((s % 7) - 3); dy = 1e-3 * ((t % 5) - 2); }
    const len = Math.sqrt(dx * dx + dy * dy);
    // Strength 1/min(degree): a hub's many springs do not crush its neighbours onto it.
    const k = ((len - LINK_DISTANCE) / len) * alpha / Math.min(degree[s]!, degree[t]!);
    const bias = degree[s]! / (degree[s]! + degree[t]!);
    vx[t]! -= dx * k * bias; vy[t]! -= dy * k * bias;
    vx[s]! += dx * k * (1 - bias); vy[s]! += dy * k * (1 - bias);
  }
}

/** A quadtree in flat arrays, rebuilt each step (cheaper than updating one). */
class QuadTree {
  private cap: number;
  private child: Int32Array; // 4 per cell, -1 none
  private body: Int32Array; // leaf body, -1 internal/empty, -2 internal
  private mass: Float64Array;
  private mx: Float64Array;
  private my: Float64Array;
  private size: Float64Array;
  private ox: Float64Array; // cell origin
  private oy: Float64Array;
  private used = 0;
  private stack: Int32Array;

  constructor(n: number) {
    this.cap = 4 * n + 16;
    this.child = new Int32Array(this.cap * 4);
    this.body = new Int32Array(this.cap);
    this.mass = new Float64Array(this.cap);
    this.mx = new Float64Array(this.cap);
    this.my = new Float64Array(this.cap);
    this.size = new Float64Array(this.cap);
    this.ox = new Float64Array(this.cap);
    this.oy = new Float64Array(this.cap);
    this.stack = new Int32Array(this.cap);
  }

  private cell(ox: number, oy: number, size: number): number {
    if (this.used >= this.cap) this.grow();
    const c = this.used++;
    this.child.fill(-1, c * 4, c * 4 + 4);
    this.body[c] = -1; this.mass[c] = 0; this.mx[c] = 0; this.my[c] = 0;
    this.size[c] = size; this.ox[c] = ox; this.oy[c] = oy;
    return c;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, k = 1): T => { const b = new (a.constructor as new (n: number) => T)(cap * k); b.set(a); return b; };
    this.child = g(this.child, 4); this.body = g(this.body); this.mass = g(this.mass); this.mx = g(this.mx); this.my = g(this.my);
    this.size = g(this.size); this.ox = g(this.ox); this.oy = g(this.oy); this.stack = g(this.stack);
    this.cap = cap;
  }

  build(x: Float64Array, y: Float64Array, n: number): void {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) { x0 = Math.min(x0, x[i]!); x1 = Math.max(x1, x[i]!); y0 = Math.min(y0, y[i]!); y1 = Math.max(y1, y[i]!); }
    const size = Math.max(x1 - x0, y1 - y0, 1) * 1.001;
    this.used = 0;
    this.cell(x0, y0, size);
    for (let i = 0; i < n; i++) this.insert(i, x[i]!, y[i]!, x, y);
    this.accumulate(x, y);
  }

  private quadrant(c: number, px: number, py: number): number {
    const h = this.size[c]! / 2;
    return (px >= this.ox[c]! + h ? 1 : 0) + (py >= this.oy[c]! + h ? 2 : 0);
  }

  private insert(i: number, px: number, py: number, x: Float64Array, y: Float64Array): void {
    let c = 0;
    for (let depth = 0; ; depth++) {
      const b = this.body[c]!;
      if (b === -1) {
        this.body[c] = i; // an empty cell becomes a leaf
        return;
      }
      if (b >= 0) {
        // An occupied leaf splits; coincident points (or a very deep tree) share the leaf as a chain of mass.
        if (depth > 40 || (x[b] === px && y[b] === py)) { this.mass[c]! += 1; return; }
        this.body[c] = -2;
        this.pushDown(c, b, x[b]!, y[b]!);
      }
      const q = this.quadrant(c, px, py);
      let next = this.child[c * 4 + q]!;
      if (next === -1) {
        const h = this.size[c]! / 2;
        next = this.cell(this.ox[c]! + (q & 1 ? h : 0), this.oy[c]! + (q & 2 ? h : 0), h);
        this.child[c * 4 + q] = next;
      }
      c = next;
    }
  }

  private pushDown(c: number, b: number, px: number, py: number): void {
    const q = this.quadrant(c, px, py);
    const h = this.size[c]! / 2;
    const next = this.cell(this.ox[c]! + (q & 1 ? h : 0), this.oy[c]! + (q & 2 ? h : 0), h);
    this.child[c * 4 + q] = next;
    this.body[next] = b;
    this.mass[next] = this.mass[c]!; // extra coincident mass moves with the body
    this.mass[c] = 0;
  }

  /** Masses and centres of mass, children before parents (cells are created parent first). */
  private accumulate(x: Float64Array, y: Float64Array): void {
    for (let c = this.used - 1; c >= 0; c--) {
      const b = this.body[c]!;
      if (b >= 0) {
        const m = 1 + this.mass[c]!;
        this.mass[c] = m; this.mx[c] = x[b]! * m; this.my[c] = y[b]! * m;
        continue;
      }
      let m = 0, sx = 0, sy = 0;
      for (let k = 0; k < 4; k++) {
        const ch = this.child[c * 4 + k]!;
        if (ch === -1) continue;
        m += this.mass[ch]!; sx += this.mx[ch]!; sy += this.my[ch]!;
      }
      this.mass[c] = m; this.mx[c] = sx; this.my[c] = sy;
    }
    for (let c = 0; c < this.used; c++) {
      if (this.mass[c]! > 0) { this.mx[c] = this.mx[c]! / this.mass[c]!; this.my[c] = this.my[c]! / this.mass[c]!; }
    }
  }

  repel(i: number, x: Float64Array, y: Float64Array, vx: Float64Array, vy: Float64Array, strength: number): void {
    const px = x[i]!, py = y[i]!;
    let top = 0;
    this.stack[top++] = 0;
    let fx = 0, fy = 0;
    while (top > 0) {
      const c = this.stack[--top]!;
      const m = this.mass[c]!;
      if (m === 0) continue;
      let dx = this.mx[c]! - px, dy = this.my[c]! - py;
      let d2 = dx * dx + dy * dy;
      const b = this.body[c]!;
      const leaf = b >= 0;
      if (leaf || (this.size[c]! * this.size[c]!) / THETA2 < d2) {
        if (leaf && b === i) {
          if (m <= 1) continue;
          // Others stacked on this very spot: push apart along a fixed direction per node.
          dx = Math.cos(i); dy = Math.sin(i); d2 = 1;
          fx += dx * strength * (m - 1); fy += dy * strength * (m - 1);
          continue;
        }
        if (d2 === 0) { dx = Math.cos(i + b); dy = Math.sin(i + b); d2 = 1; }
        if (d2 < 1) d2 = Math.sqrt(d2);
        const w = (strength * m) / d2;
        fx += dx * w; fy += dy * w;
        continue;
      }
      for (let k = 0; k < 4; k++) {
        const ch = this.child[c * 4 + k]!;
        if (ch !== -1) this.stack[top++] = ch;
      }
    }
    vx[i]! += fx; vy[i]! += fy;
  }
}
