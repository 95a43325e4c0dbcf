/**
 * The bench's goals (issues 5, 17 and 18), checked against one bench run's numbers.
 *
 * Each goal reads the parts of the run it needs; a part that was skipped
 * (--no-matmul, --no-threads, --no-epoch) leaves its goals "not run".
 * A two-thread goal whose run's two-core ceiling was itself below the goal is
 * "machine-limited": no split of one product over two threads can beat what
 * the two cores give at that moment (see ceiling.ts).
 */

/** GFLOP/s per competitor id ("ours-1t", "ours-2t", "ours-wasm-1t", "ours-wasm-2t", "ml-matrix", "tfjs-cpu", "tfjs-wasm") for one shape id. */
export type ProductSpeeds = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** One shape of the paired two-thread part: median of the per-round 2t/1t ratios, and the two-core ceiling. */
export interface PairedResult {
  shape: string;
  /** How the table names the shape, e.g. "X·W (256×784)·(784×256)". */
  label: string;
  medianRatio: number;
  ceiling: number;
}

/** One epoch part's results: median seconds, Float64Arrays allocated per steady-state step, TF.js WASM's median seconds. */
export interface EpochSummary {
  oneThreadSeconds: number;
  twoThreadSeconds: number;
  arraysPerStep: number;
  tfjsWasmSeconds: number;
  /** Ours on the WebAssembly kernel (@mytorch/wasm), 1 thread, median seconds (absent when not run). */
  wasmOneThreadSeconds?: number;
}

export type GoalStatus = "met" | "missed" | "machine-limited" | "not run";

export interface GoalCheck {
  goal: string;
  measured: string;
  status: GoalStatus;
}

export interface BenchRun {
  products?: ProductSpeeds;
  paired?: readonly PairedResult[];
  epoch?: EpochSummary;
}

/** The two-core ceiling of the run (the best of the paired shapes'), if the paired part ran. */
function twoCoreCeiling(paired: readonly PairedResult[] | undefined): number | undefined {
  return paired === undefined || paired.length === 0 ? undefined : Math.max(...paired.map((p) => p.ceiling));
}

/** Squares 128…1024 and the MLP's three products: ≥ 5 GFLOP/s on one thread, ≥ 5× the others. */
export const MAIN_SHAPES = ["sq128", "sq256", "sq512", "sq1024", "forward", "gradW", "gradX"] as const;
/** The 10-column output layer: ≥ 4.5 GFLOP/s. */
export const SKINNY_SHAPE = "skinny";
/** One row and k = 1: no cliff, read as at least 2× each other pure-JS option. */
export const THIN_SHAPES = ["row", "k1"] as const;
/** Issue 17, the WebAssembly kernel on one thread: 512³ and the MLP's three products. */
export const WASM_SHAPES = ["sq512", "forward", "gradW", "gradX"] as const;
/** Two threads: ≥ 1.7× one on 1024³ and the MLP shapes. */
export const THREAD_SHAPES = ["sq1024", "forward", "gradW", "gradX"] as const;

export const GOALS = {
  mainGflops: 5,
  skinnyGflops: 4.5,
  ratioToOthers: 5,
  thinRatioToOthers: 2,
  twoThreadRatio: 1.7,
  epochOneThreadSeconds: 10,
  epochTwoThreadSeconds: 6,
  arraysPerStep: 1,
  epochOneThreadVsTfjsWasm: 1.5,
  epochTwoThreadVsTfjsWasm: 3,
  wasmVsTs: 2,
  wasmVsTfjsWasm: 0.6,
  epochWasmVsTfjsWasm: 2.5,
} as const;

/** The other pure-JavaScript options; TF.js WASM (SIMD, float32) is compared on the epoch, where it counts. */
const COMPETITORS_COMPARED = ["ml-matrix", "tfjs-cpu"] as const;

/** Checks every goal that the run measured. */
export function checkGoals(run: BenchRun): GoalCheck[] {
  return [
    ...productGoals(run.products), ...threadGoals(run.paired), ...epochGoals(run.epoch, twoCoreCeiling(run.paired)),
    ...wasmGoals(run.products, run.epoch),
  ];
}

