import { describe, expect, it } from "vitest";
import { fingerprints, similarityReport } from "./similarity.mjs";

// A handout file: the code every student starts with, and the three method
// bodies a student writes (stubs in the baseline).
const linearFile = ({ constructorBody, forwardBody, backwardBody }) => `import { Matrix, ShapeError, NotImplementedError, defaultRng } from "@mytorch/matrix";

/** Fully connected layer: O = A·W + 1_N·bᵀ */
export class Linear {
  readonly inFeatures: number;
  readonly outFeatures: number;
  W!: Matrix;
  b!: Matrix;
  dLdW: Matrix;
  dLdb: Matrix;
  private A: Matrix | null = null;

  constructor(inFeatures: number, outFeatures: number, options: { rng?: Rng } = {}) {
    if (!Number.isInteger(inFeatures) || inFeatures < 1) throw new RangeError(\`Linear: inFeatures must be ≥ 1, got \${inFeatures}\`);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.dLdW = Matrix.zeros(inFeatures, outFeatures);
    this.dLdb = Matrix.zeros(1, outFeatures);
${constructorBody}
  }

  forward(A: Matrix): Matrix {
    if (A.cols !== this.inFeatures) throw new ShapeError(\`Linear.forward: A must be N×\${this.inFeatures}, got \${A.rows}×\${A.cols}\`);
${forwardBody}
  }

  backward(dLdO: Matrix): Matrix {
    if (this.A === null) throw new Error("Linear.backward: call forward first");
${backwardBody}
  }
}
`;

const stub = (method, problem) => `    // TODO (Problem ${problem}): write ${method}
    throw new NotImplementedError("${method}", "${problem}");`;

const baselineText = linearFile({
  constructorBody: stub("Linear constructor", "1(a)"),
  forwardBody: stub("Linear.forward", "1(b)"),
  backwardBody: stub("Linear.backward", "1(c)"),
});

// Alice: the straightforward solution.
const alice = {
  constructorBody: `    const rng = options.rng ?? defaultRng();
    this.W = Matrix.randn(inFeatures, outFeatures, { rng: rng, std: Math.sqrt(0.01) });
    this.b = Matrix.zeros(1, outFeatures);`,
  forwardBody: `    this.A = A;
    const product = A.matmul(this.W);
    const output = product.addRow(this.b);
    return output;`,
  backwardBody: `    const input = this.A;
    const transposed = input.transpose();
    this.dLdW = transposed.matmul(dLdO);
    let column = 0;
    const sums = Matrix.zeros(1, dLdO.cols);
    for (let i = 0; i < dLdO.rows; i++) {
      for (let j = 0; j < dLdO.cols; j++) {
        sums.set(0, j, sums.get(0, j) + dLdO.get(i, j));
        column += 1;
      }
    }
    this.dLdb = sums;
    return dLdO.matmul(this.W.transpose());`,
};

// Bob: Alice's code with every name changed, other comments, other layout.
const bob = {
  constructorBody: `    // pick a generator
    const generator = options.rng ?? defaultRng();
    this.W = Matrix.randn(inFeatures, outFeatures, {
      rng: generator,
      std: Math.sqrt(0.02),
    });
    this.b = Matrix.zeros(1, outFeatures); /* bias starts at zero */`,
  forwardBody: `    this.A = A; // remember the input
    const mm = A.matmul(this.W);
    const result = mm.addRow(this.b);
    return result;`,
  backwardBody: `    /* gradients */
    const saved = this.A;
    const savedT = saved.transpose();
    this.dLdW = savedT.matmul(dLdO);
    let counter = 7;
    const total = Matrix.zeros(1, dLdO.cols);
    for (let r = 0; r < dLdO.rows; r++)
    {
      for (let c = 0; c < dLdO.cols; c++)
      {
        total.set(0, c, total.get(0, c) + dLdO.get(r, c));
        counter += 2;
      }
    }
    this.dLdb = total;
    return dLdO.matmul(this.W.transpose());`,
};

