// Problem 2(a), 2(b), hidden checks: never handed out.
export default async ({ Matrix, createRng, expect, FD_TOL }) => {
  const mse = (s) => s.create("@mytorch/loss/mse-loss.js", "MSELoss");
  /** Σ (O − Y)² / (N·q) by a loop. */
  const reference = (O, Y) => O.data.reduce((sum, o, k) => sum + (o - Y.data[k]) ** 2, 0) / O.data.length;
  return [
    {
      problem: "2(a)",
      name: "equals Σ (O − Y)² / (N·q) summed by a loop, 7×3",
      run: async (s) => {
        const rng = createRng(31);
        const O = Matrix.randn(7, 3, { rng }), Y = Matrix.randn(7, 3, { rng });
        expect.number("loss", await (await mse(s)).call("forward", O, Y), reference(O, Y));
      },
    },
    {
      problem: "2(b)",
      name: "dL/dO = 2(O − Y)/(N·q) entry by entry on a 2×9 batch",
      run: async (s) => {
        const rng = createRng(32);
        const O = Matrix.randn(2, 9, { rng }), Y = Matrix.randn(2, 9, { rng });
        const loss = await mse(s);
        await loss.call("forward", O, Y);
        const expected = new Matrix(2, 9, O.data.map((o, k) => (2 * (o - Y.data[k])) / 18));
        expect.matrix("dL/dO", await loss.call("backward"), expected, FD_TOL);
      },
    },
  ];
};
