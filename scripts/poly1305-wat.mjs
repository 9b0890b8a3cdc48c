// Poly1305 (RFC 8439) for the sealing WebAssembly (scripts/chacha-wasm.mjs writes it into
// shared/bundle/chachaSeal.wat): 26-bit limbs, h × r mod p = 2^130 − 5 as 25 products of 64 bits.
//
// Whole pairs of blocks go two at a time through SIMD lanes: lane 0 takes blocks 1, 3, 5, …,
// lane 1 blocks 2, 4, 6, …, each lane h ← (h + m) × r² (i64x2.extmul_low_i32x4_u: two products
// in one), except the last pair's second lane, × r (so the lanes' sum is Σ m_i × r^(n−i+1), the
// one-lane result); the lanes' limbs added, a block left over and the last blocks (the padded tail,
// the lengths) go on one at a time in 64-bit integers (poly1305-donna-32's arithmetic).
//
// Bounds: a limb after the carries < 2^26 + 2^9; h + m < 2^28 (in the one-lane part, the lanes' sum
// plus a block); × 5 × (a limb of r or r², < 2^26 + 2^9) < 2^56.4; five of them < 2^58.8: no sum
// overflows 64 bits, and every factor fits the 32 bits extmul takes.

const M26 = '(i64.const 0x3ffffff)';
const M26X2 = '(v128.const i64x2 0x3ffffff 0x3ffffff)';
const H = ['$h0', '$h1', '$h2', '$h3', '$h4'];
const R = ['$r0', '$r1', '$r2', '$r3', '$r4'];
const S = [null, '$s1', '$s2', '$s3', '$s4'];
const Q = ['$q0', '$q1', '$q2', '$q3', '$q4'];
const get = (x) => `(local.get ${x})`;

/** d_i = Σ_j x_j × (j ≤ i ? r_(i−j) : s_(5+i−j)) with `mul` (the schoolbook product mod 2^130 − 5, s = 5r). */
function products(x, r, s, mul, add, indent, d = '$d') {
  return [0, 1, 2, 3, 4].map((i) => {
    const terms = x.map((xj, j) => `(${mul} ${get(xj)} ${get(j <= i ? r[i - j] : s[5 + i - j])})`);
    return `${indent}(local.set ${d}${i} ${terms.reduce((a, b) => `(${add} ${a} ${b})`)})`;
  });
}

/** h ← h × r (scalar, into the limbs `h`), carried as donna-32 does: h1 may stay a little over 26 bits. */
function scalarMultiply(h, indent) {
  const d = (i) => `$d${i}`;
  const lines = products(h, R, S, 'i64.mul', 'i64.add', indent);
  lines.push(`${indent}(local.set $c (i64.shr_u ${get(d(0))} (i64.const 26))) (local.set ${h[0]} (i64.and ${get(d(0))} ${M26}))`);
  for (let i = 1; i < 5; i++) {
    lines.push(`${indent}(local.set ${d(i)} (i64.add ${get(d(i))} (local.get $c))) (local.set $c (i64.shr_u ${get(d(i))} (i64.const 26))) (local.set ${h[i]} (i64.and ${get(d(i))} ${M26}))`);
  }
  lines.push(`${indent}(local.set ${h[0]} (i64.add ${get(h[0])} (i64.mul (local.get $c) (i64.const 5))))`);
  lines.push(`${indent}(local.set $c (i64.shr_u ${get(h[0])} (i64.const 26))) (local.set ${h[0]} (i64.and ${get(h[0])} ${M26}))`);
  lines.push(`${indent}(local.set ${h[1]} (i64.add ${get(h[1])} (local.get $c)))`);
  return lines.join('\n');
}