// Carol: her own solution, written differently throughout.
const carol = {
  constructorBody: `    this.b = Matrix.zeros(1, outFeatures);
    const std = 0.1;
    this.W = Matrix.randn(inFeatures, outFeatures, { std, rng: options.rng ?? defaultRng() });`,
  forwardBody: `    this.A = A;
    return A.matmul(this.W).addRow(this.b);`,
  backwardBody: `    const A = this.A;
    this.dLdb = dLdO.sumRows();
    this.dLdW = A.transposeMatmul(dLdO);
    return dLdO.matmulTranspose(this.W);`,
};

// Dave: wrote his own constructor and forward, copied Alice's backward and renamed.
const dave = {
  constructorBody: `    if (options.rng) {
      this.W = Matrix.randn(inFeatures, outFeatures, { rng: options.rng, std: 0.1 });
    } else {
      this.W = Matrix.randn(inFeatures, outFeatures, { rng: defaultRng(), std: 0.1 });
    }
    this.b = Matrix.zeros(1, outFeatures);`,
  forwardBody: `    this.A = A;
    if (A.rows === 0) return Matrix.zeros(0, this.outFeatures);
    return A.matmul(this.W).addRow(this.b);`,
  backwardBody: bob.backwardBody.replaceAll("saved", "x").replaceAll("total", "acc"),
};

const PATH = "packages/linear/src/linear.ts";
const submission = (id, bodies) => ({ id, files: new Map([[PATH, bodies ? linearFile(bodies) : baselineText]]) });
const baseline = new Map([[PATH, baselineText]]);

/** The 1-based first and last line of `snippet` (a whole-line excerpt) inside `text`. */
function linesOf(text, snippet) {
  const before = text.slice(0, text.indexOf(snippet));
  expect(before.length).toBeLessThan(text.length);
  const first = before.split("\n").length;
  return [first, first + snippet.split("\n").length - 1];
}

/**
 * A deterministic generator of plausible TypeScript: methods of statements
 * (declarations, assignments, conditions, loops, calls) over random
 * expressions, so that two files share no long token sequence by chance.
 */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  const name = () => pick(["a", "b", "x", "y", "row", "col", "sum", "out", "grad", "acc", "W", "value"]) + Math.floor(next() * 9);
  const expression = (depth) => {
    if (depth <= 0) return pick([name, name, () => String(Math.floor(next() * 100)), () => `this.${name()}`])();
    return pick([
      () => `${expression(depth - 1)} ${pick(["+", "-", "*", "/", "<", "===", "&&", "??"])} ${expression(depth - 1)}`,
      () => `${name()}.${pick(["matmul", "add", "get", "scale", "transpose", "map"])}(${Array.from({ length: Math.floor(next() * 3) }, () => expression(depth - 1)).join(", ")})`,
      () => `(${expression(depth - 1)})`,
      () => `${name()}[${expression(depth - 1)}]`,
      () => `Math.${pick(["exp", "max", "log", "sqrt"])}(${expression(depth - 1)})`,
      () => `[${expression(depth - 1)}, ${expression(depth - 1)}]`,
    ])();
  };
  const statement = (indent, depth) => pick([
    () => [`${indent}${pick(["const", "let"])} ${name()} = ${expression(2)};`],
    () => [`${indent}${name()} ${pick(["=", "+=", "-=", "*="])} ${expression(2)};`],
    () => [`${indent}${name()}.${pick(["set", "push", "fill"])}(${expression(1)}, ${expression(1)});`],
    () => [`${indent}return ${expression(2)};`],
    () => depth > 1 ? [] : [`${indent}if (${expression(1)}) {`, ...block(indent + "  ", depth + 1), `${indent}}`],
    () => depth > 1 ? [] : [`${indent}for (let i = 0; i < ${expression(1)}; i++) {`, ...block(indent + "  ", depth + 1), `${indent}}`],
  ])();
  const block = (indent, depth) => Array.from({ length: 1 + Math.floor(next() * 3) }, () => statement(indent, depth)).flat();
  /** A class of methods, `lines` lines long. */
  const file = (lines) => {
    const out = ["export class Generated {"];
    while (out.length < lines - 1) {
      out.push(`  ${name()}(${name()}: Matrix): Matrix {`, ...block("    ", 0), "  }");
    }
    return [...out.slice(0, lines - 2), "  }", "}"].join("\n");
  };
  /** `count` lines of statements for a method body. */
  const body = (count) => {
    const out = [];
    while (out.length < count) out.push(...statement("    ", 2));
    return out.slice(0, count).join("\n");
  };
  return { file, body };
}

