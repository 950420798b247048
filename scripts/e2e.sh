#!/usr/bin/env bash
# End-to-end check of the local stack: starts ./homebiyori run in the background, waits for the user API,
# runs the Postman journey (newman, JUnit report in target/e2e/) and the TypeScript journey through the
# generated client (ts-journey/), then stops the stack and everything it started. Exits non-zero if
# anything failed. Needs the local stack's jar (./mvnw verify or package builds it; ./homebiyori builds
# what is missing) and the generated TypeScript client (generated-api/target/typescript/user).
#   scripts/e2e.sh                 ports from HOMEBIYORI_*_PORT (defaults as in README), data kept
#   E2E_FRESH=1 scripts/e2e.sh     delete .homebiyori/dynamodb first (a fresh local database)
# Every journey is a new user, so a kept database does not matter.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export HOMEBIYORI_USER_API_PORT="${HOMEBIYORI_USER_API_PORT:-8080}"
export HOMEBIYORI_ADMIN_API_PORT="${HOMEBIYORI_ADMIN_API_PORT:-8081}"
export HOMEBIYORI_INTERNAL_API_PORT="${HOMEBIYORI_INTERNAL_API_PORT:-8082}"
export HOMEBIYORI_DYNAMODB_PORT="${HOMEBIYORI_DYNAMODB_PORT:-8000}"
export HOMEBIYORI_SQS_PORT="${HOMEBIYORI_SQS_PORT:-9324}"
export HOMEBIYORI_ISSUER_PORT="${HOMEBIYORI_ISSUER_PORT:-8090}"
export HOMEBIYORI_STRIPE_PORT="${HOMEBIYORI_STRIPE_PORT:-12111}"
ports=("$HOMEBIYORI_DYNAMODB_PORT" "$HOMEBIYORI_USER_API_PORT" "$HOMEBIYORI_ADMIN_API_PORT" "$HOMEBIYORI_INTERNAL_API_PORT"
       "$HOMEBIYORI_ISSUER_PORT" "$HOMEBIYORI_SQS_PORT" "$HOMEBIYORI_STRIPE_PORT" "${HOMEBIYORI_DOCS_PORT:-8089}")
out=target/e2e
startup_timeout="${E2E_STARTUP_TIMEOUT:-120}"
started=$SECONDS

log() { echo "[e2e] $*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
busy_ports() {
  local p busy=()
  for p in "${ports[@]}"; do listening "$p" && busy+=("$p"); done
  echo "${busy[*]:-}"
}

busy="$(busy_ports)"
if [ -n "$busy" ]; then
  log "ports already in use: $busy — stop what listens there (another ./homebiyori run, or a dynalite left behind:"
  log "  ss -ltnp | grep -E ':(${busy// /|})\\b'), or choose other ports with HOMEBIYORI_*_PORT"
  exit 2
fi

bash scripts/ensure-node-modules.sh
client=generated-api/target/typescript/user/src
if [ ! -f "$client/index.ts" ]; then
  log "the generated TypeScript client is missing ($client): run ./mvnw verify (or ./mvnw -DskipTests package) first"
  exit 2
fi

rm -rf "$out"
mkdir -p "$out"
if [ "${E2E_FRESH:-0}" = 1 ]; then
  log "E2E_FRESH=1: deleting .homebiyori/dynamodb"
  rm -rf .homebiyori/dynamodb
fi

# The stack runs as a job in its own process group (set -m: its pgid is its pid), so that stopping the
# group reaches the Java process and the dynalite process it started.
log "starting ./homebiyori run (log: $out/stack.log)"
set -m
./homebiyori run >"$out/stack.log" 2>&1 </dev/null &
stack_pid=$!
set +m

stop_stack() {
  local rc=$? waited=0
  trap - EXIT INT TERM
  if kill -0 "$stack_pid" 2>/dev/null; then
    log "stopping the stack (process group $stack_pid)"
    kill -TERM -- "-$stack_pid" 2>/dev/null || true
    while kill -0 -- "-$stack_pid" 2>/dev/null && [ "$waited" -lt 80 ]; do sleep 0.5; waited=$((waited + 1)); done
    if kill -0 -- "-$stack_pid" 2>/dev/null; then
      log "the stack did not stop within 40 s: killing its process group"
      kill -KILL -- "-$stack_pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  local left
  left="$(busy_ports)"
  if [ -n "$left" ]; then
    log "FAILED: still listening after the stack stopped: $left"
    [ "$rc" -ne 0 ] || rc=1
  fi
  log "finished in $((SECONDS - started)) s"
  exit "$rc"
}
trap stop_stack EXIT
trap 'exit 130' INT TERM

deadline=$((SECONDS + startup_timeout))
until curl -sf "http://127.0.0.1:${HOMEBIYORI_USER_API_PORT}/api/health" >/dev/null 2>&1; do
  if ! kill -0 "$stack_pid" 2>/dev/null; then
    log "FAILED: the stack exited during start-up; the end of $out/stack.log:"
    tail -n 30 "$out/stack.log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    log "FAILED: the user API did not answer /api/health within ${startup_timeout} s; the end of $out/stack.log:"
    tail -n 30 "$out/stack.log" >&2
    exit 1
  fi
  sleep 1
done
log "the stack is up after $((SECONDS - started)) s"

failed=()

log "newman: postman/homebiyori-journey.postman_collection.json"
if ! node_modules/.bin/newman run postman/homebiyori-journey.postman_collection.json \
    -e postman/local.postman_environment.json \
    --env-var "user_api=http://127.0.0.1:${HOMEBIYORI_USER_API_PORT}" \
    --env-var "admin_api=http://127.0.0.1:${HOMEBIYORI_ADMIN_API_PORT}" \
    --env-var "internal_api=http://127.0.0.1:${HOMEBIYORI_INTERNAL_API_PORT}" \
    --env-var "issuer=http://127.0.0.1:${HOMEBIYORI_ISSUER_PORT}" \
    --env-var "webhook_secret=${HOMEBIYORI_WEBHOOK_SECRET:-whsec_local_homebiyori}" \
    --reporters cli,junit --reporter-junit-export "$out/newman-journey.xml" \
    --color off --timeout-request 30000; then
  failed+=("newman journey")
fi

log "ts-journey: compiling with tsc --strict"
rm -rf ts-journey/target
if node node_modules/typescript/bin/tsc -p ts-journey; then
  if ! node ts-journey/target/ts-journey/src/journey.js; then
    failed+=("ts-journey")
  fi
else
  failed+=("ts-journey (compilation)")
fi

if [ "${#failed[@]}" -gt 0 ]; then
  log "FAILED: ${failed[*]} (stack log: $out/stack.log)"
  exit 1
fi
log "passed: newman journey and ts-journey"
