// Problem 2(c), 2(d), hidden checks: never handed out.
export default async ({ Matrix, createRng, expect, FD_TOL }) => {
  const ce = (s) => s.create("@mytorch/loss/cross-entropy-loss.js", "CrossEntropyLoss");

  /** Row i's log-sum-exp, shifted by the row's max, by a loop. */
  function logSumExp(O, i) {
    let m = -Infinity;
    for (let j = 0; j < O.cols; j++) m = Math.max(m, O.get(i, j));
    let z = 0;
    for (let j = 0; j < O.cols; j++) z += Math.exp(O.get(i, j) - m);
    return m + Math.log(z);
  }
  /** −(1/N) Σᵢ Σⱼ Yᵢⱼ (Oᵢⱼ − logsumexpᵢ). */
  function referenceLoss(O, Y) {
    let total = 0;
    for (let i = 0; i < O.rows; i++) {
      const lse = logSumExp(O, i);
      for (let j = 0; j < O.cols; j++) total -= Y.get(i, j) * (O.get(i, j) - lse);
    }
    return total / O.rows;
  }
  /** (softmax(O) − Y) / N, entry by entry. */
  function referenceGradient(O, Y) {
    const G = Matrix.zeros(O.rows, O.cols);
    for (let i = 0; i < O.rows; i++) {
      const lse = logSumExp(O, i);
      for (let j = 0; j < O.cols; j++) G.set(i, j, (Math.exp(O.get(i, j) - lse) - Y.get(i, j)) / O.rows);
    }
    return G;
  }
  function softTargets(rows, cols, seed) {
    const P = Matrix.rand(rows, cols, { rng: createRng(seed), low: 0.05, high: 1 });
    return P.div(P.sumCols());
  }

  return [
    {
      problem: "2(c)",
      name: "matches a loop-by-loop log-sum-exp on 5×7 logits of size ~500 with soft targets",
      run: async (s) => {
        const O = Matrix.randn(5, 7, { rng: createRng(41), std: 500 });
        const Y = softTargets(5, 7, 42);
        expect.number("loss", await (await ce(s)).call("forward", O, Y), referenceLoss(O, Y), { atol: 1e-9, rtol: 1e-12 });
      },
    },
    {
      problem: "2(d)",
      name: "matches (softmax(O) − Y) / N entry by entry with soft targets, 3×4",
      run: async (s) => {
        const O = Matrix.randn(3, 4, { rng: createRng(43) });
        const Y = softTargets(3, 4, 44);
        const loss = await ce(s);
        await loss.call("forward", O, Y);
        expect.matrix("dL/dO", await loss.call("backward"), referenceGradient(O, Y), FD_TOL);
      },
    },
  ];
};
