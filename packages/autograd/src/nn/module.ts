import { Tensor } from "../tensor.js";

/**
 * A building block of a network (as PyTorch's nn.Module): `forward` maps a
 * tensor to a tensor, `parameters()` lists the tensors an optimizer trains.
 *
 * parameters() finds them by itself: every field that is a Tensor requiring
 * a gradient, and the parameters of every field that is a Module or an array
 * of Modules, in the order the fields were set, each tensor once.
 */
export abstract class Module {
  abstract forward(x: Tensor): Tensor;

  parameters(): Tensor[] {
    const found = new Set<Tensor>();
    const visit = (value: unknown): void => {
      if (value instanceof Tensor) {
        if (value.requiresGrad) found.add(value);
      } else if (value instanceof Module) {
        for (const p of value.parameters()) found.add(p);
      } else if (Array.isArray(value)) {
        for (const item of value) if (item instanceof Module || item instanceof Tensor) visit(item);
      }
    };
    for (const value of Object.values(this)) visit(value);
    return [...found];
  }

  /** Forgets the gradient of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }
}
