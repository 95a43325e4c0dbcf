// Problem 4, hidden checks: never handed out. φ and φ' are computed here.
export default async ({ Matrix, createRng, expect }) => {
  const H = Matrix.randn(9, 4, { rng: createRng(61), std: 4 });
  const sigma = (h) => (h >= 0 ? 1 / (1 + Math.exp(-h)) : Math.exp(h) / (1 + Math.exp(h)));
  const check = (problem, name, f, df) => ({
    problem,
    name: `${name} forward and backward match φ and φ' entry by entry on a 9×4 batch`,
    run: async (s) => {
      const act = await s.create(`@mytorch/activation/${name.toLowerCase()}.js`, name);
      expect.matrix("A", await act.call("forward", H), H.map(f));
      expect.matrix("dA/dH", await act.call("backward"), H.map(df));
    },
  });
  return [
    check("4(a)", "Sigmoid", sigma, (h) => sigma(h) * (1 - sigma(h))),
    check("4(b)", "Tanh", Math.tanh, (h) => 1 - Math.tanh(h) ** 2),
    check("4(c)", "ReLU", (h) => (h > 0 ? h : 0), (h) => (h > 0 ? 1 : 0)),
  ];
};
