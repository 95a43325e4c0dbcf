import type { Matrix } from "@mytorch/matrix";

/**
 * Row-wise softmax, stable for logits of any size:
 *   softmax(O)ᵢⱼ = exp(Oᵢⱼ − mᵢ) / Σₖ exp(Oᵢₖ − mᵢ),   mᵢ = maxₖ Oᵢₖ
 * Subtracting the row maximum changes nothing mathematically and keeps every
 * exponent ≤ 0, so nothing overflows. O (N × q) → (N × q).
 */
export function softmax(O: Matrix): Matrix {
  const E = O.sub(O.maxCols()).exp(); // exp(O − m), m broadcast over columns
  return E.div(E.sumCols()); //          each row divided by its sum
}

/**
 * Row-wise log-softmax: log softmax(O)ᵢⱼ = Oᵢⱼ − mᵢ − log Σₖ exp(Oᵢₖ − mᵢ).
 * O (N × q) → (N × q); finite for finite O.
 */
export function logSoftmax(O: Matrix): Matrix {
  const shifted = O.sub(O.maxCols()); //                   O − m ≤ 0
  return shifted.sub(shifted.exp().sumCols().log()); // − log Σ exp(O − m)
}
