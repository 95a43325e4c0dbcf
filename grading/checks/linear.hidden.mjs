// Problem 1, hidden checks: never handed out. Expected values come from
// loop-by-loop references and finite differences computed here, in the grader.
export default async ({ Matrix, createRng, rng, expect, numericalGradient, FD_TOL }) => {
  const linear = (s, d, h, seed) => s.create("@mytorch/linear/linear.js", "Linear", d, h, { rng: rng(seed) });

  /** O[n][j] = b[j] + Σₖ A[n][k]·W[k][j], written out as loops. */
  function referenceForward(A, W, b) {
    const O = Matrix.zeros(A.rows, W.cols);
    for (let n = 0; n < A.rows; n++) {
      for (let j = 0; j < W.cols; j++) {
        let sum = b.get(0, j);
        for (let k = 0; k < A.cols; k++) sum += A.get(n, k) * W.get(k, j);
        O.set(n, j, sum);
      }
    }
    return O;
  }

  /** A layer of the student's with weights and bias chosen here. */
  async function layerWith(s, d, h, seed) {
    const r = createRng(seed);
    const W = Matrix.randn(d, h, { rng: r });
    const b = Matrix.randn(1, h, { rng: r });
    const layer = await linear(s, d, h, seed);
    await layer.set("W", W);
    await layer.set("b", b);
    return { layer, W, b, r };
  }

  return [
    {
      problem: "1(a)",
      name: "a 400×300 layer with another seed: std 0.1 ± 0.002, b all zeros",
      run: async (s) => {
        const layer = await linear(s, 400, 300, 77);
        const W = await layer.get("W");
        expect.shapeIs("W", W, 400, 300);
        const std = Math.sqrt(W.map((w) => w * w).mean());
        expect.truth(Math.abs(std - 0.1) < 0.002, `std of W: expected 0.1 ± 0.002, got ${std}`);
        expect.exactly("b", await layer.get("b"), Matrix.zeros(1, 300));
      },
    },
    ...[[3, 7, 5], [11, 2, 9], [1, 13, 1]].map(([N, d, h]) => ({
      problem: "1(b)",
      name: `matches a loop-by-loop reference for ${N}×${d} → ${N}×${h}`,
      run: async (s) => {
        const { layer, W, b, r } = await layerWith(s, d, h, N * 100 + d * 10 + h);
        const A = Matrix.randn(N, d, { rng: r });
        expect.matrix("O", await layer.call("forward", A), referenceForward(A, W, b));
      },
    })),
    ...[[1, 1, 1], [6, 2, 5]].map(([N, d, h]) => ({
      problem: "1(c)",
      name: `finite differences for ${N}×${d} → ${N}×${h}`,
      run: async (s) => {
        const { layer, W, b, r } = await layerWith(s, d, h, N + d + h);
        const A = Matrix.randn(N, d, { rng: r });
        const G = Matrix.randn(N, h, { rng: r });
        await layer.call("forward", A);
        const dLdA = await layer.call("backward", G);
        const dLdW = await layer.get("dLdW");
        const dLdb = await layer.get("dLdb");
        // The loss is computed here from the weights, so it does not depend on the student's forward.
        const loss = async (A_, W_, b_) => referenceForward(A_, W_, b_).mul(G).sum();
        expect.matrix("dL/dA", dLdA, await numericalGradient((X) => loss(X, W, b), A), FD_TOL);
        expect.matrix("dLdW", dLdW, await numericalGradient((X) => loss(A, X, b), W), FD_TOL);
        expect.matrix("dLdb", dLdb, await numericalGradient((X) => loss(A, W, X), b), FD_TOL);
      },
    })),
  ];
};
