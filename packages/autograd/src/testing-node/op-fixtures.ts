// Test helpers shared by the op suites (not part of the build).
import { expect, it } from "vitest";
import { Matrix, assertClose, createRng, shapeOf } from "@mytorch/matrix";
import { gradcheck, type GradcheckOptions } from "../gradcheck.js";
import { Tensor } from "../tensor.js";

/** One PyTorch float64 case of fixtures-gen/autograd.py: L = Σ output ⊙ G. */
export interface OpCase {
  inputs: number[][][];
  options: Record<string, unknown>;
  G: number[][];
  output: number[][];
  grads: number[][][];
}

/** Against PyTorch float64: |got − expected| ≤ 1e-12 + 1e-12·|expected|. */
export const TORCH_TOL = { atol: 1e-12, rtol: 1e-12 };
/** Against central finite differences (h = 1e-6): |backward − numeric| ≤ 1e-7 + 1e-7·|numeric|. */
export const FD_TOL: GradcheckOptions = { atol: 1e-7, rtol: 1e-7 };

function describeCase(c: OpCase): string {
  const shapes = c.inputs.map((x) => shapeOf({ rows: x.length, cols: x[0]?.length ?? 0 })).join(", ");
  const options = Object.entries(c.options).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
  return [shapes, ...options].join(", ");
}

/**
 * One test per fixture case: the output and ∂L/∂input for every input, from
 * a backward started at G, against PyTorch's autograd.
 */
export function torchCases(cases: readonly OpCase[], run: (inputs: Tensor[], options: Record<string, unknown>) => Tensor): void {
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    it(`matches PyTorch float64 (${describeCase(c)})`, () => {
      const inputs = c.inputs.map((x) => new Tensor(Matrix.fromArray(x)));
      const output = run(inputs, c.options);
      assertClose("output", output.value, Matrix.fromArray(c.output), TORCH_TOL);
      output.backward({ gradient: Matrix.fromArray(c.G) });
      inputs.forEach((x, k) => assertClose(`∂L/∂(input ${k})`, x.grad, Matrix.fromArray(c.grads[k]!), TORCH_TOL));
    });
  }
}

/** gradcheck must pass at FD_TOL (or the given options); its message is shown otherwise. */
export function expectGradcheck(f: (...inputs: Tensor[]) => Tensor, inputs: (Tensor | Matrix)[], options: GradcheckOptions = FD_TOL): void {
  const report = gradcheck(f, inputs, options);
  expect(report.pass, report.message).toBe(true);
  expect(report.inputs.length).toBeGreaterThan(0);
}

/** A seeded N(0, 1) matrix. */
export function randn(rows: number, cols: number, seed = rows * 100 + cols): Matrix {
  return Matrix.randn(rows, cols, { rng: createRng(seed) });
}

/** A seeded matrix with entries in [0.5, 1.5) (safe for log, division, fractional powers). */
export function positive(rows: number, cols: number, seed = rows * 100 + cols + 7): Matrix {
  return Matrix.rand(rows, cols, { rng: createRng(seed), low: 0.5, high: 1.5 });
}