describe("fingerprints", () => {
  it("ignore names, literals, comments and layout", () => {
    const a = "function area(width: number, height: number) {\n  // the area\n  return width * height * 0.5;\n}\n";
    const b = "function triangle(w: number,\n    h: number) { /* half */ return w * h * 2; }";
    expect(fingerprints(b, { k: 5, window: 4 }).map((f) => f.hash)).toEqual(fingerprints(a, { k: 5, window: 4 }).map((f) => f.hash));
  });

  it("keep keywords and punctuation apart", () => {
    const hashes = (text) => fingerprints(text, { k: 5, window: 1 }).map((f) => f.hash);
    expect(hashes("while (x < y) { x = x + 1; }")).not.toEqual(hashes("if (x < y) { x = x + 1; }"));
    expect(hashes("while (x < y) { x = x + 1; }")).not.toEqual(hashes("while (x > y) { x = x - 1; }"));
  });

  it("read a template's substitutions and a regular expression as the code around them does", () => {
    // Unhandled, the `}` of a substitution or the `/` of a regex would swallow
    // the rest of the file into one literal.
    const hashes = (text) => fingerprints(text, { k: 4, window: 2 }).map((f) => f.hash);
    const withTemplate = "const s = `a${ {k: 1}.k }b${y}c`;\nconst t = u + v;\nif (t) f(t);";
    const withString = "const s = \"plain\";\nconst t = u + v;\nif (t) f(t);";
    expect(hashes(withTemplate).slice(-4)).toEqual(hashes(withString).slice(-4));
    const withRegex = "const r = /a\"b/g;\nconst t = u + v;\nif (t) f(t);";
    expect(hashes(withRegex)).toEqual(hashes(withString));
  });

  it("remember the lines each k-gram covers", () => {
    const text = "let a = 1;\nlet b = 2;\nlet c = 3;\nlet d = 4;\n";
    const prints = fingerprints(text, { k: 5, window: 1 });
    // 4 lines of 5 tokens; with a window of 1 every k-gram is kept.
    expect(prints.map((f) => [f.firstLine, f.lastLine])).toEqual([
      [1, 1], [1, 2], [1, 2], [1, 2], [1, 2],
      [2, 2], [2, 3], [2, 3], [2, 3], [2, 3],
      [3, 3], [3, 4], [3, 4], [3, 4], [3, 4],
      [4, 4],
    ]);
  });

  it("are none for a source shorter than k tokens, one for a source shorter than a window", () => {
    expect(fingerprints("x = 1;", { k: 12 })).toEqual([]);
    expect(fingerprints("x = 1 + 2;", { k: 5, window: 8 })).toHaveLength(1);
  });
});

