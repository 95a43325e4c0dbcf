export { SGD, type HasLayers } from "./sgd.js";
