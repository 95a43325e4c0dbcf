import { Matrix, compareMatrices, createRng, numericalGradient, shapeOf } from "@mytorch/matrix";
import { noGrad } from "./apply.js";
import { Tensor } from "./tensor.js";

/** Options of gradcheck. */
export interface GradcheckOptions {
  /** Finite-difference step (default 1e-6). */
  h?: number;
  /** Absolute tolerance (default 1e-6). */
  atol?: number;
  /** Relative tolerance, against the finite difference (default 1e-5). */
  rtol?: number;
  /** Seed of the random projection used when f's output is not 1×1 (default 0). */
  seed?: number;
}

/** What gradcheck found for one input. */
export interface GradcheckInput {
  index: number;
  shape: string;
  /** Largest |backward − finite difference| over the input's entries. */
  maxError: number;
  pass: boolean;
  /** Where the worst entry is, with both values. */
  message: string;
}

/** What gradcheck found, in words a student can act on. */
export interface GradcheckReport {
  /** True when every input's gradient is within tolerance. */
  pass: boolean;
  /** Largest |backward − finite difference| over all inputs. */
  maxError: number;
  /** The rule, written out: |backward − numeric| ≤ atol + rtol·|numeric|. */
  tolerance: string;
  inputs: GradcheckInput[];
  /** One line for a passing check, one per failing input otherwise. */
  message: string;
}

/**
 * Checks an op (or any function of tensors) against central finite differences:
 *
 *   ∂L/∂xₖ ≈ (L(x + h·eₖ) − L(x − h·eₖ)) / 2h   for every entry k of every input,
 *
 * where L = f(...) when f returns a 1×1 tensor and L = Σ f(...) ⊙ G with a
 * fixed random G (seeded) otherwise, so every output entry is tested. The
 * gradients from backward are compared entry by entry with
 * |backward − numeric| ≤ atol + rtol·|numeric|.
 *
 * `inputs` are matrices (each becomes a leaf tensor that requires a gradient)
 * or tensors (their values are used; those with requiresGrad false are held
 * constant). The values are perturbed in place and restored.
 *
 *   const report = gradcheck((a, b) => a.mul(b).sum(), [Matrix.randn(2, 3), Matrix.randn(2, 3)]);
 *   report.pass; report.maxError; report.message;
 */
export function gradcheck(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly (Tensor | Matrix)[],
  options: GradcheckOptions = {},
): GradcheckReport {
  const { h = 1e-6, atol = 1e-6, rtol = 1e-5, seed = 0 } = options;
  const leaves = inputs.map((x, k) => {
    if (x instanceof Tensor) return new Tensor(x.value, { requiresGrad: x.requiresGrad, name: x.name });
    if (x instanceof Matrix) return new Tensor(x, { requiresGrad: true });
    throw new TypeError(`gradcheck: input ${k} must be a Tensor or a Matrix, got ${typeof x}`);
  });
  if (!leaves.some((leaf) => leaf.requiresGrad)) throw new Error("gradcheck: no input requires a gradient, nothing to check");

  // Analytical gradients: one backward from L.
  const output = f(...leaves);
  if (!(output instanceof Tensor)) throw new TypeError("gradcheck: f must return a Tensor");
  if (!output.requiresGrad) throw new Error("gradcheck: f's output does not depend on any input (no graph was recorded)");
  const projection = output.rows === 1 && output.cols === 1 ? null : Matrix.randn(output.rows, output.cols, { rng: createRng(seed) });
  output.backward(projection === null ? {} : { gradient: projection });

  // L as a plain number, for the finite differences.
  const loss = (): number =>
    noGrad(() => {
      const value = f(...leaves).value;
      return projection === null ? value.data[0]! : value.mul(projection).sum();
    });

  const reports: GradcheckInput[] = [];
  let tolerance = "";
  leaves.forEach((leaf, index) => {
    if (!leaf.requiresGrad) return;
    const analytical = leaf.grad;
    const numerical = numericalGradient(loss, leaf.value, h);
    const comparison = compareMatrices(analytical, numerical, { atol, rtol });
    tolerance = inWords(comparison.tolerance);
    reports.push({
      index,
      shape: shapeOf(leaf.value),
      maxError: comparison.maxAbsDiff,
      pass: comparison.ok,
      message: `input ${index} (${shapeOf(leaf.value)}): ${inWords(comparison.message)}`,
    });
  });
  const pass = reports.every((r) => r.pass);
  const maxError = Math.max(...reports.map((r) => r.maxError));
  const message = pass
    ? `gradcheck passed: max |backward − numeric| = ${maxError.toExponential(2)} over ${reports.length} input(s); tolerance ${tolerance}`
    : "gradcheck failed:\n" + reports.filter((r) => !r.pass).map((r) => "  " + r.message).join("\n");
  return { pass, maxError, tolerance, inputs: reports, message };
}

/** compareMatrices speaks of "got" and "expected"; here they are backward and the finite difference. */
function inWords(text: string): string {
  return text.replace(/\bgot\b/g, "backward").replace(/\bexpected\b/g, "numeric");
}
