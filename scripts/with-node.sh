#!/usr/bin/env bash
# Runs a command with one Node.js line first on PATH (installed by scripts/install-node.sh), so the command and
# every `node` it spawns (jest workers, child processes, npm, pnpm) run on that line.
# Usage: bash scripts/with-node.sh 24 pnpm exec jest packages/redact
set -euo pipefail
line=${1:?usage: with-node.sh <22|24|26|x.y.z> <command...>}
shift
[[ $# -gt 0 ]] || { echo "with-node: no command given" >&2; exit 2; }
node_bin=$(bash "$(dirname "$0")/install-node.sh" "$line")
PATH="$(dirname "$node_bin"):$PATH" exec "$@"
