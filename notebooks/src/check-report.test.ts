import { afterEach, describe, expect, it, vi } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { CheckFailure, CheckReport, clearFinished, printSummary } from "./check-report.js";

const TOL = { atol: 1e-12, rtol: 1e-12 };

afterEach(() => {
  clearFinished();
  vi.restoreAllMocks();
});

function quiet(): void {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
}

describe("CheckReport", () => {
  it("a matching matrix passes, and finish shows the table and returns", () => {
    quiet();
    const shown: string[] = [];
    const report = new CheckReport("Problem 0 demo").matrix("same", () => Matrix.row([1, 2]), Matrix.row([1, 2]), TOL);
    report.finish({ html: (h) => shown.push(h) });
    expect(report.ok).toBe(true);
    expect(report.results[0]).toMatchObject({ ok: true, maxDiff: 0, expected: "1×2 [1, 2]", got: "1×2 [1, 2]" });
    expect(shown[0]).toContain("<caption");
    expect(shown[0]).toContain("PASS");
  });

  it("a wrong matrix fails and finish throws a CheckFailure naming the check and the worst entry", () => {
    quiet();
    const report = new CheckReport("Problem 0 demo").matrix("O for A 1×2", () => Matrix.row([1, 2.5]), Matrix.row([1, 2]), TOL);
    expect(report.results[0]!.maxDiff).toBe(0.5);
    expect(() => report.finish()).toThrow(CheckFailure);
    expect(() => report.finish()).toThrow(/^Problem 0 demo: 1 of 1 checks FAILED\n {2}✗ O for A 1×2: 1×2, max \|diff\| 5\.00e-1, worst at \(0, 1\): got 2\.5, expected 2/);
  });

  it("a shape mismatch fails", () => {
    const report = new CheckReport("t").matrix("shape", () => Matrix.zeros(2, 1), Matrix.zeros(1, 2), TOL);
    expect(report.results[0]).toMatchObject({ ok: false, maxDiff: Infinity });
    expect(report.results[0]!.detail).toMatch(/^shape mismatch: expected 1×2, got 2×1$/);
  });

  it("NaN never passes", () => {
    const report = new CheckReport("t").number("nan", () => NaN, 1, { atol: 1e9, rtol: 1e9 });
    expect(report.ok).toBe(false);
  });

  it("an error thrown by the code under test is a FAIL with its message, not an abort", () => {
    const report = new CheckReport("t").number(
      "loss",
      () => {
        throw new Error("MSELoss.forward is not implemented yet (Problem 2(a))");
      },
      1,
      TOL,
    );
    expect(report.results[0]).toMatchObject({ ok: false, got: "threw Error: MSELoss.forward is not implemented yet (Problem 2(a))" });
  });

  it("an expected value that cannot be computed is a FAIL", () => {
    const report = new CheckReport("t").matrix(
      "finite differences",
      () => Matrix.zeros(1, 1),
      () => {
        throw new Error("boom");
      },
      TOL,
    );
    expect(report.results[0]).toMatchObject({ ok: false, detail: "could not compute the expected value: Error: boom" });
  });

  it("throws() passes only for the right kind of error with a matching message", () => {
    const shapeError = (): never => {
      throw new ShapeError("Linear.forward: A must be N×3 (inFeatures = 3), got 4×2");
    };
    const report = new CheckReport("t")
      .throws("right", shapeError, /^Linear\.forward: A must be N×3/, ShapeError)
      .throws("wrong message", shapeError, /^something else$/, ShapeError)
      .throws("wrong kind", shapeError, /A must be/, RangeError)
      .throws("no error", () => 1, /x/);
    expect(report.results.map((r) => r.ok)).toEqual([true, false, false, false]);
    expect(report.results[3]!.got).toBe("returned without an error");
  });

  it("a report with no checks fails", () => {
    quiet();
    expect(() => new CheckReport("empty").finish()).toThrow(/^empty: no checks ran — FAIL/);
  });

  it("escapes HTML in names and values", () => {
    const report = new CheckReport("<b>").check("a < b", "x", () => ({ got: "<script>", ok: false }));
    expect(report.html()).not.toContain("<script>");
    expect(report.html()).toContain("&lt;script&gt;");
  });
});

describe("printSummary", () => {
  it("one line per sub-problem and one for the problem when everything passed", () => {
    quiet();
    new CheckReport("1(a)").check("ok", "1", () => ({ got: "1", ok: true })).finish();
    new CheckReport("1(b)").check("ok", "1", () => ({ got: "1", ok: true })).finish();
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    printSummary("Problem 1", ["1(a)", "1(b)"]);
    expect(log).toHaveBeenLastCalledWith("PASS  1(a): 1/1 checks\nPASS  1(b): 1/1 checks\nProblem 1: all 2 checks PASS in 2 sub-problems");
  });

  it("throws when a sub-problem failed or never finished", () => {
    quiet();
    const failing = new CheckReport("1(a)").check("bad", "1", () => ({ got: "2", ok: false }));
    expect(() => failing.finish()).toThrow(CheckFailure);
    expect(() => printSummary("Problem 1", ["1(a)", "1(b)"])).toThrow(
      /^FAIL {2}1\(a\): 1 of 1 checks FAILED\nFAIL {2}1\(b\): did not finish \(see the error in its cell\)\nProblem 1: 2 of 2 sub-problems FAILED$/,
    );
  });
});
