// Problem 1: the graded checks of Linear, run by the grader against the
// student's code in its sandbox. Reference values: PyTorch float64 autograd
// (packages/linear/fixtures/linear.json, written by fixtures-gen/generate.py).
export default async ({ Matrix, createRng, rng, expect, numericalGradient, fixturesOf, FD_TOL }) => {
  const fixture = await fixturesOf("packages/linear/fixtures/linear.json");
  const linear = (s, d, h, seed) => s.create("@mytorch/linear/linear.js", "Linear", d, h, ...(seed === undefined ? [] : [{ rng: rng(seed) }]));
  const shapeOf = (rows) => `${rows.length}×${rows[0].length}`;

  /** The fixture's layer: weights assigned, as the contract allows. */
  async function layerFrom(s, c) {
    const W = Matrix.fromArray(c.W);
    const layer = await linear(s, W.rows, W.cols, 0);
    await layer.set("W", W);
    await layer.set("b", Matrix.fromArray(c.b));
    return layer;
  }

  return [
    {
      problem: "1(a)",
      name: "W is inFeatures×outFeatures, b is 1×outFeatures of zeros",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 1);
        expect.shapeIs("W", await layer.get("W"), 3, 2);
        expect.exactly("b", await layer.get("b"), Matrix.zeros(1, 2));
      },
    },
    {
      problem: "1(a)",
      name: "W ~ N(0, 0.01) on a 1000×1000 layer: |mean| < 1e-3, |variance − 0.01| < 2e-4",
      run: async (s) => {
        // With 10⁶ samples the mean's standard error is 1e-4 and the variance's 1.4e-5.
        const W = await (await linear(s, 1000, 1000, 2)).get("W");
        expect.shapeIs("W", W, 1000, 1000);
        const mean = W.mean();
        const variance = W.map((w) => (w - mean) ** 2).mean();
        expect.truth(Math.abs(mean) < 1e-3, `mean of W: expected |mean| < 1e-3, got ${mean}`);
        expect.truth(Math.abs(variance - 0.01) < 2e-4, `variance of W: expected 0.01 ± 2e-4, got ${variance}`);
      },
    },
    {
      problem: "1(a)",
      name: "the same seed gives the same weights, another seed different ones",
      run: async (s) => {
        const a = await (await linear(s, 4, 3, 42)).get("W");
        expect.exactly("W with seed 42, drawn again", await (await linear(s, 4, 3, 42)).get("W"), a);
        const c = await (await linear(s, 4, 3, 43)).get("W");
        expect.shapeIs("W with seed 43", c, 4, 3);
        expect.truth(!c.equals(a), "W with seed 43: expected weights different from seed 42's, got the same");
      },
    },
    {
      problem: "1(a)",
      name: "without an rng option the layer draws from the default Rng (manualSeed)",
      run: async (s) => {
        await s.manualSeed(5);
        const a = await (await linear(s, 2, 2)).get("W");
        await s.manualSeed(5);
        expect.exactly("W after manualSeed(5) again", await (await linear(s, 2, 2)).get("W"), a);
        await s.manualSeed(6);
        const other = await (await linear(s, 2, 2)).get("W");
        expect.shapeIs("W after manualSeed(6)", other, 2, 2);
        expect.truth(!other.equals(a), "W after manualSeed(6): expected other weights than after manualSeed(5), got the same (is the default Rng used?)");
      },
    },
    {
      problem: "1(a)",
      name: "rejects sizes that are not positive integers",
      run: async (s) => {
        await expect.throws("new Linear(0, 2)", linear(s, 0, 2), "RangeError", /^Linear: inFeatures and outFeatures must be integers ≥ 1, got 0 and 2$/);
      },
    },
    {
      problem: "1(b)",
      name: "(1×2)·W + b by hand: [1, 2]·[[1, 0], [0, 1]] + [10, 20] = [11, 22]",
      run: async (s) => {
        const layer = await linear(s, 2, 2, 0);
        await layer.set("W", Matrix.identity(2));
        await layer.set("b", Matrix.row([10, 20]));
        expect.exactly("O", await layer.call("forward", Matrix.row([1, 2])), Matrix.row([11, 22]));
      },
    },
    ...fixture.cases.map((c) => ({
      problem: "1(b)",
      name: `matches the reference for A ${shapeOf(c.A)} → O ${shapeOf(c.O)}`,
      run: async (s) => {
        const O = await (await layerFrom(s, c)).call("forward", Matrix.fromArray(c.A));
        expect.matrix("O", O, Matrix.fromArray(c.O));
      },
    })),
    {
      problem: "1(b)",
      name: "does not change its input",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 0);
        const holder = await s.object({ A: Matrix.row([1, 2, 3]) }); // A lives in the student's process
        await layer.call("forward", holder.ref("A"));
        expect.exactly("A after forward", await holder.get("A"), Matrix.row([1, 2, 3]));
      },
    },
    {
      problem: "1(b)",
      name: "throws ShapeError when A has the wrong number of features",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 0);
        await expect.throws("forward of a 4×2 A", layer.call("forward", Matrix.zeros(4, 2)), "ShapeError", /^Linear\.forward: A must be N×3 \(inFeatures = 3\), got 4×2$/);
      },
    },
    {
      problem: "1(b)",
      name: "throws ShapeError when an assigned W or b does not fit the layer",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 0);
        await layer.set("b", Matrix.zeros(2, 1));
        await expect.throws("forward with a 2×1 b", layer.call("forward", Matrix.zeros(1, 3)), "ShapeError", /^Linear\.forward: b must be 1×2, got 2×1$/);
      },
    },
    ...fixture.cases.map((c) => ({
      problem: "1(c)",
      name: `dL/dA, dLdW and dLdb match the reference for A ${shapeOf(c.A)}`,
      run: async (s) => {
        const layer = await layerFrom(s, c);
        await layer.call("forward", Matrix.fromArray(c.A));
        expect.matrix("dL/dA", await layer.call("backward", Matrix.fromArray(c.dLdO)), Matrix.fromArray(c.dLdA));
        expect.matrix("dLdW", await layer.get("dLdW"), Matrix.fromArray(c.dLdW));
        expect.matrix("dLdb", await layer.get("dLdb"), Matrix.fromArray(c.dLdb));
      },
    })),
    {
      problem: "1(c)",
      name: "agrees with finite differences of L = Σ O ⊙ G for A, W and b",
      run: (s) => finiteDifferences(s, 4, 3, 5, 8),
    },
    {
      problem: "1(c)",
      name: "an empty batch (0×d) gives zero gradients of the right shapes",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 0);
        await layer.call("forward", Matrix.zeros(0, 3));
        expect.shapeIs("dL/dA", await layer.call("backward", Matrix.zeros(0, 2)), 0, 3);
        expect.exactly("dLdW", await layer.get("dLdW"), Matrix.zeros(3, 2));
        expect.exactly("dLdb", await layer.get("dLdb"), Matrix.zeros(1, 2));
      },
    },
    {
      problem: "1(c)",
      name: "throws when called before forward, or with dLdO of the wrong shape",
      run: async (s) => {
        const layer = await linear(s, 3, 2, 0);
        await expect.throws("backward before forward", layer.call("backward", Matrix.zeros(1, 2)), null, /^Linear\.backward: call forward first$/);
        await layer.call("forward", Matrix.zeros(4, 3));
        await expect.throws("backward of a 4×3 dLdO", layer.call("backward", Matrix.zeros(4, 3)), "ShapeError", /^Linear\.backward: dLdO must be 4×2 \(the shape of the last output\), got 4×3$/);
      },
    },
  ];

  /** The layer's backward against central differences of L = Σ O ⊙ G in A, W and b. */
  async function finiteDifferences(s, d, h, N, seed) {
    const r = createRng(seed);
    const layer = await linear(s, d, h, seed);
    const W = await layer.get("W");
    expect.shapeIs("W", W, d, h);
    const b = Matrix.randn(1, h, { rng: r });
    const A = Matrix.randn(N, d, { rng: r });
    const G = Matrix.randn(N, h, { rng: r }); // dL/dO for L = Σ O ⊙ G
    await layer.set("b", b);
    await layer.call("forward", A);
    const dLdA = await layer.call("backward", G);
    const dLdW = await layer.get("dLdW");
    const dLdb = await layer.get("dLdb");
    const loss = async (A_, W_, b_) => {
      await layer.set("W", W_);
      await layer.set("b", b_);
      const O = await layer.call("forward", A_);
      expect.shapeIs("O", O, N, h);
      return O.mul(G).sum();
    };
    expect.matrix("dL/dA vs finite differences", dLdA, await numericalGradient((X) => loss(X, W, b), A), FD_TOL);
    expect.matrix("dLdW vs finite differences", dLdW, await numericalGradient((X) => loss(A, X, b), W), FD_TOL);
    expect.matrix("dLdb vs finite differences", dLdb, await numericalGradient((X) => loss(A, W, X), b), FD_TOL);
  }
};