describe("similarity report", () => {
  const class_ = [submission("alice", alice), submission("bob", bob), submission("carol", carol), submission("dave", dave), submission("erin")];
  const report = similarityReport(class_, baseline, { minShared: 1 });
  const pair = (x, y) => report.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));

  it("scores a renamed, recommented, reformatted copy ≈ 1, with regions on the copied bodies", () => {
    const copy = pair("alice", "bob");
    expect(copy.score).toBeGreaterThan(0.9);
    expect(copy.score).toBeLessThanOrEqual(1);
    expect(copy.shared).toBeGreaterThanOrEqual(10);
    const aliceText = linearFile(alice);
    const [first, last] = linesOf(aliceText, alice.backwardBody);
    const biggest = copy.matches[0];
    expect(biggest.fileA).toBe(PATH);
    expect(biggest.fileB).toBe(PATH);
    expect(biggest.linesA[0]).toBeLessThanOrEqual(first + 1);
    expect(biggest.linesA[1]).toBeGreaterThanOrEqual(last - 1);
    expect(biggest.textA).toContain("transposed.matmul(dLdO)");
    expect(biggest.textB).toContain("savedT.matmul(dLdO)");
  });

  it("scores two solutions written independently low", () => {
    const independent = pair("alice", "carol");
    expect(independent?.score ?? 0).toBeLessThan(0.3);
  });

  it("scores an untouched stub 0: the baseline is excluded", () => {
    expect(report.filter((p) => p.a === "erin" || p.b === "erin")).toEqual([]);
    expect(similarityReport([submission("erin"), submission("frank")], baseline, { minShared: 0 })).toEqual([]);
  });

  it("finds a copied method as one region covering that method", () => {
    const partial = pair("alice", "dave");
    expect(partial.score).toBeGreaterThan(0.3);
    const [region] = partial.matches;
    const aliceMethod = linesOf(linearFile(alice), alice.backwardBody);
    const daveMethod = linesOf(linearFile(dave), dave.backwardBody);
    const [a, d] = partial.a === "alice" ? [region.linesA, region.linesB] : [region.linesB, region.linesA];
    // The region covers the method body, and strays at most onto the lines around it.
    expect(a[0]).toBeGreaterThanOrEqual(aliceMethod[0] - 2);
    expect(a[0]).toBeLessThanOrEqual(aliceMethod[0] + 1);
    expect(a[1]).toBeGreaterThanOrEqual(aliceMethod[1] - 1);
    expect(a[1]).toBeLessThanOrEqual(aliceMethod[1] + 2);
    expect(d[0]).toBeGreaterThanOrEqual(daveMethod[0] - 2);
    expect(d[0]).toBeLessThanOrEqual(daveMethod[0] + 1);
    expect(d[1]).toBeGreaterThanOrEqual(daveMethod[1] - 1);
    expect(d[1]).toBeLessThanOrEqual(daveMethod[1] + 2);
  });

  it("orders the pairs by score, the copy first, and keeps only `top`", () => {
    expect([report[0].a, report[0].b].sort()).toEqual(["alice", "bob"]);
    const scores = report.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(similarityReport(class_, baseline, { minShared: 1, top: 2 })).toEqual(report.slice(0, 2));
  });

  it("caps a region's text at 40 lines", () => {
    const longBody = generator(7).body(60);
    const copied = { ...carol, backwardBody: longBody };
    const [long] = similarityReport([submission("x", copied), submission("y", copied)], baseline);
    expect(long.score).toBe(1);
    const region = long.matches.find((m) => m.linesA[1] - m.linesA[0] + 1 > 40);
    expect(region.textA.split("\n")).toHaveLength(40);
  });
});

describe("similarity at class scale", () => {
  it("200 submissions × 15 files × 60 lines in under 5 s, the planted copies on top", () => {
    const generate = generator(2003);
    const submissions = Array.from({ length: 200 }, (_, s) => ({
      id: `student-${String(s).padStart(3, "0")}`,
      files: new Map(Array.from({ length: 15 }, (_, f) => [`packages/p${f}/src/file${f}.ts`, generate.file(60)])),
    }));
    // Three students copy a classmate's whole submission.
    for (const [copier, source] of [[11, 10], [51, 150], [199, 0]]) {
      submissions[copier] = { id: submissions[copier].id, files: new Map(submissions[source].files) };
    }
    const handout = new Map([["packages/p0/src/file0.ts", generate.file(60)]]);

    const started = performance.now();
    const report = similarityReport(submissions, handout);
    const seconds = (performance.now() - started) / 1000;

    expect(seconds).toBeLessThan(5);
    // All three score 1; among equals the pair sharing more comes first.
    expect(report.slice(0, 3).map((p) => `${p.a} ${p.b}`).sort()).toEqual([
      "student-000 student-199",
      "student-010 student-011",
      "student-051 student-150",
    ]);
    expect(report.slice(0, 3).map((p) => p.score)).toEqual([1, 1, 1]);
    expect(report[0].matches.length).toBeLessThanOrEqual(8);
    expect(report[3]?.score ?? 0).toBeLessThan(0.2);
  });
});
