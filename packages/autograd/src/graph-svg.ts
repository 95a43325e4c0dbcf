import { shapeOf } from "@mytorch/matrix";
import { escapeXml } from "@mytorch/plot";
import type { OpNode } from "./op.js";
import type { Tensor } from "./tensor.js";

/** Text safe inside SVG/XML (the one of @mytorch/plot, re-exported for callers of this module). */
export { escapeXml };

/** Options of graphToSvg. */
export interface GraphSvgOptions {
  /** Horizontal distance between layers, in pixels (default 130). */
  layerGap?: number;
  /** Vertical distance between nodes of a layer, in pixels (default 90). */
  rowGap?: number;
  /** Write each tensor's gradient under it when it has one (default false). */
  showGrad?: boolean;
}

/** One node of the picture: a tensor (circle) or an op (diamond). */
interface Placed {
  kind: "tensor" | "op";
  label: string;
  detail: string;
  layer: number;
  /** A tensor that requires no gradient (data, a constant): drawn dashed. */
  constant: boolean;
  x: number;
  y: number;
}

/**
 * The computation graph that produced `root`, as an SVG picture: tensor nodes
 * are circles (labelled with their name, or their shape; dashed when they
 * require no gradient), op nodes are diamonds (labelled with the op's name),
 * arrows run from inputs to op to output, each leaf just left of the first op
 * that uses it and `root` on the right, as in seed 002's picture of C = A + B.
 */
