// Problem 2(c), 2(d): the graded checks of CrossEntropyLoss. Reference values:
// PyTorch float64, F.cross_entropy with probability targets (packages/loss/fixtures/loss.json).
export default async ({ Matrix, createRng, expect, numericalGradient, fixturesOf, FD_TOL }) => {
  const fixture = await fixturesOf("packages/loss/fixtures/loss.json");
  const ce = (s) => s.create("@mytorch/loss/cross-entropy-loss.js", "CrossEntropyLoss");
  const describeCase = (c) => {
    const big = Math.max(...c.O.flat().map(Math.abs)) >= 1000 ? ", logits ±1000" : "";
    const soft = c.Y.flat().some((y) => y !== 0 && y !== 1) ? ", soft targets" : "";
    return `${c.O.length}×${c.O[0].length}${big}${soft}`;
  };

  return [
    {
      problem: "2(c)",
      name: "by hand: equal logits over q classes give log q",
      run: async (s) => expect.number("loss", await (await ce(s)).call("forward", Matrix.zeros(2, 4), Matrix.fromArray([[1, 0, 0, 0], [0, 0, 1, 0]])), Math.log(4)),
    },
    ...fixture.crossEntropy.map((c) => ({
      problem: "2(c)",
      name: `matches the reference for ${describeCase(c)} (÷ N)`,
      run: async (s) => expect.number("loss", await (await ce(s)).call("forward", Matrix.fromArray(c.O), Matrix.fromArray(c.Y)), c.loss),
    })),
    {
      problem: "2(c)",
      name: "throws ShapeError when Y and O differ in shape",
      run: async (s) => expect.throws("forward of 2×3 and 3×3", (await ce(s)).call("forward", Matrix.zeros(2, 3), Matrix.zeros(3, 3)), "ShapeError", /^CrossEntropyLoss\.forward: Y must have the shape of O \(2×3\), got 3×3$/),
    },
    {
      problem: "2(c)",
      name: "throws on non-finite logits instead of returning NaN",
      run: async (s) => expect.throws("forward with Infinity", (await ce(s)).call("forward", Matrix.row([Infinity, 0]), Matrix.row([1, 0])), null, /^CrossEntropyLoss\.forward: O must be finite, got Infinity at \(0, 0\)$/),
    },
    ...fixture.crossEntropy.map((c) => ({
      problem: "2(d)",
      name: `dL/dO = (softmax(O) − Y) / N matches the reference for ${describeCase(c)}`,
      run: async (s) => {
        const loss = await ce(s);
        await loss.call("forward", Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
        expect.matrix("dL/dO", await loss.call("backward"), Matrix.fromArray(c.dLdO));
      },
    })),
    {
      problem: "2(d)",
      name: "agrees with finite differences of forward",
      run: async (s) => {
        const rng = createRng(4);
        const O = Matrix.randn(6, 5, { rng });
        const Y = Matrix.zeros(6, 5);
        for (let i = 0; i < 6; i++) Y.set(i, rng.int(5), 1);
        const loss = await ce(s);
        await loss.call("forward", O, Y);
        const dLdO = await loss.call("backward");
        expect.matrix("dL/dO vs finite differences", dLdO, await numericalGradient(async (X) => (await ce(s)).call("forward", X, Y), O), FD_TOL);
      },
    },
    {
      problem: "2(d)",
      name: "throws when called before forward",
      run: async (s) => expect.throws("backward before forward", (await ce(s)).call("backward"), null, /^CrossEntropyLoss\.backward: call forward first$/),
    },
  ];
};
