import { describe, expect, it } from "vitest";
import { escapeXml, graphToSvg } from "./graph-svg.js";
import { tensor } from "./tensor.js";

const count = (svg: string, tag: string) => (svg.match(new RegExp(`<${tag}\\b`, "g")) ?? []).length;

describe("graphToSvg", () => {
  it("C = A + B: three tensor circles, one op diamond, three arrows, the labels", () => {
    const a = tensor([[1, 2], [3, 4]], { name: "A" });
    const b = tensor([[5, 6], [7, 8]], { name: "B" });
    const c = a.add(b);
    c.name = "C";
    const svg = graphToSvg(c);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(count(svg, "circle")).toBe(3);
    expect(count(svg, "polygon")).toBe(1);
    expect(count(svg, "line")).toBe(3);
    for (const label of [">A<", ">B<", ">C<", ">add<", ">2×2<"]) expect(svg).toContain(label);
  });

  it("places leaves left of the op and the output right of it", () => {
    const a = tensor([[1]], { name: "A" });
    const c = a.exp();
    c.name = "C";
    const svg = graphToSvg(c);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    const diamond = /<polygon points="([\d.]+),/.exec(svg)!;
    expect(circles[0]).toBeLessThan(Number(diamond[1]));
    expect(circles[1]).toBeGreaterThan(Number(diamond[1]));
  });

  it("an MLP loss: one diamond per op node, one circle per tensor, a tensor used twice drawn once", () => {
    const x = tensor([[1, 2]], { requiresGrad: false, name: "X" });
    const W = tensor([[1], [2]], { name: "W" });
    const h = x.matmul(W);
    const loss = h.mul(h).sum(); // h is used twice by mul
    const svg = graphToSvg(loss);
    expect(count(svg, "polygon")).toBe(3); // matmul, mul, sum
    expect(count(svg, "circle")).toBe(5); // X, W, h, h⊙h, loss
    expect(count(svg, "line")).toBe(2 + 1 + 2 + 1 + 1 + 1); // X,W→matmul→h; h,h→mul→; →sum→
  });

  it("can write gradients under the tensors", () => {
    const a = tensor([[1, 2]], { name: "A" });
    const loss = a.sum();
    loss.backward();
    expect(graphToSvg(loss, { showGrad: true })).toContain("grad [[1, 1]]");
  });

  it("escapes names so that the SVG stays well formed", () => {
    expect(escapeXml(`a<b & "c">`)).toBe("a&lt;b &amp; &quot;c&quot;&gt;");
    const t = tensor([[1]], { name: "<x>" }).exp();
    expect(graphToSvg(t)).toContain("&lt;x&gt;");
  });
});