/** One carry in both lanes: limb `from` keeps its 26 bits, the rest goes to `to` (× 5 from limb 4 to limb 0). */
function laneCarry(from, to) {
  const c = `(i64x2.shr_u (local.get $D${from}) (i32.const 26))`;
  const carried = to === 0 ? `(i64x2.add (local.tee $C ${c}) (i64x2.shl (local.get $C) (i32.const 2)))` : c;
  return `(local.set $D${to} (i64x2.add (local.get $D${to}) ${carried})) (local.set $D${from} (v128.and (local.get $D${from}) ${M26X2}))`;
}

/** The 26-bit limbs of the two blocks whose low and high 64 bits are $lo and $hi (one block a lane), each with its 2^128. */
const MESSAGE_LIMBS = [
  `(v128.and (local.get $lo) ${M26X2})`,
  `(v128.and (i64x2.shr_u (local.get $lo) (i32.const 26)) ${M26X2})`,
  `(v128.and (v128.or (i64x2.shr_u (local.get $lo) (i32.const 52)) (i64x2.shl (local.get $hi) (i32.const 12))) ${M26X2})`,
  `(v128.and (i64x2.shr_u (local.get $hi) (i32.const 14)) ${M26X2})`,
  '(v128.or (i64x2.shr_u (local.get $hi) (i32.const 40)) (v128.const i64x2 0x1000000 0x1000000))',
];
/** Both lanes' 32-bit halves into i32 lanes 0 and 1, where i64x2.extmul_low_i32x4_u takes its factors. */
const LOW_HALVES = 'i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11';

