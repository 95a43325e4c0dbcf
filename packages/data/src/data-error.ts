/**
 * Thrown when data cannot be found or is malformed. The message names the
 * file, says what was wrong and, for Fashion-MNIST, how to get the data.
 */
export class DataError extends Error {
  override readonly name = "DataError";
}
