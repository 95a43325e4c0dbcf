// Problem 5: the graded checks of MLP0, MLP1 and MLP4. Reference values:
// PyTorch float64 autograd through the same networks (packages/mlp/fixtures/mlp.json).
// The activations are identity and sin, provided by the grader's agent: no
// problem grades them, so Problem 5 does not depend on Problem 4.
export default async ({ Matrix, createRng, rng, activation, expect, numericalGradient, fixturesOf, FD_TOL }) => {
  const fixture = await fixturesOf("packages/mlp/fixtures/mlp.json");
  const PROBLEMS = { MLP0: ["5(a)", [3, 2]], MLP1: ["5(b)", [3, 5, 2]], MLP4: ["5(c)", [3, 6, 5, 4, 6, 2]] };

  /** new MLPk(...) from its widths (in, hidden…, out), as each constructor takes them. */
  function create(s, name, widths, options) {
    const args = name === "MLP0" ? [widths[0], widths[1]] : name === "MLP1" ? widths.slice(0, 3) : [widths[0], widths.slice(1, 5), widths[5]];
    return s.create(`@mytorch/mlp/${name.toLowerCase()}.js`, name, ...args, options);
  }
  const sines = (n) => [...Array(n - 1).fill("sin"), "identity"];

  /** The fixture's network with its weights assigned. */
  async function build(s, c) {
    const model = await create(s, c.model, c.widths, { rng: rng(0), activations: c.activations.map(activation) });
    for (let l = 0; l < c.W.length; l++) {
      await model.set(["layers", l, "W"], Matrix.fromArray(c.W[l]));
      await model.set(["layers", l, "b"], Matrix.fromArray(c.b[l]));
    }
    return model;
  }
  const caseName = (c) => `widths ${c.widths.join("→")}, ${c.activations.join("/")}, N = ${c.X.length}`;

  return Object.entries(PROBLEMS).flatMap(([name, [problem, widths]]) => {
    const layerCount = widths.length - 1;
    const make = (s) => create(s, name, widths, { rng: rng(1), activations: sines(layerCount).map(activation) });
    return [
      {
        problem,
        name: `has ${layerCount} Linear layer(s) and one activation per layer`,
        run: async (s) => {
          const model = await make(s);
          const layers = await model.get("layers");
          const activations = await model.get("activations");
          expect.truth(Array.isArray(layers) && layers.length === layerCount, `layers: expected ${layerCount} Linear layers, got ${expect.describe(layers)}${Array.isArray(layers) ? ` of length ${layers.length}` : ""}`);
          expect.truth(Array.isArray(activations) && activations.length === layerCount, `activations: expected ${layerCount}, got ${Array.isArray(activations) ? activations.length : expect.describe(activations)}`);
        },
      },
      ...fixture.cases.filter((c) => c.model === name).flatMap((c) => [
        {
          problem,
          name: `${name}.forward matches the reference (${caseName(c)})`,
          run: async (s) => expect.matrix("output", await (await build(s, c)).call("forward", Matrix.fromArray(c.X)), Matrix.fromArray(c.output)),
        },
        {
          problem,
          name: `${name}.backward matches the reference (${caseName(c)})`,
          run: async (s) => {
            const model = await build(s, c);
            await model.call("forward", Matrix.fromArray(c.X));
            expect.matrix("dL/dX", await model.call("backward", Matrix.fromArray(c.dLdA)), Matrix.fromArray(c.dLdX));
            for (let l = 0; l < c.W.length; l++) {
              expect.matrix(`layer ${l} dLdW`, await model.get("layers", l, "dLdW"), Matrix.fromArray(c.dLdW[l]));
              expect.matrix(`layer ${l} dLdb`, await model.get("layers", l, "dLdb"), Matrix.fromArray(c.dLdb[l]));
            }
          },
        },
      ]),
      {
        problem,
        name: `${name}.backward agrees with finite differences of L = Σ output ⊙ G`,
        run: async (s) => {
          const r = createRng(21);
          const model = await make(s);
          const Ws = [];
          const bs = [];
          for (let l = 0; l < layerCount; l++) {
            const W = await model.get("layers", l, "W");
            expect.shapeIs(`layer ${l} W`, W, widths[l], widths[l + 1]);
            Ws.push(W);
            bs.push(Matrix.randn(1, widths[l + 1], { rng: r, std: 0.5 }));
            await model.set(["layers", l, "b"], bs[l]);
          }
          const X = Matrix.randn(3, widths[0], { rng: r });
          const G = Matrix.randn(3, widths.at(-1), { rng: r });
          await model.call("forward", X);
          const dLdX = await model.call("backward", G);
          const grads = [];
          for (let l = 0; l < layerCount; l++) grads.push([await model.get("layers", l, "dLdW"), await model.get("layers", l, "dLdb")]);
          const loss = async (X_) => {
            const out = await model.call("forward", X_);
            expect.shapeIs("output", out, X_.rows, widths.at(-1));
            return out.mul(G).sum();
          };
          expect.matrix("dL/dX vs finite differences", dLdX, await numericalGradient(loss, X), FD_TOL);
          for (let l = 0; l < layerCount; l++) {
            const withParameter = (key, value) => async (P) => {
              await model.set(["layers", l, key], P);
              const L = await loss(X);
              await model.set(["layers", l, key], value);
              return L;
            };
            expect.matrix(`layer ${l} dLdW vs finite differences`, grads[l][0], await numericalGradient(withParameter("W", Ws[l]), Ws[l]), FD_TOL);
            expect.matrix(`layer ${l} dLdb vs finite differences`, grads[l][1], await numericalGradient(withParameter("b", bs[l]), bs[l]), FD_TOL);
          }
        },
      },
    ];
  });
};
