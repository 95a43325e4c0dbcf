// Problem 3: the graded checks of SGD. Reference trajectories: torch.optim.SGD
// in float64 (packages/optim/fixtures/sgd.json). The layers are plain holders
// made in the student's process, so Problem 3 does not depend on Problem 1.
export default async ({ Matrix, expect, fixturesOf }) => {
  const fixture = await fixturesOf("packages/optim/fixtures/sgd.json");
  const holder = (s, W, b) => s.object({ W, b, dLdW: Matrix.zeros(W.rows, W.cols), dLdb: Matrix.zeros(b.rows, b.cols) });
  const sgd = (s, layers, ...settings) => s.create("@mytorch/optim/sgd.js", "SGD", { layers }, ...settings);

  return [
    {
      problem: "3",
      name: "by hand: W = 1, dLdW = 2, lr = 0.1 gives W = 0.8; b likewise",
      run: async (s) => {
        const layer = await holder(s, Matrix.row([1]), Matrix.row([0]));
        await layer.set("dLdW", Matrix.row([2]));
        await layer.set("dLdb", Matrix.row([-1]));
        await (await sgd(s, [layer], 0.1)).call("step");
        expect.matrix("W", await layer.get("W"), Matrix.row([0.8]));
        expect.matrix("b", await layer.get("b"), Matrix.row([0.1]));
      },
    },
    ...fixture.cases.map((c) => ({
      problem: "3",
      name: `matches torch.optim.SGD over ${c.steps.length} steps: lr ${c.lr}, momentum ${c.momentum}, W ${c.initial.map((p) => `${p.W.length}×${p.W[0].length}`).join(", ")}`,
      run: async (s) => {
        const layers = [];
        for (const p of c.initial) layers.push(await holder(s, Matrix.fromArray(p.W), Matrix.fromArray(p.b)));
        const optimizer = await sgd(s, layers, c.lr, c.momentum);
        for (const [step, st] of c.steps.entries()) {
          for (const [l, layer] of layers.entries()) {
            await layer.set("dLdW", Matrix.fromArray(st.grads[l].dLdW));
            await layer.set("dLdb", Matrix.fromArray(st.grads[l].dLdb));
          }
          await optimizer.call("step");
          for (const [l, layer] of layers.entries()) {
            expect.matrix(`step ${step + 1}, layer ${l} W`, await layer.get("W"), Matrix.fromArray(st.after[l].W));
            expect.matrix(`step ${step + 1}, layer ${l} b`, await layer.get("b"), Matrix.fromArray(st.after[l].b));
          }
        }
      },
    })),
    {
      problem: "3",
      name: "defaults to lr 0.1 and momentum 0",
      run: async (s) => {
        const optimizer = await sgd(s, []);
        expect.number("lr", await optimizer.get("lr"), 0.1, { atol: 0, rtol: 0 });
        expect.number("momentum", await optimizer.get("momentum"), 0, { atol: 0, rtol: 0 });
      },
    },
  ];
};
