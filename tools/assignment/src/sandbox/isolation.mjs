// How an agent process is started: the command that wraps `node agent.mjs`.
//
// Always: Node's permission model (read only the sandbox, write nothing;
// no child processes, no workers, no native addons, no WASI, no inspector).
// Where the kernel allows it, also namespaces of the agent's own:
//   - network: no interfaces at all;
//   - PID: the grader's processes are invisible to it, and everything the
//     agent starts dies with it;
//   - mount: /tmp is the sandbox itself, read-only, and /var/tmp, /dev/shm
//     and /run/lock are empty read-only folders, so it can neither create a
//     socket or file that outlives it nor reach one of the machine's there.
// As root (Gradescope, CI) the agent runs as the user nobody; not root, a user
// namespace stands in. The strongest level that works here is found once, by
// starting it; the grade's log names it.
import { spawnSync } from "node:child_process";

export const NOBODY = 65534;

/** Inside the mount namespace: the sandbox becomes /tmp (read-only), the other shared folders empty. */
const MOUNTS = `set -e
mount --bind "$1" /tmp
mount -o remount,bind,ro /tmp
for d in /var/tmp /dev/shm /run/lock; do
  if [ -d "$d" ] && [ ! -L "$d" ]; then mount -t tmpfs -o ro,size=4k,mode=755 tmpfs "$d"; fi
done
cd /tmp
shift
exec "$@"`;

const DROP = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--no-new-privs", "--"];

/**
 * The levels to try, strongest first: each is (sandbox, nodeArgs(dir)) →
 * [command, args], where dir is the sandbox as the agent sees it.
 */
function levels() {
  const node = process.execPath;
  const viaMounts = (prefix, inner) => (sandbox, nodeArgs) => [prefix[0], [...prefix.slice(1), "/bin/sh", "-c", MOUNTS, "sh", sandbox, ...inner, node, ...nodeArgs("/tmp")]];
  if (process.getuid?.() === 0) {
    const ns = ["unshare", "--net", "--pid", "--fork", "--kill-child"];
    return [
      { name: "permission model, user nobody, own network, PID and mount namespaces", build: viaMounts([...ns, "--mount", "--"], DROP) },
      { name: "permission model, user nobody, own network and PID namespaces", build: (sandbox, nodeArgs) => [ns[0], [...ns.slice(1), "--", ...DROP, node, ...nodeArgs(sandbox)]] },
      { name: "permission model, user nobody (no namespaces here)", build: (sandbox, nodeArgs) => [DROP[0], [...DROP.slice(1), node, ...nodeArgs(sandbox)]] },
    ];
  }
  const userns = ["unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child"];
  return [
    { name: "permission model, own user, network, PID and mount namespaces", build: viaMounts([...userns, "--mount", "--"], []) },
    { name: "permission model, own user, network and PID namespaces", build: (sandbox, nodeArgs) => [userns[0], [...userns.slice(1), "--", node, ...nodeArgs(sandbox)]] },
    { name: "permission model only (no namespaces here)", build: (sandbox, nodeArgs) => [node, nodeArgs(sandbox)] },
  ];
}

let chosen = null;

/** The strongest level that starts `node -e 0` under the permission model here (tried once). */
function level(sandbox) {
  if (chosen === null) {
    const all = levels();
    chosen = all.find(({ build }) => {
      const [command, args] = build(sandbox, (dir) => ["--experimental-permission", `--allow-fs-read=${dir}/`, "-e", "0"]);
      return spawnSync(command, args, { cwd: sandbox, stdio: "ignore", timeout: 10_000 }).status === 0;
    }) ?? all.at(-1);
  }
  return chosen;
}

/** The isolation in force, in words for the log. */
export function isolationSummary(sandbox) {
  return level(sandbox).name;
}

/**
 * [command, args] that run the agent of `sandbox` (see build.mjs) under the
 * strongest isolation available, with the sandbox readable and nothing
 * writable: no file to fill a disk with, none for another agent (a hidden
 * check's, say) to find.
 */
export function isolatedCommand({ dir: sandbox, heapMB = 1024 }) {
  const nodeArgs = (dir) => [
    "--experimental-permission",
    `--allow-fs-read=${dir}/`,
    `--max-old-space-size=${heapMB}`,
    "--no-warnings",
    `${dir}/agent.mjs`,
  ];
  return level(sandbox).build(sandbox, nodeArgs);
}
