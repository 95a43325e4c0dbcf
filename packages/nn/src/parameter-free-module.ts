import { ShapeError, shapeOf, type Matrix } from "@mytorch/matrix";
import type { Module, Parameter } from "./module.js";

/**
 * What every module without parameters shares (activations, Dropout): the
 * train/eval mode, an empty parameters(), and backward's check that dL/dOut has
 * the shape of the last forward's output (element-wise modules keep the shape).
 */
export abstract class ParameterFreeModule implements Module {
  training = true;
  private lastShape: [number, number] | null = null;

  constructor(readonly name: string) {}

  abstract forward(X: Matrix, out?: Matrix): Matrix;
  abstract backward(dLdOut: Matrix, out?: Matrix): Matrix;

  /** Nothing to fill: without parameters, a backward whose dL/dX nobody needs is no work at all. */
  backwardParameters(dLdOut: Matrix): void {
    this.checkGradient(dLdOut, "dLdOut");
  }

  /** Call at the start of forward with its input (same shape as the output). */
  protected rememberShape(X: Matrix): void {
    this.lastShape = [X.rows, X.cols];
  }

  /** Call at the start of backward: throws unless forward ran and dLdOut has its output's shape. */
  protected checkGradient(dLdOut: Matrix, gradName: string): void {
    if (this.lastShape === null) throw new Error(`${this.name}.backward: call forward first`);
    const [rows, cols] = this.lastShape;
    if (dLdOut.rows !== rows || dLdOut.cols !== cols) {
      throw new ShapeError(`${this.name}.backward: ${gradName} must be ${rows}×${cols} (the shape of the last output), got ${shapeOf(dLdOut)}`);
    }
  }

  parameters(): Parameter[] {
    return [];
  }

  train(): this {
    this.training = true;
    return this;
  }

  eval(): this {
    this.training = false;
    return this;
  }
}
