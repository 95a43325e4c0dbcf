// Problem 2(a), 2(b): the graded checks of MSELoss. Reference values: PyTorch
// float64, F.mse_loss(reduction="mean") (packages/loss/fixtures/loss.json).
export default async ({ Matrix, createRng, expect, numericalGradient, fixturesOf, FD_TOL }) => {
  const fixture = await fixturesOf("packages/loss/fixtures/loss.json");
  const mse = (s) => s.create("@mytorch/loss/mse-loss.js", "MSELoss");
  const shapeOf = (rows) => `${rows.length}×${rows[0].length}`;

  return [
    {
      problem: "2(a)",
      name: "by hand: O = [[1, 2], [3, 4]], Y = 0 gives (1 + 4 + 9 + 16) / (2·2) = 7.5",
      run: async (s) => expect.number("loss", await (await mse(s)).call("forward", Matrix.fromArray([[1, 2], [3, 4]]), Matrix.zeros(2, 2)), 7.5, { atol: 0, rtol: 0 }),
    },
    ...fixture.mse.map((c) => ({
      problem: "2(a)",
      name: `matches the reference for ${shapeOf(c.O)} (÷ N·q)`,
      run: async (s) => expect.number("loss", await (await mse(s)).call("forward", Matrix.fromArray(c.O), Matrix.fromArray(c.Y)), c.loss),
    })),
    {
      problem: "2(a)",
      name: "throws ShapeError when Y and O differ in shape",
      run: async (s) => expect.throws("forward of 4×3 and 4×2", (await mse(s)).call("forward", Matrix.zeros(4, 3), Matrix.zeros(4, 2)), "ShapeError", /^MSELoss\.forward: Y must have the shape of O \(4×3\), got 4×2$/),
    },
    {
      problem: "2(a)",
      name: "throws on an empty batch and on non-finite inputs instead of returning NaN",
      run: async (s) => {
        await expect.throws("forward of 0×3", (await mse(s)).call("forward", Matrix.zeros(0, 3), Matrix.zeros(0, 3)), null, /^MSELoss\.forward: needs at least one row and one column, got 0×3$/);
        await expect.throws("forward with a NaN", (await mse(s)).call("forward", Matrix.row([1, NaN]), Matrix.row([0, 0])), null, /^MSELoss\.forward: O must be finite, got NaN at \(0, 1\)$/);
      },
    },
    ...fixture.mse.map((c) => ({
      problem: "2(b)",
      name: `dL/dO matches the reference for ${shapeOf(c.O)}`,
      run: async (s) => {
        const loss = await mse(s);
        await loss.call("forward", Matrix.fromArray(c.O), Matrix.fromArray(c.Y));
        expect.matrix("dL/dO", await loss.call("backward"), Matrix.fromArray(c.dLdO));
      },
    })),
    {
      problem: "2(b)",
      name: "agrees with finite differences of forward",
      run: async (s) => {
        const rng = createRng(3);
        const O = Matrix.randn(5, 3, { rng }), Y = Matrix.randn(5, 3, { rng });
        const loss = await mse(s);
        await loss.call("forward", O, Y);
        const dLdO = await loss.call("backward");
        expect.matrix("dL/dO vs finite differences", dLdO, await numericalGradient(async (X) => (await mse(s)).call("forward", X, Y), O), FD_TOL);
      },
    },
    {
      problem: "2(b)",
      name: "throws when called before forward",
      run: async (s) => expect.throws("backward before forward", (await mse(s)).call("backward"), null, /^MSELoss\.backward: call forward first$/),
    },
  ];
};