function productGoals(products: ProductSpeeds | undefined): GoalCheck[] {
  const goals = [
    `1 thread ≥ ${GOALS.mainGflops} GFLOP/s on squares 128…1024 and the MLP products`,
    `1 thread ≥ ${GOALS.skinnyGflops} GFLOP/s on (256×256)·(256×10)`,
    `1 thread ≥ ${GOALS.ratioToOthers}× ml-matrix and TF.js cpu on those shapes`,
    `one row and k = 1: no cliff (≥ ${GOALS.thinRatioToOthers}× ml-matrix and TF.js cpu)`,
  ];
  if (products === undefined) return goals.map(notRun);
  const speed = (shape: string, who: string): number => {
    const value = products.get(shape)?.[who];
    if (value === undefined) throw new Error(`checkGoals: no ${who} speed for shape ${shape}`);
    return value;
  };
  const minRatio = (shapes: readonly string[]): number =>
    Math.min(...shapes.flatMap((s) => COMPETITORS_COMPARED.map((c) => speed(s, "ours-1t") / speed(s, c))));

  const slowest = Math.min(...MAIN_SHAPES.map((s) => speed(s, "ours-1t")));
  const skinny = speed(SKINNY_SHAPE, "ours-1t");
  const ratio = minRatio([...MAIN_SHAPES, SKINNY_SHAPE]);
  const thin = minRatio(THIN_SHAPES);
  return [
    { goal: goals[0]!, measured: `slowest ${slowest.toFixed(2)}`, status: atLeast(slowest, GOALS.mainGflops) },
    { goal: goals[1]!, measured: skinny.toFixed(2), status: atLeast(skinny, GOALS.skinnyGflops) },
    { goal: goals[2]!, measured: `lowest ${ratio.toFixed(1)}×`, status: atLeast(ratio, GOALS.ratioToOthers) },
    { goal: goals[3]!, measured: `lowest ${thin.toFixed(1)}×`, status: atLeast(thin, GOALS.thinRatioToOthers) },
  ];
}

function threadGoals(paired: readonly PairedResult[] | undefined): GoalCheck[] {
  if (paired === undefined) return [notRun(`2 threads ≥ ${GOALS.twoThreadRatio}× 1 thread (paired medians)`)];
  return THREAD_SHAPES.map((shape) => {
    const result = paired.find((r) => r.shape === shape);
    if (result === undefined) throw new Error(`checkGoals: no paired result for shape ${shape}`);
    const { label, medianRatio, ceiling } = result;
    const status: GoalStatus =
      medianRatio >= GOALS.twoThreadRatio ? "met" : ceiling < GOALS.twoThreadRatio ? "machine-limited" : "missed";
    return {
      goal: `2 threads ≥ ${GOALS.twoThreadRatio}× 1 thread on ${label} (paired median)`,
      measured: `${medianRatio.toFixed(2)}× (two-core ceiling ${ceiling.toFixed(2)}×)`,
      status,
    };
  });
}

/**
 * The epoch goals. The two-thread ratio against TF.js WASM is machine-limited
 * when even a perfect split (the one-thread ratio times the run's two-core
 * ceiling) would stay under the goal.
 */
