/// <reference types="node" />
// `pnpm train` as a function of its arguments and streams, so that tests can run it in-process.
import { runCircle } from "./run-circle.js";
import { runTrain, type TrainIo } from "./run-train.js";
import { UsageError, parseTrainArgs, trainHelp } from "./train-options.js";

export const USAGE_HINT = "Run 'pnpm train --help' to see every option and its default.";

/** Exit status: 0 done (or --help), 1 the training failed (e.g. no data), 2 a bad command line. */
export async function main(argv: readonly string[], io: TrainIo): Promise<number> {
  let parsed;
  try {
    parsed = parseTrainArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`train: ${error.message}\n${USAGE_HINT}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(trainHelp());
    return 0;
  }
  try {
    if (parsed.options.task === "circle") await runCircle(parsed.options, io);
    else await runTrain(parsed.options, io);
    return 0;
  } catch (error) {
    io.stderr.write(`\ntrain: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
