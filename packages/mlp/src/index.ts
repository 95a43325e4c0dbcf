export { MLP0 } from "./mlp0.js";
export { MLP1 } from "./mlp1.js";
export { MLP4 } from "./mlp4.js";
export { type MLPOptions } from "./options.js";
