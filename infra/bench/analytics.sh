#!/usr/bin/env bash
# HTTP analytics figures (metrics-service's access log tail):
#   1. the tail's throughput: 1,000,000 realistic Caddy access log lines (PAAS_BENCH_TAIL_LINES) written to a temporary
#      file, then read and counted by the tail's own code (1 MiB chunks, Jackson streaming parser, host attribution,
#      visitor hashing, per-minute aggregation), best of three runs: "access-log tail: N lines/s";
#   2. the latency Caddy adds with analytics on versus off: two Caddys from infra/caddy/caddy.json on loopback ports in
#      front of one small upstream, one with the access log (followed by the tail's reading and counting), one with
#      access logging removed, each under the same open-loop load of PAAS_BENCH_RATE (1,000) requests/s, two
#      alternating rounds of PAAS_BENCH_SECONDS (5) s after a 2 s warm-up: p50/p99 of both.
# Traffic goes to 127.0.0.1 only; everything is bounded (about a minute plus the build). Needs caddy and JDK 25.
# Compiles metrics-service offline (./mvnw -o test-compile) and runs the benchmark classes from its test sources.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
cd "$ROOT"

LINES=${PAAS_BENCH_TAIL_LINES:-1000000}
RATE=${PAAS_BENCH_RATE:-1000}
SECONDS_EACH=${PAAS_BENCH_SECONDS:-5}

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

if [[ -z ${JAVA_HOME:-} || ! -x $JAVA_HOME/bin/java ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
    [[ -x $candidate/bin/java ]] && { export JAVA_HOME=$candidate; break; }
  done
fi
[[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] || die "a JDK 25 is needed (JAVA_HOME)"
command -v caddy >/dev/null || die "caddy is not installed (apt-get install -y caddy)"

printf '==> compiling metrics-service and its benchmark classes\n'
./mvnw -B -o -q -pl metrics-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
CP="metrics-service/target/test-classes:metrics-service/target/classes:$(<metrics-service/target/bench.classpath)"
JAVA=("$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$CP")

printf '==> access log tail throughput (%s lines)\n' "$LINES"
timeout 600 "${JAVA[@]}" dev.paas.metrics.analytics.AccessLogThroughputBench "$LINES"

printf '==> caddy latency with analytics on and off (%s req/s)\n' "$RATE"
timeout 300 "${JAVA[@]}" -Djdk.httpclient.allowRestrictedHeaders=host \
  dev.paas.metrics.analytics.CaddyLatencyBench "$RATE" "$SECONDS_EACH" infra/caddy/caddy.json
