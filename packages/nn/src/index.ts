export { type Module, type Parameter, liveParameter } from "./module.js";
export { type InitName, INIT_NAMES, initVariance, initWeight } from "./init.js";
export { Linear, type LinearOptions } from "./linear.js";
export { ActivationModule, ReLU, Tanh, Sigmoid, Identity } from "./activations.js";
export { Sequential } from "./sequential.js";
export { Dropout, type DropoutOptions } from "./dropout.js";
export * as optim from "./optim/index.js";
export { Adam, type AdamOptions } from "./optim/adam.js";
export { SGD as ModuleSGD, type SGDOptions } from "./optim/sgd.js";
export { Optimizer } from "./optim/optimizer.js";
export { MSELoss } from "@mytorch/loss";
export { CrossEntropyLoss } from "./cross-entropy-loss.js";
export { CIRCLE_CENTRE, CIRCLE_RADIUS, circleLabel, generateCirclePoints, signAccuracy, type LabelledPoints } from "./circle-data.js";
export {
  CIRCLE_TABLE, circleModel, circleDatasets, trainCircleRun, runCircleExperiment, formatCircleTable,
  type CircleRunSpec, type CircleRow, type CircleOptions,
} from "./circle.js";
export { decisionBoundarySvg, type DecisionBoundaryOptions } from "./decision-boundary-svg.js";
