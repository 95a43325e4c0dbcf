import { describe, expect, it } from "vitest";
import { once } from "./once.js";

describe("once", () => {
  it("computes on the first call only", () => {
    let calls = 0;
    const value = once(() => ++calls);
    expect([value(), value(), calls]).toEqual([1, 1, 1]);
  });

  it("throws the same error on every call", () => {
    let calls = 0;
    const value = once((): number => {
      calls++;
      throw new Error("boom");
    });
    expect(value).toThrow(/^boom$/);
    expect(value).toThrow(/^boom$/);
    expect(calls).toBe(1);
  });
});
