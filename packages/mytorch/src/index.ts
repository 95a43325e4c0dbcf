// MyTorch: everything in one import.
//   import { Linear, MSELoss, SGD, MLP1, Matrix } from "mytorch";
export * from "@mytorch/matrix";
export * from "@mytorch/linear";
export * from "@mytorch/loss";
export * from "@mytorch/optim";
export * from "@mytorch/activation";
export * from "@mytorch/mlp";
