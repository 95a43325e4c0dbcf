import { describe, expect, it } from "vitest";
import { Matrix, ShapeError } from "@mytorch/matrix";
import { decisionBoundarySvg } from "./decision-boundary-svg.js";

/** The rects of class "cell pos|neg" as { sign, x, width }. */
function cells(svg: string): { sign: string; x: number; y: number; width: number }[] {
  return [...svg.matchAll(/<rect class="cell (pos|neg)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)].map((m) => ({
    sign: m[1]!,
    x: Number(m[2]),
    y: Number(m[3]),
    width: Number(m[4]),
  }));
}

// Four points: two on each side of x = 0.5, labels +1 on the right; the last one is mislabelled.
const points = { X: Matrix.fromArray([[0.9, 0.2], [0.7, 0.8], [0.1, 0.5], [0.2, 0.9]]), Y: Matrix.column([1, 1, -1, 1]) };
const rightHalf = (X: Matrix): Matrix => Matrix.column(Array.from({ length: X.rows }, (_, i) => X.data[2 * i]! - 0.5));

describe("decisionBoundarySvg", () => {
  it("predictor x − 0.5 on a 10×10 grid: each row is one neg run on the left half and one pos run on the right", () => {
    const svg = decisionBoundarySvg(rightHalf, points, { size: 100, resolution: 10 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    const runs = cells(svg);
    expect(runs).toHaveLength(20);
    runs.forEach((r) => expect([r.x, r.width]).toEqual(r.sign === "pos" ? [50, 50] : [0, 50]));
  });

  it("points coloured by label, the wrong one ringed; the true circle drawn once", () => {
    const svg = decisionBoundarySvg(rightHalf, points, { size: 100, resolution: 4, title: "a < b" });
    expect(svg.match(/class="point pos"/g)).toHaveLength(2);
    expect(svg.match(/class="point neg"/g)).toHaveLength(1);
    expect(svg.match(/class="point pos wrong" cx="20.00" cy="10.00"/g)).toHaveLength(1); // (0.2, 0.9), y up
    expect(svg.match(/class="truth"/g)).toHaveLength(1);
    expect(svg).toContain(">a &lt; b</text>");
  });

  it("a predictor that does not return M×1 throws ShapeError", () => {
    expect(() => decisionBoundarySvg((X) => X, points, { resolution: 2 })).toThrow(ShapeError);
    expect(() => decisionBoundarySvg((X) => X, points, { resolution: 2 })).toThrow(/^decisionBoundarySvg: predict must map 4×2 to 4×1, got 4×2$/);
    expect(() => decisionBoundarySvg(rightHalf, points, { resolution: 0 })).toThrow(/resolution must be an integer ≥ 1, got 0/);
  });
});
