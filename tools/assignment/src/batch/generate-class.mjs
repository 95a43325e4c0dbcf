// A generated class for trying the batch grader: a deterministic mix of
// the submissions a course sees, made from the reference solutions and the
// stubs of the repository at `root`. Kinds, in turn by a seeded draw:
//   reference  every method solved (local names renamed per student)
//   partial    Problems 1 and 2 solved, the rest left as stubs
//   wrong      solved, but Linear.forward forgets the bias
//   stub       the handout as it came
//   broken     solved, with a syntax error in mlp1.ts
//   loop       solved, but Tanh.forward never returns
//   hostile    solved but wrong, and tries to read the reference and forge results
// each as a folder or a zip, plus one of each bad archive (a path that leaves
// it, a symlink entry, a bomb, not a zip, a 2 GB file, a symlink to the
// reference). With `gradescope`, the layout of a Gradescope export.
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRng } from "./rng.mjs";
import { loadGradingConfig } from "../config.mjs";
import { projectFiles } from "../files.mjs";
import { isStudentSource, stubbedSource } from "../handout.mjs";
import { zip } from "../zip.mjs";

export const KINDS = ["reference", "reference", "reference", "reference", "partial", "partial", "wrong", "stub", "broken", "loop", "hostile"];

/** The student's files for one kind: path → text. */
function sourcesOf(root, config, kind, student) {
  const files = new Map();
  for (const path of projectFiles(root).filter((p) => isStudentSource(p, config))) {
    const solvedHere = kind !== "stub" && (kind !== "partial" || /packages\/(linear|loss)\//.test(path));
    let text = solvedHere ? readFileSync(join(root, path), "utf8") : stubbedSource(root, path, config).text;
    if (solvedHere) text = text.replace(/\b(dLdH2|dLdA1|dLdH1|logP|shifted)\b/g, (name) => `${name}_${student}`); // each student's own names
    files.set(path, text);
  }
  const edit = (path, before, after) => {
    const text = files.get(path);
    if (!text.includes(before)) throw new Error(`generate-class: ${path} lacks ${before}`);
    files.set(path, text.replace(before, after));
  };
  if (kind === "wrong") edit("packages/linear/src/linear.ts", "return A.matmul(this.W).addRow(this.b);", "return A.matmul(this.W);");
  if (kind === "broken") edit("packages/mlp/src/mlp1.ts", "return phi2.forward(layer2.forward(A1));", "return phi2.forward(layer2.forward(A1);");
  if (kind === "loop") edit("packages/activation/src/tanh.ts", "return H.map(Math.tanh);", "for (;;) { /* never returns */ }");
  if (kind === "hostile") {
    edit("packages/loss/src/mse-loss.ts", "return E.mul(E).sum() / (O.rows * O.cols);", `let stolen = "";
    try { stolen = process.getBuiltinModule("node:fs").readFileSync("${join(root, "packages/loss/src/mse-loss.ts")}", "utf8"); } catch (error) { stolen = String(error); }
    Math.abs = () => 0;
    throw new Error(stolen.slice(0, 2000));`);
  }
  return files;
}

/**
 * Writes `count` submissions into `out` (which should be empty), of kinds
 * drawn with `seed`, or exactly `kinds` in order when given; returns [{ id, kind }].
 */
export function generateClass(root, out, { count = 200, seed = 1, gradescope = false, kinds = null } = {}) {
  const config = loadGradingConfig(root);
  const rng = createRng(seed);
  const made = [];
  const metadata = [];
  mkdirSync(out, { recursive: true });
  for (let n = 0; n < (kinds?.length ?? count); n++) {
    const kind = kinds?.[n] ?? KINDS[Math.floor(rng() * KINDS.length)];
    const id = gradescope ? `submission_${100000 + n}` : `student-${String(n + 1).padStart(3, "0")}`;
    const files = sourcesOf(root, config, kind, n + 1);
    const asZip = !gradescope && (kinds ? n % 2 === 1 : rng() < 0.4); // given kinds: every other one a zip
    if (asZip) {
      writeFileSync(join(out, `${id}.zip`), zip([...files].map(([name, text]) => ({ name, data: Buffer.from(text) }))));
    } else {
      for (const [name, text] of files) {
        mkdirSync(dirname(join(out, id, name)), { recursive: true });
        writeFileSync(join(out, id, name), text);
      }
    }
    if (gradescope) metadata.push(`${id}:\n  :submitters:\n  - :name: Student ${n + 1}\n    :sid: '${n + 1}'\n    :email: student${n + 1}@example.edu\n`);
    made.push({ id, kind });
  }
  if (gradescope) writeFileSync(join(out, "submission_metadata.yml"), `---\n${metadata.join("")}`);
  else made.push(...badArchives(root, out));
  return made;
}

/** One submission of each kind of bad archive. */
function badArchives(root, out) {
  const one = (name, text = "export {};\n") => ({ name, data: Buffer.from(text) });
  writeFileSync(join(out, "bad-traversal.zip"), zip([one("packages/linear/src/linear.ts"), one("../../escaped.ts")]));
  writeFileSync(join(out, "bad-symlink-entry.zip"), zip([{ ...one("packages/linear/src/linear.ts", join(root, "packages/linear/src/linear.ts")), mode: 0o120777 }]));
  writeFileSync(join(out, "bad-bomb.zip"), zip([{ name: "packages/linear/src/linear.ts", data: Buffer.alloc(80 << 20, 32) }]));
  writeFileSync(join(out, "bad-not-a-zip.zip"), "this is not a zip file\n");
  writeFileSync(join(out, "bad-two-gigabytes.zip"), "");
  truncateSync(join(out, "bad-two-gigabytes.zip"), 2 ** 31); // sparse: no disk used
  mkdirSync(join(out, "bad-symlink-folder", "packages", "linear", "src"), { recursive: true });
  symlinkSync(join(root, "packages/linear/src/linear.ts"), join(out, "bad-symlink-folder", "packages", "linear", "src", "linear.ts"));
  return ["bad-traversal", "bad-symlink-entry", "bad-bomb", "bad-not-a-zip", "bad-two-gigabytes", "bad-symlink-folder"].map((id) => ({ id, kind: id }));
}
