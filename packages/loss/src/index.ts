export { MSELoss } from "./mse-loss.js";
export { CrossEntropyLoss } from "./cross-entropy-loss.js";
export { checkLossInputs } from "./check-inputs.js";
