#!/usr/bin/env bash
# Runs every check and every test, on a fresh machine too. Ends with: tests: N passed, N failed
set -uo pipefail
cd "$(dirname "$0")/.."
export FORCE_COLOR=0

bash scripts/ensure-tools.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

step_pass=0
step_fail=0
step() { # name, command...
  local name=$1; shift
  echo "› $name"
  if "$@"; then step_pass=$((step_pass + 1)); else step_fail=$((step_fail + 1)); echo "✗ $name failed"; fi
}

step "lint (biome)" pnpm -s lint
step "typecheck (tsc, sources and tests)" pnpm -s typecheck
step "package checks (publint, attw)" pnpm -s check:packages
step "consumer smoke test (pack, install, require and import)" pnpm -s smoke

echo "› jest"
results=$(mktemp)
pnpm -s exec jest --ci --json --outputFile="$results"
jest_exit=$?
read -r jest_pass jest_fail < <(node -e '
  const fs = require("fs");
  const text = fs.existsSync(process.argv[1]) ? fs.readFileSync(process.argv[1], "utf8") : "";
  const r = text ? JSON.parse(text) : {};
  // A suite that failed to load has no test results of its own: count it as one failure.
  const brokenSuites = (r.testResults || []).filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
  console.log((r.numPassedTests || 0) + " " + ((r.numFailedTests || 0) + brokenSuites));
' "$results" 2>/dev/null || echo "0 1")
rm -f "$results"
# jest failed without naming a failing test (crash, open-handle timeout): count one failure.
if [[ $jest_exit -ne 0 && $jest_fail -eq 0 ]]; then jest_fail=1; fi

# Each non-jest check counts as one test; jest counts each of its tests.
echo "tests: $((jest_pass + step_pass)) passed, $((jest_fail + step_fail)) failed"
[[ $((jest_fail + step_fail)) -eq 0 ]]
