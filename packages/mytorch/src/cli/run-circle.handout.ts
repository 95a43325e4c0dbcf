// The student handout's run-circle.ts (tools/assignment/src/handout.mjs puts this
// file in its place): the circle experiment needs @mytorch/nn, which the handout
// leaves out because it holds working answers to the homework.
import type { TrainIo } from "./run-train.js";
import type { TrainOptions } from "./train-options.js";

export async function runCircle(_options: TrainOptions, _io: TrainIo): Promise<never> {
  throw new Error("the circle task needs @mytorch/nn, which is not part of the homework handout");
}
