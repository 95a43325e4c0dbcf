import type { Tensor } from "../tensor.js";
import { Module } from "./module.js";

/**
 * Modules applied one after another: forward(x) = mₖ(… m₂(m₁(x))).
 *
 *   const model = new Sequential(new Linear(2, 10), new ReLU(), new Linear(10, 1));
 */
export class Sequential extends Module {
  readonly layers: Module[];

  constructor(...layers: Module[]) {
    super();
    layers.forEach((layer, k) => {
      if (!(layer instanceof Module)) throw new TypeError(`Sequential: argument ${k} must be a Module`);
    });
    this.layers = layers;
  }

  forward(x: Tensor): Tensor {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out;
  }
}
