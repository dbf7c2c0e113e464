#!/usr/bin/env bash
# metrics-service's resident memory with 50 containers sampled.
#
# With the platform running (./paas up: metrics-service on 127.0.0.1:8086, its pid in .paas/run/metrics-service.pid),
# starts PAAS_BENCH_CONTAINERS (50) small containers labelled like app replicas (paas.managed=true, made-up project,
# deployment and owner ids, 16 MiB memory limit, `sleep`), waits until two sampling passes have seen all of them (by
# polling the paas_metrics_containers_sampled gauge and the pass timer on /actuator/prometheus), then prints
#   metrics-service RSS with 50 containers sampled: N MiB
# next to the RSS before the containers started, and the sampling pass duration (mean and max over those passes).
# The containers are removed on exit, whatever happens. Every wait is bounded (PAAS_BENCH_TIMEOUT, 180 s); traffic goes
# to 127.0.0.1 only. Do not run it while integration tests run (it-lock platform -- infra/bench/metrics-memory.sh).
#
# Environment: PAAS_METRICS_URL (http://127.0.0.1:8086), PAAS_BENCH_CONTAINERS (50), PAAS_BENCH_IMAGE
#              (paas/base:bookworm), PAAS_BENCH_TIMEOUT (180 s), PAAS_METRICS_PID_FILE (.paas/run/metrics-service.pid).
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
cd "$ROOT"

METRICS=${PAAS_METRICS_URL:-http://127.0.0.1:8086}
COUNT=${PAAS_BENCH_CONTAINERS:-50}
IMAGE=${PAAS_BENCH_IMAGE:-paas/base:bookworm}
TIMEOUT=${PAAS_BENCH_TIMEOUT:-180}
PID_FILE=${PAAS_METRICS_PID_FILE:-$ROOT/.paas/run/metrics-service.pid}
RUN_LABEL="paas.bench=metrics-memory-$$"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

[[ -f $PID_FILE ]] || die "$PID_FILE is missing: start the platform with ./paas up"
PID=$(<"$PID_FILE")
[[ $PID =~ ^[0-9]+$ ]] && kill -0 "$PID" 2>/dev/null || die "metrics-service (pid $PID from $PID_FILE) is not running"
curl -sf -o /dev/null --max-time 5 "$METRICS/actuator/prometheus" || die "$METRICS/actuator/prometheus does not answer"
docker image inspect "$IMAGE" >/dev/null 2>&1 || die "image $IMAGE is missing (./paas images builds it)"

rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }

# metric NAME: the value of the first series NAME on metrics-service's Prometheus endpoint (awk reads it all: an early
# exit would break curl's pipe and fail the pipeline).
metric() {
  curl -sf --max-time 5 "$METRICS/actuator/prometheus" | awk -v name="$1" '
    !found && ($1 == name || index($1, name "{") == 1) { value = $2; found = 1 }
    END { print found ? value : 0 }'
}

cleanup() {
  local ids
  ids=$(docker ps -aq --filter "label=$RUN_LABEL" 2>/dev/null || true)
  if [[ -n $ids ]]; then
    # shellcheck disable=SC2086
    docker rm -f $ids >/dev/null 2>&1 || true
    say "removed the benchmark's containers"
  fi
}
trap cleanup EXIT INT TERM

before=$(rss_mib)
sampled_before=$(metric paas_metrics_containers_sampled)
say "metrics-service (pid $PID) RSS before: $before MiB, sampling ${sampled_before%.*} containers"

say "starting $COUNT labelled containers ($IMAGE, 16 MiB, sleep)"
for ((i = 0; i < COUNT; i++)); do
  docker run -d --rm --label "$RUN_LABEL" --label paas.managed=true \
    --label "paas.project=$(cat /proc/sys/kernel/random/uuid)" \
    --label "paas.deployment=$(cat /proc/sys/kernel/random/uuid)" \
    --label paas.instance=0 --label "paas.owner=$(cat /proc/sys/kernel/random/uuid)" \
    --memory 16m --cpus 0.1 "$IMAGE" sleep 3600 >/dev/null
done
# Other platform containers may come and go meanwhile: a pass that saw at least the benchmark's own is enough.
expected=$COUNT

# Wait for a pass that saw every container, then for two more passes after it.
deadline=$((SECONDS + TIMEOUT))
until (( $(printf '%.0f' "$(metric paas_metrics_containers_sampled)") >= expected )); do
  ((SECONDS < deadline)) || die "no sampling pass saw $expected containers within $TIMEOUT s"
  sleep 1
done
count0=$(metric paas_metrics_containers_sampling_pass_seconds_count)
sum0=$(metric paas_metrics_containers_sampling_pass_seconds_sum)
until awk -v now="$(metric paas_metrics_containers_sampling_pass_seconds_count)" -v then="$count0" \
    'BEGIN { exit !(now - then >= 2) }'; do
  ((SECONDS < deadline)) || die "metrics-service did not complete two sampling passes within $TIMEOUT s"
  sleep 1
done
count1=$(metric paas_metrics_containers_sampling_pass_seconds_count)
sum1=$(metric paas_metrics_containers_sampling_pass_seconds_sum)
max=$(metric paas_metrics_containers_sampling_pass_seconds_max)
sampled=$(metric paas_metrics_containers_sampled)
after=$(rss_mib)

printf 'metrics-service RSS with %d containers sampled: %d MiB (before: %d MiB; %s containers in the last pass)\n' \
  "$COUNT" "$after" "$before" "${sampled%.*}"
awk -v c0="$count0" -v c1="$count1" -v s0="$sum0" -v s1="$sum1" -v max="$max" \
  'BEGIN { printf "sampling pass: mean %.2f s over %d passes, max %.2f s (recent)\n", (s1 - s0) / (c1 - c0), c1 - c0, max }'
