#!/usr/bin/env bash
# Runs every check and every test, on a fresh machine too. Ends with: tests: N passed, N failed
# The jest suite and the consumer smoke test run on the machine's Node (20) and again on each line in
# NODE_LINES (default "22 24 26"; NODE_LINES= skips them), installed from the registry by scripts/install-node.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
export FORCE_COLOR=0
NODE_LINES=${NODE_LINES-22 24 26}

bash scripts/ensure-tools.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

step_pass=0
step_fail=0
step() { # name, command...
  local name=$1; shift
  echo "› $name"
  if "$@"; then step_pass=$((step_pass + 1)); else step_fail=$((step_fail + 1)); echo "✗ $name failed"; fi
}

jest_pass=0
jest_fail=0
jest_on() { # label, command prefix (e.g. bash scripts/with-node.sh 24)...
  local label=$1; shift
  echo "› jest on $label"
  local results
  results=$(mktemp)
  "$@" node node_modules/jest/bin/jest.js --ci --json --outputFile="$results"
  local exit_code=$?
  local pass fail
  read -r pass fail < <(node -e '
    const fs = require("fs");
    const text = fs.existsSync(process.argv[1]) ? fs.readFileSync(process.argv[1], "utf8") : "";
    const r = text ? JSON.parse(text) : {};
    // A suite that failed to load has no test results of its own: count it as one failure.
    const brokenSuites = (r.testResults || []).filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log((r.numPassedTests || 0) + " " + ((r.numFailedTests || 0) + brokenSuites));
  ' "$results" 2>/dev/null || echo "0 1")
  rm -f "$results"
  # jest failed without naming a failing test (crash, open-handle timeout, no such Node): count one failure.
  if [[ $exit_code -ne 0 && $fail -eq 0 ]]; then fail=1; fi
  echo "  jest on $label: $pass passed, $fail failed"
  jest_pass=$((jest_pass + pass))
  jest_fail=$((jest_fail + fail))
}

step "lint (biome)" pnpm -s lint
step "typecheck (tsc, sources and tests)" pnpm -s typecheck
step "package checks (publint, attw)" pnpm -s check:packages
step "lockfile (one version of each SDK package, inside the published ranges)" node scripts/check-lockfile.mjs
step "consumer smoke test on Node $(node -v) (pack, install, require, import, both builds, types)" pnpm -s smoke
jest_on "Node $(node -v)" env

for line in $NODE_LINES; do
  step "consumer smoke test on Node $line" bash scripts/with-node.sh "$line" node scripts/consumer-smoke.mjs --no-types
  jest_on "Node $line" bash scripts/with-node.sh "$line"
done

# Each non-jest check counts as one test; jest counts each of its tests, once per Node line.
echo "tests: $((jest_pass + step_pass)) passed, $((jest_fail + step_fail)) failed"
[[ $((jest_fail + step_fail)) -eq 0 ]]
