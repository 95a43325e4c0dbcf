#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image; the bundle
# is unpacked in $AUTOGRADER_ROOT/source (/autograder/source on Gradescope).
# Set AUTOGRADER_ROOT to rehearse it anywhere else.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
cd "$ROOT/source"

# Node.js ≥ 20.19 (require() of ES modules). Gradescope's Ubuntu images ship
# none, so install Node 20 from NodeSource's apt repository when it is missing.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi

# pnpm and the workspace (no Jupyter or data sets: grading needs neither).
MYTORCH_SKIP_SYSTEM=1 node scripts/setup.mjs
