/**
 * Thrown by an unfinished student stub. The message names the method and the
 * homework problem it belongs to, e.g.
 * `Linear.forward is not implemented yet (Problem 1(b))`.
 */
export class NotImplementedError extends Error {
  override readonly name = "NotImplementedError";

  constructor(method: string, problem: string) {
    super(`${method} is not implemented yet (Problem ${problem})`);
  }
}