/** The text of $poly: Poly1305 (key at `keyAt`) of $n whole blocks at $m then $xn at $xm, the tag to $tag. */
export function poly1305Wat(keyAt) {
  const keyLimb = (at, shift, mask) => `(i64.and (i64.shr_u (i64.load32_u offset=${keyAt + at} (i32.const 0)) (i64.const ${shift})) (i64.const ${mask}))`;
  const limb = (at, shift) => `(i64.and (i64.shr_u (i64.load32_u offset=${at} (local.get $m)) (i64.const ${shift})) ${M26})`;
  const carry = (x, into) => `(local.set $c (i64.shr_u (local.get ${x}) (i64.const 26))) (local.set ${x} (i64.and (local.get ${x}) ${M26})) (local.set ${into} (i64.add (local.get ${into}) (local.get $c)))`;
  const splat = (x) => `(i32x4.splat (i32.wrap_i64 ${get(x)}))`;
  const v = (name) => [0, 1, 2, 3, 4].map((i) => `(local ${name}${i} v128)`).join(' ');
  const words = [
    '(local.get $h0) (i64.shl (local.get $h1) (i64.const 26))',
    '(i64.shr_u (local.get $h1) (i64.const 6)) (i64.shl (local.get $h2) (i64.const 20))',
    '(i64.shr_u (local.get $h2) (i64.const 12)) (i64.shl (local.get $h3) (i64.const 14))',
    '(i64.shr_u (local.get $h3) (i64.const 18)) (i64.shl (local.get $h4) (i64.const 8))',
  ];
  return `  ;; Poly1305 (key at ${keyAt}) of $n whole blocks at $m then $xn at $xm (the padded tail, the lengths), each with its
  ;; high bit; the 16-byte tag to $tag. Pairs of blocks in two SIMD lanes, the rest one block at a time.
  (func $poly (param $m i32) (param $n i32) (param $xm i32) (param $xn i32) (param $tag i32)
    (local $h0 i64) (local $h1 i64) (local $h2 i64) (local $h3 i64) (local $h4 i64)
    (local $r0 i64) (local $r1 i64) (local $r2 i64) (local $r3 i64) (local $r4 i64)
    (local $s1 i64) (local $s2 i64) (local $s3 i64) (local $s4 i64)
    (local $q0 i64) (local $q1 i64) (local $q2 i64) (local $q3 i64) (local $q4 i64)
    (local $d0 i64) (local $d1 i64) (local $d2 i64) (local $d3 i64) (local $d4 i64) (local $c i64)
    (local $g0 i64) (local $g1 i64) (local $g2 i64) (local $g3 i64) (local $g4 i64) (local $mask i64) (local $f i64) (local $last i32)
    ${v('$H')}
    ${v('$R')}
    ${v('$S')}
    ${v('$D')}
    (local $C v128) (local $lo v128) (local $hi v128) (local $pairs i32)
    (local.set $r0 ${keyLimb(0, 0, '0x3ffffff')})
    (local.set $r1 ${keyLimb(3, 2, '0x3ffff03')})
    (local.set $r2 ${keyLimb(6, 4, '0x3ffc0ff')})
    (local.set $r3 ${keyLimb(9, 6, '0x3f03fff')})
    (local.set $r4 ${keyLimb(12, 8, '0x00fffff')})
    (local.set $s1 (i64.mul (local.get $r1) (i64.const 5)))
    (local.set $s2 (i64.mul (local.get $r2) (i64.const 5)))
    (local.set $s3 (i64.mul (local.get $r3) (i64.const 5)))
    (local.set $s4 (i64.mul (local.get $r4) (i64.const 5)))
    (local.set $pairs (i32.shr_u (local.get $n) (i32.const 1)))
    (if (local.get $pairs)
      (then
        ;; r², each lane's factor (its 32-bit limbs in i32 lanes 0 and 1, with 5 × them for the wrap past 2^130)
${Q.map((q, i) => `        (local.set ${q} ${get(R[i])})`).join('\n')}
${scalarMultiply(Q, '        ')}
${Q.map((q, i) => `        (local.set $R${i} ${splat(q)})${i ? ` (local.set $S${i} (i32x4.mul (local.get $R${i}) (v128.const i32x4 5 5 5 5)))` : ''}`).join('\n')}
        (loop $pairs
          ;; the last pair: lane 1 (the even block) × r, one power less than lane 0
          (if (i32.eq (local.get $pairs) (i32.const 1))
            (then
${[0, 1, 2, 3, 4].map((i) => `              (local.set $R${i} (i32x4.replace_lane 1 (local.get $R${i}) (i32.wrap_i64 ${get(R[i])})))${i ? ` (local.set $S${i} (i32x4.replace_lane 1 (local.get $S${i}) (i32.wrap_i64 ${get(S[i])})))` : ''}`).join('\n')}))
          ;; the two blocks' low 64 bits in $lo, high 64 bits in $hi, one block a lane
          (local.set $lo (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (v128.load (local.get $m)) (v128.load offset=16 (local.get $m))))
          (local.set $hi (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (v128.load (local.get $m)) (v128.load offset=16 (local.get $m))))
          ;; h + m, narrowed to 32-bit limbs (< 2^28)
${MESSAGE_LIMBS.map((l, i) => `          (local.set $H${i} (${LOW_HALVES} (local.tee $H${i} (i64x2.add (local.get $H${i}) ${l})) (local.get $H${i})))`).join('\n')}
          ;; × the lanes' factor
${products(['$H0', '$H1', '$H2', '$H3', '$H4'], ['$R0', '$R1', '$R2', '$R3', '$R4'], [null, '$S1', '$S2', '$S3', '$S4'], 'i64x2.extmul_low_i32x4_u', 'i64x2.add', '          ', '$D').join('\n')}
          ;; carried in two interleaved chains (3→4→0→1, 0→1→2→3→4): limbs 0, 2, 3 < 2^26; 1 and 4 < 2^26 + 2^9
          ${laneCarry(3, 4)} ${laneCarry(0, 1)}
          ${laneCarry(4, 0)} ${laneCarry(1, 2)}
          ${laneCarry(2, 3)} ${laneCarry(0, 1)}
          ${laneCarry(3, 4)}
${[0, 1, 2, 3, 4].map((i) => `          (local.set $H${i} (local.get $D${i}))`).join('\n')}
          (local.set $m (i32.add (local.get $m) (i32.const 32)))
          (br_if $pairs (local.tee $pairs (i32.sub (local.get $pairs) (i32.const 1)))))
        ;; the lanes' sum, one h
${H.map((h, i) => `        (local.set ${h} (i64.add (i64x2.extract_lane 0 (local.get $H${i})) (i64x2.extract_lane 1 (local.get $H${i}))))`).join('\n')}
        (local.set $n (i32.and (local.get $n) (i32.const 1)))))
    ;; one block at a time: a block left over, then the $xn blocks at $xm
    (block $done
      (loop $blocks
        (if (i32.eqz (local.get $n))
          (then
            (br_if $done (local.get $last))
            (local.set $last (i32.const 1))
            (local.set $m (local.get $xm))
            (local.set $n (local.get $xn))))
        (local.set $h0 (i64.add (local.get $h0) ${limb(0, 0)}))
        (local.set $h1 (i64.add (local.get $h1) ${limb(3, 2)}))
        (local.set $h2 (i64.add (local.get $h2) ${limb(6, 4)}))
        (local.set $h3 (i64.add (local.get $h3) ${limb(9, 6)}))
        (local.set $h4 (i64.add (local.get $h4) (i64.or (i64.shr_u (i64.load32_u offset=12 (local.get $m)) (i64.const 8)) (i64.const 0x1000000))))
${scalarMultiply(H, '        ')}
        (local.set $m (i32.add (local.get $m) (i32.const 16)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $blocks)))
    ;; h fully carried; then h − p where that is not negative (g4's top bit clear: the mask all ones)
    ${carry('$h1', '$h2')}
    ${carry('$h2', '$h3')}
    ${carry('$h3', '$h4')}
    (local.set $c (i64.shr_u (local.get $h4) (i64.const 26))) (local.set $h4 (i64.and (local.get $h4) ${M26}))
    (local.set $h0 (i64.add (local.get $h0) (i64.mul (local.get $c) (i64.const 5))))
    ${carry('$h0', '$h1')}
    (local.set $g0 (i64.add (local.get $h0) (i64.const 5))) (local.set $c (i64.shr_u (local.get $g0) (i64.const 26))) (local.set $g0 (i64.and (local.get $g0) ${M26}))
    (local.set $g1 (i64.add (local.get $h1) (local.get $c))) (local.set $c (i64.shr_u (local.get $g1) (i64.const 26))) (local.set $g1 (i64.and (local.get $g1) ${M26}))
    (local.set $g2 (i64.add (local.get $h2) (local.get $c))) (local.set $c (i64.shr_u (local.get $g2) (i64.const 26))) (local.set $g2 (i64.and (local.get $g2) ${M26}))
    (local.set $g3 (i64.add (local.get $h3) (local.get $c))) (local.set $c (i64.shr_u (local.get $g3) (i64.const 26))) (local.set $g3 (i64.and (local.get $g3) ${M26}))
    (local.set $g4 (i64.sub (i64.add (local.get $h4) (local.get $c)) (i64.const 0x4000000)))
    (local.set $mask (i64.sub (i64.shr_u (local.get $g4) (i64.const 63)) (i64.const 1)))
${[0, 1, 2, 3, 4].map((i) => `    (local.set $h${i} (i64.or (i64.and (local.get $h${i}) (i64.xor (local.get $mask) (i64.const -1))) (i64.and (local.get $g${i}) (local.get $mask))))`).join('\n')}
    (local.set $h4 (i64.and (local.get $h4) ${M26}))
    ;; as four 32-bit words, plus the key's second half (s), mod 2^128
${words.map((w, i) => {
    const word = `(i64.add (i64.and (i64.or ${w}) (i64.const 0xffffffff)) (i64.load32_u offset=${keyAt + 16 + 4 * i} (i32.const 0)))`;
    return `    (local.set $f ${i === 0 ? word : `(i64.add ${word} (i64.shr_u (local.get $f) (i64.const 32)))`})\n    (i64.store32 offset=${4 * i} (local.get $tag) (local.get $f))`;
  }).join('\n')}
  )`;
}
