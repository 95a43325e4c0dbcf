export { Module } from "./module.js";
export { Linear, type LinearOptions } from "./linear.js";
export { initializers, resolveInitializer, type Initializer, type InitializerName } from "./init.js";
export { ReLU, Sigmoid, Tanh, Identity, Softmax, LogSoftmax } from "./activations.js";
export { Sequential } from "./sequential.js";
export { mseLoss, crossEntropyLoss, MSELoss, CrossEntropyLoss, type Reduction } from "./losses.js";
