#!/usr/bin/env bash
# ttl-updater at 100,000 chats against dynalite, beside a naive loop (docs/benchmarks.md).
# Usage: bench/run-ttl.sh [chats=100000] [seed-threads=16] [naive-limit-seconds=600]
# Extra JVM options: BENCH_JAVA_OPTS="..." (e.g. -Dhttp.maxConnections=128). About 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
exec ./mvnw -B -ntp -o -q -pl bench compile exec:exec -Dexec.mainClass=jp.homebiyori.bench.TtlBench \
  -Dbench.args="$*" -Dbench.jvm.args="${BENCH_JAVA_OPTS:-}"
