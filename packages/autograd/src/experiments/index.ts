export { vugradSynthetic, VUGRAD_Q, VUGRAD_THRESHOLD, type LabeledSplit, type VugradSyntheticOptions } from "./vugrad-synthetic.js";
export {
  trainClassifier,
  accuracyOf,
  type TrainClassifierOptions,
  type TrainClassifierResult,
  type EpochResult,
} from "./train-classifier.js";
