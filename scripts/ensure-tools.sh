#!/usr/bin/env bash
# Installs what the project needs on a fresh Node 20 machine: pnpm 10, the workspace dependencies, and the
# Debian packages the tests run for real (Prometheus' promtool, Redis, PostgreSQL). Idempotent and quiet.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "› installing pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit >/dev/null
fi

need_apt=()
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
command -v amtool >/dev/null 2>&1 || need_apt+=(prometheus-alertmanager)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || need_apt+=(redis-tools)
# scripts/services.sh runs the test cluster as the `postgres` user when root (initdb refuses root).
{ command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && id postgres >/dev/null 2>&1; } ||
  need_apt+=(postgresql)
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
if [[ ${#need_apt[@]} -gt 0 && "${SKIP_APT:-}" != 1 ]]; then
  echo "› installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian starts the daemons on install; tests start their own on loopback ports, so stop these.
  (service redis-server stop || true) >/dev/null 2>&1
  (service prometheus stop || true) >/dev/null 2>&1
  (service postgresql stop || true) >/dev/null 2>&1
fi
# Debian's PostgreSQL keeps its binaries outside PATH.
if ! command -v initdb >/dev/null 2>&1; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$pgbin" ]] && for b in initdb pg_ctl postgres pg_isready; do ln -sf "$pgbin/$b" "/usr/local/bin/$b"; done
fi

echo "› pnpm install"
pnpm install --frozen-lockfile --reporter=silent
echo "› build"
pnpm -s build >/dev/null
