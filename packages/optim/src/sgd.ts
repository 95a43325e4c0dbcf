import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
/** What SGD needs of a layer: its parameters and their gradients. A Linear is one. */
export interface LayerParameters {
  W: Matrix;
  b: Matrix;
  dLdW: Matrix;
  dLdb: Matrix;
}

/** Anything with a list of layers: an MLP, or { layers: [linear] }. */
export interface HasLayers {
  layers: LayerParameters[];
}

/**
 * Stochastic gradient descent with momentum (Problem 3), as PyTorch's SGD
 * with dampening 0. For every layer and each parameter P ∈ {W, b}:
 *   v ← μ·v + dL/dP,   P ← P − lr·v        (v starts at 0; μ = 0 gives P ← P − lr·dL/dP)
 * W and b are updated in place.
 */
export class SGD {
  readonly model: HasLayers;
  readonly lr: number;
  readonly momentum: number;
  /** Velocities, one pair per layer, created on the first step. */
  private readonly velocities = new Map<LayerParameters, { vW: Matrix; vb: Matrix }>();

  constructor(model: HasLayers, lr = 0.1, momentum = 0) {
    if (!Number.isFinite(lr) || lr < 0) throw new RangeError(`SGD: invalid learning rate: ${lr} (must be ≥ 0)`);
    if (!Number.isFinite(momentum) || momentum < 0 || momentum >= 1) {
      throw new RangeError(`SGD: invalid momentum: ${momentum} (must be in [0, 1))`);
    }
    this.model = model;
    this.lr = lr;
    this.momentum = momentum;
  }

  /** One update of every layer's W and b against its dLdW and dLdb. */
  step(): void {
    this.model.layers.forEach((layer, index) => {
      checkGradient(`SGD.step: layer ${index} dLdW`, layer.dLdW, layer.W);
      checkGradient(`SGD.step: layer ${index} dLdb`, layer.dLdb, layer.b);
      // BEGIN SOLUTION
      const v = this.velocityOf(layer); // this layer's velocities, zeros at first
      v.vW.scaleInPlace(this.momentum).addScaledInPlace(layer.dLdW, 1); // v_W ← μ·v_W + dL/dW
      v.vb.scaleInPlace(this.momentum).addScaledInPlace(layer.dLdb, 1); // v_b ← μ·v_b + dL/db
      layer.W.addScaledInPlace(v.vW, -this.lr); //                         W ← W − lr·v_W
      layer.b.addScaledInPlace(v.vb, -this.lr); //                         b ← b − lr·v_b
      // END SOLUTION
    });
  }

  /** The layer's velocity buffers (zeros at first; reset if W or b changed shape). */
  private velocityOf(layer: LayerParameters): { vW: Matrix; vb: Matrix } {
    let v = this.velocities.get(layer);
    if (v === undefined || v.vW.rows !== layer.W.rows || v.vW.cols !== layer.W.cols || v.vb.cols !== layer.b.cols) {
      v = { vW: Matrix.zeros(layer.W.rows, layer.W.cols), vb: Matrix.zeros(layer.b.rows, layer.b.cols) };
      this.velocities.set(layer, v);
    }
    return v;
  }
}

function checkGradient(what: string, gradient: Matrix, parameter: Matrix): void {
  if (gradient.rows !== parameter.rows || gradient.cols !== parameter.cols) {
    throw new ShapeError(`${what} must have the shape of the parameter (${shapeOf(parameter)}), got ${shapeOf(gradient)}`);
  }
  const bad = gradient.findNonFinite();
  if (bad !== null) throw new RangeError(`${what} must be finite, got ${bad.value} at (${bad.i}, ${bad.j})`);
}
