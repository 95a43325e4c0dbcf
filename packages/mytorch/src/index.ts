// MyTorch: everything in one import.
//   import { Linear, MSELoss, SGD, MLP1, Matrix } from "mytorch";
export * from "@mytorch/matrix";
export * from "@mytorch/linear";
export * from "@mytorch/loss";
export * from "@mytorch/optim";
export * from "@mytorch/activation";
export * from "@mytorch/mlp";
export * from "@mytorch/data";
export * from "@mytorch/plot";
export { fit, type FitOptions, type EpochStats, type BatchInfo, type History, type Optimizer } from "./fit.js";
export { evaluate, type Model, type Criterion, type TrainingData } from "./evaluate.js";
// BEGIN EXTENSION (@mytorch/nn is not part of the student handout)
export * as nn from "@mytorch/nn";
// END EXTENSION
