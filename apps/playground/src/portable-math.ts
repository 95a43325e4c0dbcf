// Math that gives the same doubles in every JavaScript engine. Math.tanh and Math.pow are not
// specified to the bit and V8 changed them: Node 20 (V8 11.3) and Chromium 150 disagree in the last
// bit for some inputs (measured: tanh on 49 of 200,000 samples, 0.9 ** t on 5% of t ≤ 300,000).
// One ulp at step 1 of a 100,000-step run ends as a different network, so the playground avoids them.
// Math.expm1, Math.exp, Math.log and Math.sqrt agreed on every sample.

/**
 * tanh(x) as fdlibm's s_tanh.c (FreeBSD msun), which is V8's Math.tanh in Node 20, written over
 * Math.expm1:  |x| < 2⁻²⁸: x;  |x| < 1: −t/(t + 2), t = expm1(−2|x|);  |x| < 22: 1 − 2/(t + 2),
 * t = expm1(2|x|);  else 1; with the sign of x.
 */
export function tanh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 22)) return Number.isNaN(x) ? x : x > 0 ? 1 : -1;
  if (ax < 3.725290298461914e-9) return x; // 2⁻²⁸: tanh(x) = x to double precision
  let z: number;
  if (ax >= 1) {
    const t = Math.expm1(2 * ax);
    z = 1 - 2 / (t + 2);
  } else {
    const t = Math.expm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x > 0 ? z : -z;
}
