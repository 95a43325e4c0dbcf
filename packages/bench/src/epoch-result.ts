/** What one epoch run reports. */
export interface EpochResult {
  who: string;
  /** Wall-clock seconds for the timed steps (forward, loss, backward, update; batch assembly included). */
  seconds: number;
  /** Wall-clock seconds of the WARMUP_STEPS untimed steps before the epoch, on a throwaway copy of the network. */
  warmupSeconds: number;
  /** When the same run was repeated: every run's seconds (seconds is then their median). */
  secondsAll?: number[];
  /** Steps timed, and the steps of a full epoch (seconds is scaled up when fewer were run). */
  steps: number;
  epochSteps: number;
  /** Mean training loss over the first and the last 10 steps. */
  lossStart: number;
  lossEnd: number;
  /** Accuracy on the 10 000 test images after the epoch (not timed). */
  testAccuracy: number;
  data: "real" | "synthetic";
  /** Ours only (see train-ours.ts): Float64Arrays and their bytes per step; GCs and pauses over the epoch. */
  allocation?: { arraysPerStep: number; bytesPerStep: number; gcCount: number; gcMs: number };
}

export const BATCH = 256;
export const HIDDEN = 256;
export const LEARNING_RATE = 0.1;
/** Steps on a throwaway copy of the network before the timed epoch (JIT compilation, worker start-up). */
export const WARMUP_STEPS = 10;
