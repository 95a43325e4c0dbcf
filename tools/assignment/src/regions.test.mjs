import { describe, expect, it } from "vitest";
import { findSolutionRegions, stubRegions } from "./regions.mjs";

const source = `import type { Matrix } from "@mytorch/matrix";
export class Layer {
  constructor() {
    // BEGIN SOLUTION
    this.x = 1;
    // END SOLUTION
  }
  forward(A: Matrix): Matrix {
    // BEGIN SOLUTION
    return A;
    // END SOLUTION
  }
}
`;
const stubs = new Map([
  ["Layer.constructor", { problem: "9(a)", todo: "x = 1" }],
  ["Layer.forward", { problem: "9(b)", todo: "O = A" }],
]);

describe("solution regions", () => {
  it("finds each region and the class member around it", () => {
    expect(findSolutionRegions(source, "layer.ts").map((r) => [r.begin, r.end, r.method])).toEqual([
      [3, 5, "Layer.constructor"],
      [8, 10, "Layer.forward"],
    ]);
  });

  it("replaces each region by a TODO and a NotImplementedError, importing it", () => {
    const { text } = stubRegions(source, "layer.ts", stubs);
    expect(text).toContain(`    // TODO (Problem 9(b)): O = A\n    throw new NotImplementedError("Layer.forward", "9(b)");\n  }`);
    expect(text).toContain(`throw new NotImplementedError("Layer constructor", "9(a)");`);
    expect(text.startsWith(`import { NotImplementedError } from "@mytorch/matrix";\n`)).toBe(true);
    expect(text).not.toContain("return A;");
  });

  it("rejects unbalanced markers, regions outside methods, and undeclared methods", () => {
    expect(() => findSolutionRegions("// BEGIN SOLUTION\n", "a.ts")).toThrow(/^a\.ts:1: BEGIN SOLUTION is never closed$/);
    expect(() => findSolutionRegions("// END SOLUTION\n", "a.ts")).toThrow(/^a\.ts:1: END SOLUTION without a BEGIN SOLUTION$/);
    expect(() => findSolutionRegions("// BEGIN SOLUTION\n// END SOLUTION\n", "a.ts")).toThrow(/must sit inside a class method/);
    expect(() => stubRegions(source, "layer.ts", new Map())).toThrow(/^layer\.ts:4: the region in Layer\.constructor has no entry in grading\/points\.json/);
  });
});
