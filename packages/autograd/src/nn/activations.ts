import type { Tensor } from "../tensor.js";
import { Module } from "./module.js";

/** max(x, 0) element-wise, as a module. */
export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return x.relu();
  }
}

/** σ(x) = 1 / (1 + e⁻ˣ) element-wise, as a module. */
export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return x.sigmoid();
  }
}

/** tanh x element-wise, as a module. */
export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return x.tanh();
  }
}

/** x unchanged (no op node is recorded). */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}

/** Softmax of each row, as a module. */
export class Softmax extends Module {
  forward(x: Tensor): Tensor {
    return x.softmax();
  }
}

/** Log-softmax of each row, as a module. */
export class LogSoftmax extends Module {
  forward(x: Tensor): Tensor {
    return x.logSoftmax();
  }
}
