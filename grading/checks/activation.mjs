// Problem 4: the graded checks of Sigmoid, Tanh and ReLU. Reference values:
// PyTorch float64 autograd (packages/activation/fixtures/activation.json);
// the special inputs include 0, ±1e-3, ±30 and ±1000.
export default async ({ Matrix, createRng, expect, numericalGradient, fixturesOf, FD_TOL }) => {
  const fixture = await fixturesOf("packages/activation/fixtures/activation.json");
  const exact = { atol: 0, rtol: 0 };

  /** The checks every activation gets: forward, backward, finite differences, state. */
  function suite(problem, name, cases, special) {
    const make = (s) => s.create(`@mytorch/activation/${name.toLowerCase()}.js`, name);
    const shapeOf = (c) => `${c.H.length}×${c.H[0].length}`;
    return [
      ...special.map(([label, H, A, dAdH]) => ({
        problem,
        name: label,
        run: async (s) => {
          const f = await make(s);
          expect.matrix("A", await f.call("forward", Matrix.row(H)), Matrix.row(A), exact);
          expect.matrix("dA/dH", await f.call("backward"), Matrix.row(dAdH), exact);
        },
      })),
      ...cases.flatMap((c) => [
        {
          problem,
          name: `${name}.forward matches the reference for H ${shapeOf(c)}`,
          run: async (s) => expect.matrix("A", await (await make(s)).call("forward", Matrix.fromArray(c.H)), Matrix.fromArray(c.A)),
        },
        {
          problem,
          name: `${name}.backward (dA/dH) matches the reference for H ${shapeOf(c)}`,
          run: async (s) => {
            const f = await make(s);
            await f.call("forward", Matrix.fromArray(c.H));
            expect.matrix("dA/dH", await f.call("backward"), Matrix.fromArray(c.dAdH));
          },
        },
      ]),
      {
        problem,
        name: `${name}.backward agrees with finite differences (inputs away from 0)`,
        run: async (s) => {
          const H = Matrix.randn(4, 6, { rng: createRng(12) }).map((h) => (Math.abs(h) < 0.01 ? h + 0.1 : h));
          const f = await make(s);
          await f.call("forward", H);
          const dAdH = await f.call("backward");
          // Element-wise, so d(Σ A)/dH is dA/dH entry by entry.
          const sumOf = async (X) => {
            const A = await (await make(s)).call("forward", X);
            expect.shapeIs("A", A, X.rows, X.cols);
            return A.sum();
          };
          expect.matrix("dA/dH vs finite differences", dAdH, await numericalGradient(sumOf, H), FD_TOL);
        },
      },
      {
        problem,
        name: `${name}.backward uses the last forward's input`,
        run: async (s) => {
          const f = await make(s);
          await f.call("forward", Matrix.row([5, -5]));
          await f.call("forward", Matrix.row([0.5, -0.5]));
          const g = await make(s);
          await g.call("forward", Matrix.row([0.5, -0.5]));
          const expected = await g.call("backward");
          expect.shapeIs("dA/dH of a fresh activation", expected, 1, 2);
          expect.matrix("dA/dH", await f.call("backward"), expected);
        },
      },
      {
        problem,
        name: `${name}.backward before forward throws`,
        run: async (s) => expect.throws("backward before forward", (await make(s)).call("backward"), null, new RegExp(`^${name}\\.backward: call forward first$`)),
      },
    ];
  }

  return [
    ...suite("4(a)", "Sigmoid", fixture.sigmoid, [["σ(±1000) is exactly 1 and 0, with derivative 0, no NaN", [1000, -1000], [1, 0], [0, 0]]]),
    ...suite("4(b)", "Tanh", fixture.tanh, [["tanh(±1000) is exactly ±1, with derivative 0", [1000, -1000], [1, -1], [0, 0]]]),
    ...suite("4(c)", "ReLU", fixture.relu, [["ReLU'(0) = 0, as in PyTorch", [0, -0, 1e-300], [0, 0, 1e-300], [0, 0, 1]]]),
  ];
};
