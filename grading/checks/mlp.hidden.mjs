// Problem 5, hidden checks: never handed out. The network's output is
// computed here, loop by loop, and differentiated by central differences.
export default async ({ Matrix, createRng, rng, activation, expect, numericalGradient, FD_TOL }) => {
  const NETWORKS = [["5(a)", "MLP0", [4, 2]], ["5(b)", "MLP1", [2, 7, 3]], ["5(c)", "MLP4", [3, 4, 2, 5, 3, 2]]];

  /** Σ output ⊙ G of the network (sin after hidden layers, identity last), by loops. */
  function referenceLoss(X, Ws, bs, G) {
    let A = X;
    Ws.forEach((W, l) => {
      const H = Matrix.zeros(A.rows, W.cols);
      for (let n = 0; n < A.rows; n++) {
        for (let j = 0; j < W.cols; j++) {
          let sum = bs[l].get(0, j);
          for (let k = 0; k < A.cols; k++) sum += A.get(n, k) * W.get(k, j);
          H.set(n, j, l < Ws.length - 1 ? Math.sin(sum) : sum);
        }
      }
      A = H;
    });
    return A.mul(G).sum();
  }

  return NETWORKS.map(([problem, name, widths]) => ({
    problem,
    name: `${name} ${widths.join("→")} with sin activations agrees with finite differences of a loop-by-loop forward`,
    run: async (s) => {
      const r = createRng(71);
      const n = widths.length - 1;
      const args = name === "MLP0" ? [widths[0], widths[1]] : name === "MLP1" ? widths.slice(0, 3) : [widths[0], widths.slice(1, 5), widths[5]];
      const acts = [...Array(n - 1).fill("sin"), "identity"].map(activation);
      const model = await s.create(`@mytorch/mlp/${name.toLowerCase()}.js`, name, ...args, { rng: rng(2), activations: acts });
      const Ws = [];
      const bs = [];
      for (let l = 0; l < n; l++) {
        Ws.push(Matrix.randn(widths[l], widths[l + 1], { rng: r }));
        bs.push(Matrix.randn(1, widths[l + 1], { rng: r }));
        await model.set(["layers", l, "W"], Ws[l]);
        await model.set(["layers", l, "b"], bs[l]);
      }
      const X = Matrix.randn(4, widths[0], { rng: r });
      const G = Matrix.randn(4, widths.at(-1), { rng: r });
      await model.call("forward", X);
      expect.matrix("dL/dX", await model.call("backward", G), await numericalGradient(async (X_) => referenceLoss(X_, Ws, bs, G), X), FD_TOL);
      for (let l = 0; l < n; l++) {
        const dLdW = await numericalGradient(async (W) => referenceLoss(X, Ws.map((w, i) => (i === l ? W : w)), bs, G), Ws[l]);
        expect.matrix(`layer ${l} dLdW`, await model.get("layers", l, "dLdW"), dLdW, FD_TOL);
      }
    },
  }));
};
