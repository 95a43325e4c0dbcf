// Which files make up the repository: git's list when there is one, else a
// walk that skips build output and installed packages.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

const SKIP_DIRS = new Set(["node_modules", "dist", ".turbo", "out", ".git", ".tools", "__pycache__", ".jupyter"]);

/** Repository-relative paths of the project's files under `root`, sorted. */
export function projectFiles(root) {
  if (existsSync(join(root, ".git"))) {
    try {
      const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      return tracked.split("\0").filter((p) => p.length > 0 && existsSync(join(root, p))).sort();
    } catch {
      // fall through to the walk
    }
  }
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.isFile()) {
        out.push(relative(root, join(dir, entry.name)));
      }
    }
  };
  walk(root);
  return out.sort();
}
