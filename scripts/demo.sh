#!/usr/bin/env bash
# The main job: installs what is needed, builds, then runs the FastTodo Express example on built-in defaults
# (no collector, no database), drives the traffic scenario, prints where to look and a few log lines, and
# exits. `--serve` keeps it serving (PORT, default 3000) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_APT=1 bash scripts/ensure-tools.sh
exec node examples/traffic/demo.mjs "$@"