function epochGoals(epoch: EpochSummary | undefined, ceiling: number | undefined): GoalCheck[] {
  const goals = [
    `one epoch ≤ ${GOALS.epochOneThreadSeconds} s on 1 thread`,
    `one epoch ≤ ${GOALS.epochTwoThreadSeconds} s on 2 threads`,
    `a training step allocates (almost) nothing (≤ ${GOALS.arraysPerStep} Float64Array)`,
    `one epoch on 1 thread ≥ ${GOALS.epochOneThreadVsTfjsWasm}× faster than TF.js WASM`,
    `one epoch on 2 threads ≥ ${GOALS.epochTwoThreadVsTfjsWasm}× faster than TF.js WASM`,
  ];
  if (epoch === undefined) return goals.map(notRun);
  const oneThread = epoch.tfjsWasmSeconds / epoch.oneThreadSeconds;
  const twoThreads = epoch.tfjsWasmSeconds / epoch.twoThreadSeconds;
  const reachable = ceiling === undefined ? undefined : oneThread * ceiling;
  const twoThreadStatus: GoalStatus =
    twoThreads >= GOALS.epochTwoThreadVsTfjsWasm ? "met"
    : reachable !== undefined && reachable < GOALS.epochTwoThreadVsTfjsWasm ? "machine-limited"
    : "missed";
  return [
    { goal: goals[0]!, measured: `${epoch.oneThreadSeconds.toFixed(2)} s`, status: atMost(epoch.oneThreadSeconds, GOALS.epochOneThreadSeconds) },
    { goal: goals[1]!, measured: `${epoch.twoThreadSeconds.toFixed(2)} s`, status: atMost(epoch.twoThreadSeconds, GOALS.epochTwoThreadSeconds) },
    { goal: goals[2]!, measured: `${epoch.arraysPerStep} per step`, status: atMost(epoch.arraysPerStep, GOALS.arraysPerStep) },
    { goal: goals[3]!, measured: `${oneThread.toFixed(2)}× (${epoch.tfjsWasmSeconds.toFixed(2)} s / ${epoch.oneThreadSeconds.toFixed(2)} s)`, status: atLeast(oneThread, GOALS.epochOneThreadVsTfjsWasm) },
    {
      goal: goals[4]!,
      measured: `${twoThreads.toFixed(2)}× (${epoch.tfjsWasmSeconds.toFixed(2)} s / ${epoch.twoThreadSeconds.toFixed(2)} s)${reachable === undefined ? "" : `; 1-thread ratio × two-core ceiling = ${reachable.toFixed(2)}×`}`,
      status: twoThreadStatus,
    },
  ];
}

/** Issue 17: ours on the WebAssembly kernel, 1 thread, against ours on the TS kernel and TF.js WASM (float32). */
function wasmGoals(products: ProductSpeeds | undefined, epoch: EpochSummary | undefined): GoalCheck[] {
  const goals = [
    `wasm kernel, 1 thread ≥ ${GOALS.wasmVsTs}× the TS kernel on 512³ and the MLP products`,
    `wasm kernel, 1 thread ≥ ${GOALS.wasmVsTfjsWasm}× TF.js WASM on 512³ and the MLP products`,
    `one epoch on the wasm kernel, 1 thread, ≥ ${GOALS.epochWasmVsTfjsWasm}× faster than TF.js WASM`,
  ];
  const checks: GoalCheck[] = [];
  if (products === undefined || WASM_SHAPES.some((s) => products.get(s)?.["ours-wasm-1t"] === undefined)) {
    checks.push(notRun(goals[0]!), notRun(goals[1]!));
  } else {
    const lowest = (peer: string): { ratio: number; shape: string } => {
      const ratios = WASM_SHAPES.map((shape) => {
        const row = products.get(shape)!;
        if (row[peer] === undefined) throw new Error(`checkGoals: no ${peer} speed for shape ${shape}`);
        return { ratio: row["ours-wasm-1t"]! / row[peer], shape };
      });
      return ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    };
    const ts = lowest("ours-1t"), tf = lowest("tfjs-wasm");
    checks.push(
      { goal: goals[0]!, measured: `lowest ${ts.ratio.toFixed(2)}× (${ts.shape})`, status: atLeast(ts.ratio, GOALS.wasmVsTs) },
      { goal: goals[1]!, measured: `lowest ${tf.ratio.toFixed(2)}× (${tf.shape})`, status: atLeast(tf.ratio, GOALS.wasmVsTfjsWasm) },
    );
  }
  if (epoch?.wasmOneThreadSeconds === undefined) checks.push(notRun(goals[2]!));
  else {
    const ratio = epoch.tfjsWasmSeconds / epoch.wasmOneThreadSeconds;
    checks.push({
      goal: goals[2]!,
      measured: `${ratio.toFixed(2)}× (${epoch.tfjsWasmSeconds.toFixed(2)} s / ${epoch.wasmOneThreadSeconds.toFixed(2)} s)`,
      status: atLeast(ratio, GOALS.epochWasmVsTfjsWasm),
    });
  }
  return checks;
}

const atLeast = (value: number, goal: number): GoalStatus => (value >= goal ? "met" : "missed");
const atMost = (value: number, goal: number): GoalStatus => (value <= goal ? "met" : "missed");
const notRun = (goal: string): GoalCheck => ({ goal, measured: "–", status: "not run" });
