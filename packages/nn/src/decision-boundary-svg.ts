import { Matrix, ShapeError, shapeOf } from "@mytorch/matrix";
import { escapeXml } from "@mytorch/plot";
import { CIRCLE_CENTRE, CIRCLE_RADIUS, type LabelledPoints } from "./circle-data.js";

export interface DecisionBoundaryOptions {
  /** Side of the square plot in pixels (default 360). */
  size?: number;
  /** Grid cells per side on which the model is evaluated (default 60). */
  resolution?: number;
  /** Draw the true circle (dashed) of the circle experiment (default true). */
  showCircle?: boolean;
  /** A caption under the plot. */
  title?: string;
}

const INSIDE_FILL = "#cfe3f7"; //  output ≥ 0: predicted +1
const OUTSIDE_FILL = "#fde2c8"; // output < 0: predicted −1
const INSIDE_POINT = "#1f77b4";
const OUTSIDE_POINT = "#d62728";

/**
 * An SVG picture of a classifier on [0, 1]²: the plane coloured by the sign of predict(X) on a
 * resolution × resolution grid of cell centres (blue where output ≥ 0, orange where < 0), the
 * points coloured by their label (+1 blue, −1 red; a black ring marks a point the model gets wrong),
 * and the true circle dashed. y grows upwards. predict maps X (M × 2) to outputs (M × 1).
 * Element classes: "cell pos" / "cell neg" (runs of cells in a grid row), "point pos" / "point neg"
 * (+ " wrong"), "truth".
 */
export function decisionBoundarySvg(predict: (X: Matrix) => Matrix, points: LabelledPoints, options: DecisionBoundaryOptions = {}): string {
  const { size = 360, resolution = 60, showCircle = true, title } = options;
  if (!Number.isInteger(resolution) || resolution < 1) {
    throw new RangeError(`decisionBoundarySvg: resolution must be an integer ≥ 1, got ${resolution}`);
  }
  if (points.X.cols !== 2 || points.Y.cols !== 1 || points.Y.rows !== points.X.rows) {
    throw new ShapeError(`decisionBoundarySvg: points must be X (N×2) and Y (N×1), got X ${shapeOf(points.X)} and Y ${shapeOf(points.Y)}`);
  }
  // Cell (i, j): row i from the top, column j from the left; its centre in data coordinates.
  const grid = new Matrix(resolution * resolution, 2);
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) {
      grid.data[(i * resolution + j) * 2] = (j + 0.5) / resolution;
      grid.data[(i * resolution + j) * 2 + 1] = 1 - (i + 0.5) / resolution;
    }
  }
  const outputs = predict(grid);
  if (outputs.rows !== grid.rows || outputs.cols !== 1) {
    throw new ShapeError(`decisionBoundarySvg: predict must map ${grid.rows}×2 to ${grid.rows}×1, got ${shapeOf(outputs)}`);
  }
  const cell = size / resolution;
  const px = (x: number): string => (x * size).toFixed(2);
  const py = (y: number): string => ((1 - y) * size).toFixed(2);
  const parts: string[] = [];
  for (let i = 0; i < resolution; i++) {
    // One rect per run of equal signs along the row keeps the file small.
    let start = 0;
    for (let j = 1; j <= resolution; j++) {
      const positive = (k: number): boolean => outputs.data[i * resolution + k]! >= 0;
      if (j < resolution && positive(j) === positive(start)) continue;
      const sign = positive(start);
      parts.push(
        `<rect class="cell ${sign ? "pos" : "neg"}" x="${(start * cell).toFixed(2)}" y="${(i * cell).toFixed(2)}" ` +
          `width="${((j - start) * cell).toFixed(2)}" height="${cell.toFixed(2)}" fill="${sign ? INSIDE_FILL : OUTSIDE_FILL}" shape-rendering="crispEdges"/>`,
      );
      start = j;
    }
  }
  if (showCircle) {
    parts.push(
      `<circle class="truth" cx="${px(CIRCLE_CENTRE)}" cy="${py(CIRCLE_CENTRE)}" r="${(CIRCLE_RADIUS * size).toFixed(2)}" ` +
        `fill="none" stroke="#333" stroke-width="1.5" stroke-dasharray="5 4"/>`,
    );
  }
  const predicted = predict(points.X);
  for (let n = 0; n < points.X.rows; n++) {
    const label = points.Y.data[n]! >= 0 ? 1 : -1;
    const wrong = (predicted.data[n]! >= 0 ? 1 : -1) !== label;
    parts.push(
      `<circle class="point ${label > 0 ? "pos" : "neg"}${wrong ? " wrong" : ""}" cx="${px(points.X.data[n * 2]!)}" cy="${py(points.X.data[n * 2 + 1]!)}" ` +
        `r="2.5" fill="${label > 0 ? INSIDE_POINT : OUTSIDE_POINT}"${wrong ? ' stroke="#000" stroke-width="1.2"' : ""}/>`,
    );
  }
  const caption = title === undefined ? "" : `<text x="${size / 2}" y="${size + 16}" text-anchor="middle" font-family="sans-serif" font-size="13">${escapeXml(title)}</text>`;
  const height = title === undefined ? size : size + 24;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${height}" viewBox="0 0 ${size} ${height}">` +
    `<rect x="0" y="0" width="${size}" height="${size}" fill="none" stroke="#999"/>${parts.join("")}${caption}</svg>`
  );
}
