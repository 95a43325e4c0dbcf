// Finds the `// BEGIN SOLUTION … // END SOLUTION` regions of a TypeScript file
// and the method each one belongs to, using the TypeScript parser (so a region
// is attributed to its enclosing class and method, not guessed from text).
import ts from "typescript";

const BEGIN = /^(\s*)\/\/ BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/ END SOLUTION\s*$/;

/**
 * @typedef {{ begin: number, end: number, indent: string, method: string }} Region
 *   begin/end: 0-based line numbers of the two marker lines; method: "Class.member".
 */

/** The regions of `text` (a .ts file called `fileName`). Throws on unbalanced or nested markers. */
export function findSolutionRegions(text, fileName) {
  const lines = text.split("\n");
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lineStarts = source.getLineStarts();
  /** @type {Region[]} */
  const regions = [];
  let open = null;
  lines.forEach((line, i) => {
    const begin = BEGIN.exec(line);
    if (begin) {
      if (open) throw new Error(`${fileName}:${i + 1}: BEGIN SOLUTION inside the region opened at line ${open.begin + 1}`);
      open = { begin: i, indent: begin[1] };
    } else if (END.test(line)) {
      if (!open) throw new Error(`${fileName}:${i + 1}: END SOLUTION without a BEGIN SOLUTION`);
      regions.push({ begin: open.begin, end: i, indent: open.indent, method: enclosingMethod(source, lineStarts[open.begin], fileName, i) });
      open = null;
    }
  });
  if (open) throw new Error(`${fileName}:${open.begin + 1}: BEGIN SOLUTION is never closed`);
  return regions;
}

/** "Class.method" (or "Class.constructor") of the innermost member containing `position`. */
function enclosingMethod(source, position, fileName, line) {
  let found = null;
  const visit = (node) => {
    if (position < node.getStart(source) || position >= node.getEnd()) return;
    if (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node)) {
      const cls = node.parent;
      const className = cls && ts.isClassDeclaration(cls) && cls.name ? cls.name.text : "(anonymous)";
      const member = ts.isConstructorDeclaration(node) ? "constructor" : node.name.getText(source);
      found = `${className}.${member}`;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error(`${fileName}:${line + 1}: a solution region must sit inside a class method`);
  return found;
}

/**
 * The file with every region replaced by a stub: a TODO comment with the
 * problem and the equation, and a throw of NotImplementedError naming the
 * method and the problem. `stubs` maps "Class.method" → { problem, todo }.
 * Adds the NotImplementedError import when the file lacks it.
 */
export function stubRegions(text, fileName, stubs) {
  const regions = findSolutionRegions(text, fileName);
  if (regions.length === 0) return { text, regions };
  for (const region of regions) {
    if (!stubs.has(region.method)) throw new Error(`${fileName}:${region.begin + 1}: the region in ${region.method} has no entry in grading/points.json (stubs)`);
  }
  const lines = text.split("\n");
  for (const region of [...regions].reverse()) {
    const stub = stubs.get(region.method);
    const { indent } = region;
    lines.splice(region.begin, region.end - region.begin + 1,
      `${indent}// TODO (Problem ${stub.problem}): ${stub.todo}`,
      `${indent}throw new NotImplementedError(${JSON.stringify(region.method.replace(".constructor", " constructor"))}, ${JSON.stringify(stub.problem)});`,
    );
  }
  let out = lines.join("\n");
  if (!/import \{[^}]*\bNotImplementedError\b[^}]*\} from "@mytorch\/matrix";/.test(out)) {
    out = `import { NotImplementedError } from "@mytorch/matrix";\n` + out;
  }
  return { text: out, regions };
}
