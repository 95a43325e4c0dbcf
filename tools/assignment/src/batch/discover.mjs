// The submissions of a class in one folder: sub-folders and zips (each a
// submission, its id the name without .zip), or a Gradescope "Download
// submissions" export (submission_metadata.yml beside one folder per
// submission), whose submitters' names and emails are kept.
import { existsSync, lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * @typedef {{ id: string, path: string, submitters: string }} Submission
 */

/**
 * The submitters of each submission in a Gradescope export's metadata:
 * submission folder name → "Name <email>; …". Reads only the keys it needs.
 */
export function parseGradescopeMetadata(text) {
  const out = new Map();
  let current = null;
  let name = null;
  for (const line of text.split("\n")) {
    const top = /^(\S[^:]*):\s*$/.exec(line);
    if (top) {
      current = top[1].trim().replace(/^['"]|['"]$/g, "");
      out.set(current, []);
      continue;
    }
    if (current === null) continue;
    const field = /^\s*-?\s*:(name|email):\s*(.*)$/.exec(line);
    if (!field) continue;
    const value = field[2].trim().replace(/^['"]|['"]$/g, "");
    if (field[1] === "name") name = value;
    else {
      out.get(current).push(name ? `${name} <${value}>` : value);
      name = null;
    }
  }
  return new Map([...out].map(([id, people]) => [id, people.join("; ")]));
}

/** The submissions in `dir`, sorted by id. Symlinks and dot-files are not submissions. */
export function discoverSubmissions(dir) {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) throw new Error(`--batch: ${dir} is not a folder`);
  const metadataPath = join(dir, "submission_metadata.yml");
  const submitters = existsSync(metadataPath) ? parseGradescopeMetadata(readFileSync(metadataPath, "utf8")) : new Map();
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) out.push({ id: entry.name, path: join(dir, entry.name), submitters: submitters.get(entry.name) ?? "" });
    else if (entry.isFile() && entry.name.endsWith(".zip")) {
      const id = entry.name.slice(0, -4);
      out.push({ id, path: join(dir, entry.name), submitters: submitters.get(id) ?? "" });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
