import { loadBenchData } from "./fashion-mnist.js";
import { trainOurs } from "./train-ours.js";
import { trainTfjs } from "./train-tfjs.js";

/**
 * One epoch in its own process: `node epoch-child.js <ours-1t|ours-2t|ours-wasm-1t|ours-wasm-2t|homework-1t|tfjs-cpu|tfjs-wasm> [maxSteps]`.
 * With maxSteps below the epoch's 235 steps the time is scaled up to a full
 * epoch (the report says so). Prints one line `RESULT {json}`.
 */
const [who = "", maxStepsText = "Infinity"] = process.argv.slice(2);
const maxSteps = Number(maxStepsText);
const data = await loadBenchData();
const result =
  who === "ours-1t" ? await trainOurs(data, 1, maxSteps)
  : who === "ours-2t" ? await trainOurs(data, 2, maxSteps)
  : who === "ours-wasm-1t" ? await trainOurs(data, 1, maxSteps, "library", "wasm")
  : who === "ours-wasm-2t" ? await trainOurs(data, 2, maxSteps, "library", "wasm")
  : who === "homework-1t" ? await trainOurs(data, 1, maxSteps, "homework")
  : who === "tfjs-cpu" ? await trainTfjs(data, maxSteps, "cpu")
  : who === "tfjs-wasm" ? await trainTfjs(data, maxSteps, "wasm")
  : null;
if (result === null) throw new Error(`epoch-child: unknown trainer "${who}" (ours-1t, ours-2t, ours-wasm-1t, ours-wasm-2t, homework-1t, tfjs-cpu, tfjs-wasm)`);
console.log(`RESULT ${JSON.stringify(result)}`);
process.exit(0);
