/**
 * A thunk that computes its value on the first call and returns the same value
 * (or throws the same error) on every later call: several checks can then read
 * one run, e.g. every step of one optimiser trajectory.
 */
export function once<T>(compute: () => T): () => T {
  let state: { value: T } | { error: unknown } | null = null;
  return () => {
    if (state === null) {
      try {
        state = { value: compute() };
      } catch (error) {
        state = { error };
      }
    }
    if ("error" in state) throw state.error;
    return state.value;
  };
}
