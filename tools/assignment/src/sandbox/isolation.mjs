// How an agent process is started: the command that wraps `node agent.mjs`.
//
// Always: Node's permission model (read only the sandbox, write only its
// scratch directory; no child processes, no workers, no native addons).
// As root (Gradescope, CI): also a network namespace with no interfaces, a
// PID namespace (the grader's processes are invisible, and everything the
// agent starts dies with it) and an unprivileged user (nobody) who owns
// nothing of ours. Not root: a user namespace gives the same network and PID
// namespaces where the kernel allows it; otherwise the permission model alone.
import { spawnSync } from "node:child_process";
import { chownSync } from "node:fs";

export const NOBODY = 65534;
let userNamespaces = null;

/** True when unprivileged user namespaces work here (tried once). */
function canUseUserNamespaces() {
  if (userNamespaces === null) {
    const probe = spawnSync("unshare", ["--user", "--map-root-user", "--net", "--pid", "--fork", "true"], { stdio: "ignore", timeout: 5000 });
    userNamespaces = probe.status === 0;
  }
  return userNamespaces;
}

/** The isolation in force, in words for the log. */
export function isolationSummary() {
  if (process.getuid?.() === 0) return "permission model, user nobody, no network, own PID namespace";
  return canUseUserNamespaces() ? "permission model, user namespace, no network, own PID namespace" : "permission model only (no namespaces available)";
}

/**
 * [command, args] that run `agent` under the isolation, with `sandbox`
 * readable and `scratch` writable. Makes `scratch` the unprivileged user's.
 */
export function isolatedCommand({ dir: sandbox, scratch, agent, heapMB = 1024 }) {
  const nodeArgs = [
    "--experimental-permission",
    `--allow-fs-read=${sandbox}/`,
    `--allow-fs-write=${scratch}/`,
    `--max-old-space-size=${heapMB}`,
    "--no-warnings",
    agent,
  ];
  if (process.getuid?.() === 0) {
    chownSync(scratch, NOBODY, NOBODY);
    return ["unshare", ["--net", "--pid", "--fork", "--kill-child", "--",
      "setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--no-new-privs", "--",
      process.execPath, ...nodeArgs]];
  }
  if (canUseUserNamespaces()) {
    return ["unshare", ["--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--", process.execPath, ...nodeArgs]];
  }
  return [process.execPath, nodeArgs];
}
