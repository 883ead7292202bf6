#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis on free loopback ports, for tests and local runs.
#
#   scripts/services.sh start DIR [postgres] [redis]   start them (both by default); state lives in DIR
#   scripts/services.sh stop DIR                        stop whatever DIR holds and delete DIR
#   scripts/services.sh stop-redis DIR                  stop Redis only (an outage); its port stays reserved in DIR
#   scripts/services.sh start-redis DIR                 start Redis again on the same port
#
# `start` prints, and writes to DIR/env, one line per service: DATABASE_URL=postgres://... REDIS_URL=redis://...
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (runuser);
# it listens on 127.0.0.1 only, with a random password for user `app` (scram) and no durability (fsync off).
set -euo pipefail

die() { echo "services.sh: $*" >&2; exit 1; }

pg_bin() { # the directory of initdb/pg_ctl: PATH first, then Debian's versioned folder
  local found
  found=$(command -v initdb 2>/dev/null || true)
  if [[ -n "$found" ]]; then dirname "$(readlink -f "$found")"; return; fi
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$found" ]] || die "PostgreSQL not found (initdb); run scripts/ensure-tools.sh"
  echo "$found"
}

free_port() { # a port the kernel just handed out on loopback (closed again at once)
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

as_pg_owner() { # runs a command as the cluster owner: `postgres` when we are root, else ourselves
  if [[ $(id -u) -ne 0 ]]; then "$@"; return; fi
  id postgres >/dev/null 2>&1 || die "as root, PostgreSQL runs as the 'postgres' user, which is missing; run scripts/ensure-tools.sh"
  runuser -u postgres -- "$@"
}

start_postgres() {
  local dir=$1 bin port password
  bin=$(pg_bin)
  port=$(free_port)
  password=$(node -e 'console.log(require("crypto").randomBytes(18).toString("hex"))')
  mkdir -p "$dir/pg"
  printf '%s\n' "$password" >"$dir/pg/pwfile"
  as_pg_owner true # fails early, and clearly, when root has no `postgres` user
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$dir/pg"
  as_pg_owner "$bin/initdb" -D "$dir/pg/data" -U app --pwfile="$dir/pg/pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 ||
    die "initdb failed: $(tail -n 5 "$dir/pg/initdb.log")"
  rm -f "$dir/pg/pwfile"
  as_pg_owner "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 start \
    -o "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || die "PostgreSQL did not start: $(tail -n 5 "$dir/pg/server.log")"
  echo "DATABASE_URL=postgres://app:$password@127.0.0.1:$port/postgres" >>"$dir/env"
}

start_redis_on() { # dir, port
  local dir=$1 port=$2
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" >/dev/null ||
    die "redis-server did not start: $(tail -n 5 "$dir/redis/redis.log" 2>/dev/null)"
  for _ in $(seq 1 100); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  die "redis-server does not answer on port $port: $(tail -n 5 "$dir/redis/redis.log")"
}

start_redis() {
  local dir=$1 port
  command -v redis-server >/dev/null || die "redis-server not found; run scripts/ensure-tools.sh"
  port=$(free_port)
  mkdir -p "$dir/redis"
  echo "$port" >"$dir/redis/port"
  start_redis_on "$dir" "$port"
  echo "REDIS_URL=redis://127.0.0.1:$port" >>"$dir/env"
}

stop_redis() {
  local dir=$1 pid
  [[ -f "$dir/redis/redis.pid" ]] || return 0
  pid=$(cat "$dir/redis/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  rm -f "$dir/redis/redis.pid"
}

stop_postgres() {
  local dir=$1
  [[ -f "$dir/pg/data/postmaster.pid" ]] || return 0
  as_pg_owner "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
}

cmd=${1:-}
dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || die "usage: services.sh start|stop|stop-redis|start-redis DIR [postgres] [redis]"
shift 2
case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    chmod 755 "$dir" # the postgres user must reach DIR/pg
    : >"$dir/env"
    wanted=("$@")
    [[ ${#wanted[@]} -eq 0 ]] && wanted=(postgres redis)
    for service in "${wanted[@]}"; do
      case "$service" in
        postgres) start_postgres "$dir" ;;
        redis) start_redis "$dir" ;;
        *) die "unknown service '$service' (postgres, redis)" ;;
      esac
    done
    cat "$dir/env"
    ;;
  stop)
    stop_redis "$dir"
    stop_postgres "$dir"
    rm -rf "$dir"
    ;;
  stop-redis) stop_redis "$dir" ;;
  start-redis) start_redis_on "$dir" "$(cat "$dir/redis/port")" ;;
  *) die "unknown command '$cmd' (start, stop, stop-redis, start-redis)" ;;
esac
