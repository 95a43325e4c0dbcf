export { type Activation } from "./activation.js";
export { Identity } from "./identity.js";
export { Sigmoid } from "./sigmoid.js";
export { Tanh } from "./tanh.js";
export { ReLU } from "./relu.js";
