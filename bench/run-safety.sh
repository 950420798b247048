#!/usr/bin/env bash
# What reading messages as Japanese costs (issue 18): the safety step and the emotion analysis on Kuromoji
# against a regex-list baseline in the same run — the first message in fresh JVMs, and per message warm.
#   bench/run-safety.sh [forks=5] [rounds=20]
# Reports only; figures in docs/benchmarks.md §6. Needs the modules installed (./mvnw install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh
exec ./mvnw -B -ntp -o -q -pl bench compile exec:exec -Dexec.mainClass=jp.homebiyori.bench.SafetyStepBench \
  -Dbench.args="$*" -Dbench.jvm.args="${BENCH_JAVA_OPTS:-}"
