export { SGD, type HasLayers, type LayerParameters } from "./sgd.js";