export function graphToSvg(root: Tensor, options: GraphSvgOptions = {}): string {
  const { layerGap = 130, rowGap = 90, showGrad = false } = options;
  const tensors: Tensor[] = [];
  const opNodes: OpNode<object>[] = [];
  const tensorLayer = new Map<Tensor, number>();
  const opLayer = new Map<OpNode<object>, number>();
  const leafLayer = new Map<Tensor, number>();

  // Layers: a leaf is at 0, an op one right of its deepest input, its output one right of it.
  const layerOf = (t: Tensor): number => {
    const known = tensorLayer.get(t);
    if (known !== undefined) return known;
    const stack: Tensor[] = [t];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (tensorLayer.has(top)) {
        stack.pop();
        continue;
      }
      const node = top.source;
      const missing = node === null ? [] : node.inputs.filter((input) => !tensorLayer.has(input));
      if (missing.length > 0) {
        stack.push(...missing.reverse()); // the first input is placed first (on top)
        continue;
      }
      stack.pop();
      if (node === null) {
        tensorLayer.set(top, 0);
      } else {
        const nodeLayer = opLayer.get(node) ?? 1 + Math.max(...node.inputs.map((input) => tensorLayer.get(input)!));
        if (!opLayer.has(node)) {
          opLayer.set(node, nodeLayer);
          opNodes.push(node);
        }
        tensorLayer.set(top, nodeLayer + 1);
      }
      tensors.push(top);
    }
    return tensorLayer.get(t)!;
  };
  layerOf(root);
  // A leaf sits just left of the first op that uses it, not far away in layer 0.
  for (const node of opNodes) {
    for (const input of node.inputs) {
      if (input.source !== null) continue;
      leafLayer.set(input, Math.min(leafLayer.get(input) ?? Infinity, opLayer.get(node)! - 1));
      tensorLayer.set(input, leafLayer.get(input)!);
    }
  }

  // Place the nodes: one column per layer, stacked top to bottom in discovery order.
  const placed = new Map<Tensor | OpNode<object>, Placed>();
  const perLayer: Placed[][] = [];
  const place = (key: Tensor | OpNode<object>, item: Omit<Placed, "x" | "y">): void => {
    const column = (perLayer[item.layer] ??= []);
    const p = { ...item, x: 0, y: 0 };
    column.push(p);
    placed.set(key, p);
  };
  for (const t of tensors) {
    const label = t.name ?? shapeOf(t.value);
    const detail = t.name === undefined ? "" : shapeOf(t.value);
    const gradText = showGrad && t.hasGrad ? `grad ${formatSmall(t.grad.toArray())}` : "";
    place(t, {
      kind: "tensor",
      label,
      detail: [detail, gradText].filter(Boolean).join(" · "),
      layer: tensorLayer.get(t)!,
      constant: !t.requiresGrad,
    });
  }
  for (const node of opNodes) place(node, { kind: "op", label: node.op.name, detail: "", layer: opLayer.get(node)!, constant: false });
  const tallest = Math.max(...Array.from(perLayer, (column) => column?.length ?? 0));
  const margin = 60;
  // Room at the sides for the widest caption (about 5.8 px per character at font size 10).
  const marginX = Math.max(margin, ...[...placed.values()].map((p) => 2.9 * p.detail.length + 10));
  perLayer.forEach((column, layer) => {
    column?.forEach((p, k) => {
      p.x = marginX + layer * layerGap;
      p.y = margin + (k + (tallest - column.length) / 2) * rowGap;
    });
  });
  const width = 2 * marginX + (perLayer.length - 1) * layerGap;
  const height = 2 * margin + (tallest - 1) * rowGap + 20;

  const radius = 24;
  const halfHeight = 24; // a diamond's half height; its half width grows with the op's name
  const halfWidth = (p: Placed): number => Math.max(28, 10 + 4.2 * p.label.length);
  const parts: string[] = [];
  const edge = (from: Placed, to: Placed): void => {
    const dx = to.x - from.x, dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / length, dy / length];
    // Distance from a node's centre to its outline along (ux, uy): a circle, or a diamond |x|/w + |y|/h = 1.
    const reach = (p: Placed): number => (p.kind === "tensor" ? radius : 1 / (Math.abs(ux) / halfWidth(p) + Math.abs(uy) / halfHeight));
    const r1 = reach(from), r2 = reach(to);
    const [x1, y1] = [from.x + ux * r1, from.y + uy * r1];
    const [x2, y2] = [to.x - ux * (r2 + 2), to.y - uy * (r2 + 2)];
    parts.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"/>`);
  };
  for (const node of opNodes) {
    const op = placed.get(node)!;
    for (const input of node.inputs) edge(placed.get(input)!, op);
    for (const output of node.outputs) if (placed.has(output)) edge(op, placed.get(output)!);
  }
  for (const p of placed.values()) {
    if (p.kind === "tensor") {
      const dash = p.constant ? ' stroke-dasharray="4 3"' : "";
      parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${radius}" fill="#dbeafe" stroke="#1d4ed8" stroke-width="1.5"${dash}/>`);
    } else {
      const w = halfWidth(p);
      const points = [[p.x, p.y - halfHeight], [p.x + w, p.y], [p.x, p.y + halfHeight], [p.x - w, p.y]].map(([x, y]) => `${x},${y}`).join(" ");
      parts.push(`<polygon points="${points}" fill="#fde68a" stroke="#b45309" stroke-width="1.5"/>`);
    }
    parts.push(`<text x="${p.x}" y="${p.y + 4}" text-anchor="middle" font-size="12">${escapeXml(p.label)}</text>`);
    if (p.detail !== "") {
      const below = p.y + (p.kind === "tensor" ? radius : halfHeight) + 14;
      parts.push(`<text x="${p.x}" y="${below}" text-anchor="middle" font-size="10" fill="#444">${escapeXml(p.detail)}</text>`);
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>`,
    ...parts,
    "</svg>",
  ].join("\n");
}

/** A short rendering of a small matrix: [[1, 0], [0, 1]]; "…" when larger than 2×3. */
function formatSmall(values: number[][]): string {
  if (values.length > 2 || (values[0]?.length ?? 0) > 3) return "…";
  return "[" + values.map((row) => "[" + row.map((v) => Number(v.toPrecision(3))).join(", ") + "]").join(", ") + "]";
}
