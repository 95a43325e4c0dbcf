// @mytorch/data: data sets, minibatches and accuracy; browser-safe.
// Reading from disk (fs, zlib) lives in "@mytorch/data/node".
export { DataError } from "./data-error.js";
export { parseIdx, encodeIdx, type IdxArray } from "./idx.js";
export { memoryFileSource, type FileSource } from "./file-source.js";
export { Dataset } from "./dataset.js";
export { oneHot } from "./one-hot.js";
export {
  loadFashionMnist,
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_FILES,
  DEBIAN_FASHION_MNIST_DIR,
  HOW_TO_GET_FASHION_MNIST,
  type FashionMnist,
  type FashionMnistOptions,
} from "./fashion-mnist.js";
export {
  batches,
  type Batches,
  type BatchOptions,
  type LabeledData,
  type RegressionData,
  type LabeledBatch,
  type RegressionBatch,
} from "./batches.js";
export { syntheticRegression, type SyntheticRegressionOptions } from "./synthetic-regression.js";
export { accuracy, countCorrect } from "./accuracy.js";
