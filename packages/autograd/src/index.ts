export { Tensor, tensor, type TensorLike, type TensorOptions, type BackwardOptions } from "./tensor.js";
export { OpNode, type Op } from "./op.js";
export { apply, defineOp, noGrad, isGradEnabled, toTensor, type OpFunction } from "./apply.js";
export { topologicalOrder } from "./backpropagate.js";
export { gradcheck, type GradcheckOptions, type GradcheckReport, type GradcheckInput } from "./gradcheck.js";
export { graphToSvg, type GraphSvgOptions } from "./graph-svg.js";
export * from "./ops/index.js";
/** Modules, initialisers and losses on tensors: nn.Linear, nn.Sequential, nn.crossEntropyLoss, … */
export * as nn from "./nn/index.js";
/** Optimizers over tensors: optim.SGD, optim.Adam. */
export * as optim from "./optim/index.js";
export * from "./experiments/index.js";
