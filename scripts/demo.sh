#!/usr/bin/env bash
# The main job: installs what is needed, builds, and runs the demo on built-in defaults (no collector, no database).
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_APT=1 bash scripts/ensure-tools.sh
exec node examples/demo/index.mjs "$@"
