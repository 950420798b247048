#!/usr/bin/env bash
# Throughput and latency of chat send and tree status beside GET /api/health (docs/benchmarks.md).
# Usage: bench/run-load.sh [seconds=20] [requests=20000] [threads=8] [warmup=5] [users=64]
# Extra JVM options: BENCH_JAVA_OPTS="...". Needs the upstream modules in ~/.m2 and node_modules
# (dynalite). Reports only: a slow machine gives slow figures, never a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
exec ./mvnw -B -ntp -o -q -pl bench compile exec:exec -Dexec.mainClass=jp.homebiyori.bench.LoadBench \
  -Dbench.args="$*" -Dbench.jvm.args="${BENCH_JAVA_OPTS:-}"
