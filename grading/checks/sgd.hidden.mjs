// Problem 3, hidden checks: never handed out.
export default async ({ Matrix, createRng, expect }) => [
  {
    problem: "3",
    name: "five momentum steps on two layers match v ← μv + g, P ← P − lr·v written out per entry",
    run: async (s) => {
      const rng = createRng(51);
      const lr = 0.03, mu = 0.7;
      const shapes = [[2, 3], [3, 1]];
      const params = shapes.flatMap(([d, h]) => [Matrix.randn(d, h, { rng }), Matrix.randn(1, h, { rng })]);
      const layers = [];
      for (let l = 0; l < shapes.length; l++) {
        const [W, b] = [params[2 * l], params[2 * l + 1]];
        layers.push(await s.object({ W, b, dLdW: Matrix.zeros(W.rows, W.cols), dLdb: Matrix.zeros(1, b.cols) }));
      }
      // The expected trajectory, kept here.
      const expected = params.map((p) => Array.from(p.data));
      const velocity = expected.map((p) => p.map(() => 0));
      const optimizer = await s.create("@mytorch/optim/sgd.js", "SGD", { layers }, lr, mu);
      for (let step = 0; step < 5; step++) {
        const grads = params.map((p) => Matrix.randn(p.rows, p.cols, { rng }));
        for (let l = 0; l < layers.length; l++) {
          await layers[l].set("dLdW", grads[2 * l]);
          await layers[l].set("dLdb", grads[2 * l + 1]);
        }
        expected.forEach((p, q) => p.forEach((_, k) => {
          velocity[q][k] = mu * velocity[q][k] + grads[q].data[k];
          p[k] -= lr * velocity[q][k];
        }));
        await optimizer.call("step");
      }
      for (let l = 0; l < layers.length; l++) {
        const [W, b] = [params[2 * l], params[2 * l + 1]];
        expect.matrix(`layer ${l} W`, await layers[l].get("W"), new Matrix(W.rows, W.cols, Float64Array.from(expected[2 * l])));
        expect.matrix(`layer ${l} b`, await layers[l].get("b"), new Matrix(1, b.cols, Float64Array.from(expected[2 * l + 1])));
      }
    },
  },
];
