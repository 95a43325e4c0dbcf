import { ShapeError, shapeOf, type Matrix } from "@mytorch/matrix";

/**
 * The number of rows whose largest logit is at the true label:
 *   Σᵢ [argmaxⱼ logits[i][j] = labels[i]]   (the first maximum on ties).
 * logits (N × classes), labels (N) → an integer in [0, N]. Throws ShapeError if the counts differ.
 */
export function countCorrect(logits: Matrix, labels: ArrayLike<number>): number {
  if (logits.rows !== labels.length) {
    throw new ShapeError(`countCorrect: logits has ${logits.rows} rows (${shapeOf(logits)}) but there are ${labels.length} labels`);
  }
  const predicted = logits.argmaxCols();
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct;
}

/**
 * The fraction of rows whose largest logit is at the true label:
 *   (1/N) Σᵢ [argmaxⱼ logits[i][j] = labels[i]]   (the first maximum on ties).
 * logits (N × classes), labels (N) → a number in [0, 1]. Throws ShapeError if
 * the counts differ or N = 0.
 */
export function accuracy(logits: Matrix, labels: ArrayLike<number>): number {
  if (logits.rows !== labels.length) {
    throw new ShapeError(`accuracy: logits has ${logits.rows} rows (${shapeOf(logits)}) but there are ${labels.length} labels`);
  }
  if (logits.rows === 0) throw new ShapeError(`accuracy: needs at least one example, got ${shapeOf(logits)}`);
  return countCorrect(logits, labels) / logits.rows;
}
