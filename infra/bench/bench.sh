#!/usr/bin/env bash
# Deployment benchmark (run it with ./paas bench).
#
# For two samples, each in a temporary git repository (file:// URL, local mode): infra/samples/node-npm (a Node server
# with real npm dependencies and a build step) and infra/samples/vite-static (a Vite site built to static files), it
# measures
#   platform cold: no app image, no build cache -> POST /api/v1/projects/{id}/deployments until the ingress answers 200
#   platform warm: a committed source change -> deploy again until the ingress serves the new text
#   floor cold/warm: the same app with a hand-written cache-friendly Dockerfile (infra/bench/floors/APP.Dockerfile),
#                    docker build + docker run until the first 200
#   clone: a shallow git clone of the repository (the cold goal allows floor x 1.5 + clone)
# then, with wrk -t2 -c50 (keep-alive) on the node-npm app through Caddy, 20 back-to-back redeploys
# (PAAS_BENCH_REDEPLOYS): requests, non-2xx, connection errors, p50/p99 latency, and the time from the new replicas'
# first passing health check to traffic switched; and the resident memory (VmRSS) of the idle services and Caddy.
# Then metrics-service's resident memory with 50 containers sampled (infra/bench/metrics-memory.sh), the access-log
# tail's throughput and the latency Caddy adds with analytics on versus off (infra/bench/analytics.sh).
# Starts the platform with ./paas up if the gateway does not answer (and stops it at the end).
# Traffic goes to 127.0.0.1 only; every wait is bounded.
#
# Environment: PAAS_GATEWAY (http://127.0.0.1:8080), PAAS_INGRESS (http://127.0.0.1:8000), PAAS_BASE_DOMAIN (paas.localhost),
#              PAAS_API_TOKEN (sent as a bearer token; without it the bench signs up an account of its own),
#              PAAS_BENCH_TIMEOUT (300 s per wait),
#              PAAS_BENCH_FLOOR_ONLY=1 (only the hand-written Dockerfile part),
#              PAAS_BENCH_MEMORY_ONLY=1 or --memory-only (no deployments: the idle platform's memory and start-up only),
#              --no-build (start the platform from the jars already built: ./paas up --no-build).
# The memory table has a "baseline" column read from infra/bench/baseline-rss.txt (figures measured before the
# footprint work, with the JVM options of that time) and each service's start-up time (process start to readiness,
# recorded by ./paas up in .paas/run/<service>.ready, and Boot's own "process running for" figure).
set -euo pipefail

MEMORY_ONLY=${PAAS_BENCH_MEMORY_ONLY:-0}
UP_ARGS=()
for arg in "$@"; do
  case $arg in
    --memory-only) MEMORY_ONLY=1 ;;
    --no-build) UP_ARGS=(--no-build) ;;
    *) printf 'error: unknown option %s (known: --memory-only, --no-build)\n' "$arg" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
cd "$ROOT"

GATEWAY=${PAAS_GATEWAY:-http://127.0.0.1:8080}
INGRESS=${PAAS_INGRESS:-http://127.0.0.1:8000}
DOMAIN=${PAAS_BASE_DOMAIN:-paas.localhost}
TIMEOUT=${PAAS_BENCH_TIMEOUT:-300}
FLOOR_ONLY=${PAAS_BENCH_FLOOR_ONLY:-0} # 1: measure only the floor (no platform needed)
API="$GATEWAY/api/v1"
FLOOR_IMAGE=paas-bench/floor:latest
RUN_DIR="$ROOT/.paas/run"
RESULTS_DIR="$ROOT/.paas/bench"
mkdir -p "$RESULTS_DIR"
RESULTS="$RESULTS_DIR/bench-$(date +%Y%m%d-%H%M%S).txt"
BASELINE=infra/bench/baseline-rss.txt
LOG_DIR="$ROOT/.paas/logs"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

auth=()
[[ -n ${PAAS_API_TOKEN:-} ]] && auth=(-H "Authorization: Bearer $PAAS_API_TOKEN")

# json_field JSON NAME: the string (or number) value of the first "NAME" in JSON
json_field() {
  sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p; t; s/.*\"$2\"[[:space:]]*:[[:space:]]*\\([0-9.a-z]*\\).*/\\1/p" <<<"$1" | head -n 1
}

# api METHOD PATH [JSON]: prints the body, fails (with the body) unless 2xx
api() {
  local method=$1 path=$2 out code data_args=()
  [[ -n ${3:-} ]] && data_args=(--data "$3")
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' --max-time 30 -X "$method" "${auth[@]}" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' "${data_args[@]}" "$API$path") || code=000
  if [[ $code != 2* ]]; then
    printf 'error: %s %s -> HTTP %s: %s\n' "$method" "$API$path" "$code" "$(head -c 2000 "$out")" >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

started_platform=false
work=$(mktemp -d "${TMPDIR:-/tmp}/paas-bench.XXXXXX")
project_id='' slug='' host='' floor_cid=''
projects=()

cleanup() {
  local rc=$?
  set +e
  [[ -n $floor_cid ]] && docker rm -f "$floor_cid" >/dev/null 2>&1
  docker rmi -f "$FLOOR_IMAGE" >/dev/null 2>&1
  local entry id name
  for entry in "${projects[@]}"; do
    id=${entry%%:*} name=${entry#*:}
    say "removing the bench project $name"
    if ! api DELETE "/projects/$id" >/dev/null 2>&1; then
      echo "    (DELETE /api/v1/projects/$id failed; removing its containers, route and images directly)"
      docker ps -aq --filter "label=paas.project=$id" | xargs -r docker rm -f >/dev/null
      curl -s -o /dev/null --max-time 5 -X DELETE "http://127.0.0.1:2019/id/app-$name"
    fi
    docker images --format '{{.Repository}}:{{.Tag}}' "paas-app/$name" | xargs -r docker rmi -f >/dev/null 2>&1
  done
  rm -rf "$work"
  if $started_platform; then ./paas down; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ready() { curl -fs -o /dev/null --max-time 2 "$1/actuator/health/readiness" 2>/dev/null; }

# ------------------------------------------------------------------------------------------------ platform
if [[ $FLOOR_ONLY != 1 ]] && ! ready "$GATEWAY"; then
  say "the gateway does not answer: starting the platform (./paas up)"
  started_platform=true
  ./paas up "${UP_ARGS[@]}"
fi

rss_table() {
  local f name pid rss
  for f in "$RUN_DIR"/*.pid; do
    [[ -f $f ]] || continue
    name=$(basename "$f" .pid) pid=$(<"$f")
    [[ $name == dockerd ]] && continue
    rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null) || continue
    [[ -n $rss ]] && printf '%s %s\n' "$name" "$rss"
  done
}

# threads_of NAME: the number of threads of the process in NAME's pid file
threads_of() {
  local pid
  pid=$(cat "$RUN_DIR/$1.pid" 2>/dev/null) || return 0
  ls "/proc/$pid/task" 2>/dev/null | wc -l
}

# startup_of NAME: "<seconds to readiness> <Boot's process running for>" of a service ("-" where unknown)
startup_of() {
  local ready boot
  ready=$(cat "$RUN_DIR/$1.ready" 2>/dev/null) || ready=-
  boot=$(grep -o 'process running for [0-9.]*' "$LOG_DIR/$1.log" 2>/dev/null | tail -n 1 | awk '{ printf "%.1f", $4 }') || boot=''
  echo "${ready:--} ${boot:--}"
}

# memory_table BEFORE AFTER: per process baseline, idle RSS before/after, threads, start-up; totals; the goals
memory_table() {
  local before=$1 after=$2 name b a base threads ready boot over=0 slow=0
  local total_base=0 total_b=0 total_a=0 max=0 timed=0
  # Without an "after" figure (--memory-only) the table has one idle column.
  local cols='%-18s %9s %12s %11s %8s %8s %8s\n' h1='idle before' h2='idle after'
  [[ -n $after ]] || cols='%-18s %9s %12s%.0s %8s %8s %8s\n' h1=idle h2=''
  echo "Resident memory (VmRSS, MiB), threads and start-up (s: process start -> readiness / Boot's own figure)"
  printf "$cols" process baseline "$h1" "$h2" threads ready boot
  while read -r name b; do
    [[ -n $name ]] || continue
    a=$(awk -v n="$name" '$1 == n { print $2 }' <<<"$after")
    base=$(awk -v n="$name" '$1 == n { print $2 }' "$BASELINE" 2>/dev/null)
    threads=$(threads_of "$name")
    read -r ready boot <<<"$(startup_of "$name")"
    [[ $name == caddy ]] && ready=- boot=-
    printf "$cols" "$name" "${base:--}" "$b" "${a:--}" "${threads:--}" "$ready" "$boot"
    total_base=$((total_base + ${base:-0})) total_b=$((total_b + b)) total_a=$((total_a + ${a:-0}))
    if [[ $name != caddy ]]; then
      ((b > max)) && max=$b
      ((b > 150)) && over=$((over + 1))
      [[ $ready != - ]] && timed=$((timed + 1)) && awk -v r="$ready" 'BEGIN { exit !(r > 30) }' && slow=$((slow + 1))
    fi
  done <<<"$before"
  printf "$cols" total "$total_base" "$total_b" "${total_a/#0/-}" '' '' ''
  echo "goals: total <= 1000 MiB: $([[ $total_b -le 1000 ]] && echo met || echo "not met ($total_b)");" \
    "every service <= 150 MiB: $([[ $over == 0 ]] && echo met || echo "not met ($over above, largest $max)");" \
    "every service ready <= 30 s: $( ((timed == 0)) && echo "unknown (not started by ./paas up)" || { [[ $slow == 0 ]] && echo met || echo "not met ($slow slower)"; })"
  echo "(baseline: $(sed -n 's/^# measured: //p' "$BASELINE" 2>/dev/null | head -n 1))"
}

if [[ $MEMORY_ONLY == 1 ]]; then
  say "memory: letting the platform settle for 10 s"
  sleep 10
  {
    echo
    echo "Idle control plane ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
    memory_table "$(rss_table)" ''
  } | tee "$RESULTS"
  echo
  echo "results saved in ${RESULTS#"$ROOT"/}"
  exit 0
fi

rss_idle_before=$(rss_table)

# ------------------------------------------------------------------------------------------------ account
if [[ $FLOOR_ONLY != 1 ]] && ((${#auth[@]} == 0)); then
  # No token given: a bench account of its own (an access token lives 15 minutes, longer than the bench).
  email="bench-$(date +%s)@bench.paas.localhost"
  body=$(api POST /auth/register "{\"email\":\"$email\",\"password\":\"bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')\"}") || exit 1
  token=$(json_field "$body" accessToken)
  [[ -n $token ]] || die "unexpected answer to POST /auth/register: $body"
  auth=(-H "Authorization: Bearer $token")
  echo "    signed up $email"
fi

# deploy_and_wait EXPECTED_TEXT: deploy $project_id, print the milliseconds until the ingress serves EXPECTED_TEXT for $host
deploy_and_wait() {
  local expected=$1 t0 body deployment status='' last_status='' code text i=0 deadline
  t0=$(now_ms)
  body=$(api POST "/projects/$project_id/deployments") || return 1
  deployment=$(json_field "$body" id)
  [[ -n $deployment ]] || { echo "unexpected answer to POST deployments: $body" >&2; return 1; }
  deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    text=$(curl -s --max-time 2 -H "Host: $host" "$INGRESS/" 2>/dev/null) && code=ok || code=''
    if [[ -n $code && $text == *"$expected"* ]]; then
      echo "    deployment $deployment: serving after $(secs $(($(now_ms) - t0))) s" >&2
      echo $(($(now_ms) - t0))
      return 0
    fi
    if ((i++ % 10 == 0)); then
      body=$(api GET "/deployments/$deployment" 2>/dev/null) || body=''
      status=$(json_field "$body" status)
      if [[ -n $status && $status != "$last_status" ]]; then
        echo "    deployment $deployment: $status after $(secs $(($(now_ms) - t0))) s" >&2
        last_status=$status
      fi
      if [[ $status == FAILED ]]; then
        echo "deployment $deployment FAILED: $(json_field "$body" error)" >&2
        api GET "/deployments/$deployment/build-log" 2>/dev/null | tail -n 30 >&2 || true
        return 1
      fi
    fi
    sleep 0.05
  done
  echo "deployment $deployment: the ingress did not serve '$expected' for $host within $TIMEOUT s (last status ${status:-?})" >&2
  return 1
}

# prune_build_cache: no builder cache and no dangling layers of the classic builder, so the next build is cold
prune_build_cache() {
  docker builder prune -af >/dev/null 2>&1 || true
  docker image prune -f >/dev/null 2>&1 || true
}

# make_repo APP DIR UNIQUE: the sample as a git repository in DIR, its package.json name made UNIQUE (other images built
# from the same sample, e.g. by the end-to-end tests, would otherwise share the classic builder's layer cache and make
# the "cold" build warm)
make_repo() {
  local app=$1 dir=$2 unique=$3
  cp -r "infra/samples/$app" "$dir"
  rm -rf "$dir/node_modules" "$dir/dist" "$dir/build"
  [[ -f $dir/package.json ]] && sed -i "0,/\"name\": \"[^\"]*\"/s//\"name\": \"$unique\"/" "$dir/package.json"
  git -C "$dir" init -q -b main
  git -C "$dir" -c user.name=bench -c user.email=bench@paas.localhost add -A
  git -C "$dir" -c user.name=bench -c user.email=bench@paas.localhost commit -qm "$app"
}

# floor_run DIR PORT EXPECTED_TEXT: docker build + run of DIR's hand-written Dockerfile, set FLOOR_MS to the
# milliseconds until the container serves EXPECTED_TEXT on 127.0.0.1
floor_run() {
  local dir=$1 port=$2 expected=$3 t0 cid published deadline text old=$floor_cid
  t0=$(now_ms)
  DOCKER_BUILDKIT=0 docker build -q -t "$FLOOR_IMAGE" "$dir" >"$work/floor-build.log" 2>&1 || {
    cat "$work/floor-build.log" >&2
    return 1
  }
  cid=$(docker run -d -p "127.0.0.1::$port" "$FLOOR_IMAGE")
  floor_cid=$cid
  published=$(docker port "$cid" "$port/tcp" | head -n 1 | sed 's/.*://')
  deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    if text=$(curl -fs --max-time 2 "http://127.0.0.1:$published/" 2>/dev/null) && [[ $text == *"$expected"* ]]; then
      FLOOR_MS=$(($(now_ms) - t0))
      if [[ -n $old ]]; then docker rm -f "$old" >/dev/null 2>&1 || true; fi
      return 0
    fi
    sleep 0.05
  done
  echo "the floor container did not serve '$expected' within $TIMEOUT s" >&2
  return 1
}

# clone_ms DIR: milliseconds of a shallow clone of DIR (the allowance the cold goal adds to the floor)
clone_ms() {
  local t0 target="$work/clone-$RANDOM"
  t0=$(now_ms)
  git clone -q --depth 1 "file://$1" "$target" 2>/dev/null
  echo $(($(now_ms) - t0))
  rm -rf "$target"
}

# bench_app APP CHANGE_FILE TEXT FLOOR_PORT: platform cold/warm and floor cold/warm of one sample; appends a result line
# "APP platform_cold platform_warm floor_cold floor_warm clone" to $work/results
bench_app() {
  local app=$1 change=$2 text=$3 floor_port=$4 unique repo floor body
  local p_cold=0 p_warm=0 f_cold f_warm clone
  unique="bench-$app-$(date +%s)"
  say "$app"
  if [[ $FLOOR_ONLY != 1 ]]; then
    repo="$work/$app"
    make_repo "$app" "$repo" "$unique"
    body=$(api POST /projects "{\"name\":\"$unique\",\"repoUrl\":\"file://$repo\",\"branch\":\"main\"}") || return 1
    project_id=$(json_field "$body" id)
    slug=$(json_field "$body" slug)
    [[ -n $project_id && -n $slug ]] || die "unexpected answer to POST /projects: $body"
    host="$slug.$DOMAIN"
    echo "    project $project_id, slug $slug, host $host"
    projects+=("$project_id:$slug")

    say "$app, platform cold: no image of the project, builder cache pruned"
    prune_build_cache
    p_cold=$(deploy_and_wait "$text") || die "$app: cold deployment failed"
    say "$app, platform warm: committing a change to $change"
    sed -i "s/$text/$text, warm/" "$repo/$change"
    git -C "$repo" -c user.name=bench -c user.email=bench@paas.localhost commit -qam 'warm change'
    p_warm=$(deploy_and_wait "$text, warm") || die "$app: warm deployment failed"
  fi

  floor="$work/floor-$app"
  make_repo "$app" "$floor" "floor-$unique"
  cp "infra/bench/floors/$app.Dockerfile" "$floor/Dockerfile"
  if [[ -f /etc/ssl/certs/ca-certificates.crt ]]; then cp /etc/ssl/certs/ca-certificates.crt "$floor/extra-ca.crt"; else : >"$floor/extra-ca.crt"; fi
  printf 'Dockerfile\n.git\nnode_modules\ndist\nbuild\n' >"$floor/.dockerignore"
  clone=$(clone_ms "$floor")
  say "$app, floor cold: docker build + docker run of a hand-written Dockerfile, no image, no builder cache"
  docker rmi -f "$FLOOR_IMAGE" >/dev/null 2>&1 || true
  prune_build_cache
  floor_run "$floor" "$floor_port" "$text" || die "$app: floor cold run failed"
  f_cold=$FLOOR_MS
  echo "    serving after $(secs "$f_cold") s"
  say "$app, floor warm: source change"
  sed -i "s/$text/$text, warm/" "$floor/$change"
  floor_run "$floor" "$floor_port" "$text, warm" || die "$app: floor warm run failed"
  f_warm=$FLOOR_MS
  echo "    serving after $(secs "$f_warm") s"
  docker rm -f "$floor_cid" >/dev/null 2>&1 || true
  floor_cid=''
  echo "$app $p_cold $p_warm $f_cold $f_warm $clone" >>"$work/results"
  [[ $app == node-npm && $FLOOR_ONLY != 1 ]] && load_project="$project_id $host"
  return 0
}

# redeploy_and_wait: one more deployment of $project_id (the same commit: a warm build), until it is RUNNING
redeploy_and_wait() {
  local body deployment status='' deadline
  body=$(api POST "/projects/$project_id/deployments") || return 1
  deployment=$(json_field "$body" id)
  [[ -n $deployment ]] || { echo "unexpected answer to POST deployments: $body" >&2; return 1; }
  deadline=$((SECONDS + TIMEOUT))
  while ((SECONDS < deadline)); do
    body=$(api GET "/deployments/$deployment" 2>/dev/null) || body=''
    status=$(json_field "$body" status)
    case $status in
      RUNNING) return 0 ;;
      FAILED | CANCELLED) echo "deployment $deployment $status: $(json_field "$body" error)" >&2; return 1 ;;
    esac
    sleep 0.2
  done
  echo "deployment $deployment did not reach RUNNING within $TIMEOUT s (last ${status:-?})" >&2
  return 1
}

# load_run REDEPLOYS: wrk -t2 -c50 (keep-alive) through Caddy on loopback at the node-npm app while REDEPLOYS
# deployments go live back to back; writes "requests non2xx connect read write timeout p50 p99 redeploys" to
# $work/load and wrk's own report to $work/wrk.txt
load_run() {
  local redeploys=$1 wrk_pid i done=0 metrics
  read -r project_id host <<<"$load_project"
  say "redeploys under keep-alive load: wrk -t2 -c50 through Caddy on loopback, $redeploys redeploys of node-npm"
  wrk -t2 -c50 -d"$((TIMEOUT * 2))"s --latency -H "Host: $host" "$INGRESS/" >"$work/wrk.txt" 2>&1 &
  wrk_pid=$!
  for ((i = 1; i <= redeploys; i++)); do
    redeploy_and_wait || break
    done=$i
    echo "    redeploy $i of $redeploys live"
  done
  kill -INT "$wrk_pid" 2>/dev/null
  wait "$wrk_pid" 2>/dev/null
  awk -v done="$done" '
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); connect = $4; read = $6; write = $8; timeout = $10 }
    $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    END { printf "%s %s %s %s %s %s %s %s %s\n", requests + 0, non2xx + 0, connect + 0, read + 0, write + 0,
          timeout + 0, p50, p99, done }' "$work/wrk.txt" >"$work/load"
  metrics=$(curl -s --max-time 5 http://127.0.0.1:8084/actuator/prometheus 2>/dev/null |
    grep -E '^paas_runtime_healthy_to_switched_seconds_(count|sum|max)' | awk '{ printf "%s=%s ", $1, $2 }')
  echo "$metrics" >"$work/switch"
}

: >"$work/results"
# A Node server with real npm dependencies and a build step, and the Vite static site (built, then served by nginx).
bench_app node-npm src/server.js 'hello from node-npm' 3000
bench_app vite-static index.html 'hello from vite-static' 80

if [[ -n ${load_project:-} ]]; then
  command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
  load_run "${PAAS_BENCH_REDEPLOYS:-20}"
fi

# ------------------------------------------------------------------------------------------------ memory
say "memory: letting the platform settle for 10 s"
sleep 10
rss_idle_after=$(rss_table)

# goal PLATFORM FLOOR CLONE: whether PLATFORM <= 1.5 x FLOOR + CLONE (milliseconds)
goal() { awk -v p="$1" -v f="$2" -v c="$3" 'BEGIN { if (p <= 0) print "-"; else if (p <= 1.5 * f + c) printf "met (<= %.2f s)", (1.5 * f + c) / 1000; else printf "NOT met (> %.2f s)", (1.5 * f + c) / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2fx", a / b; else print "-" }'; }
p_secs() { if [[ $1 == 0 ]]; then echo -; else secs "$1"; fi; }
{
  echo
  echo "Deployments ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-12s %-5s %11s %9s %9s %8s   %s\n' app '' 'platform s' 'floor s' 'clone s' ratio goal
  while read -r app pc pw fc fw clone; do
    printf '%-12s %-5s %11s %9s %9s %8s   %s\n' "$app" cold "$(p_secs "$pc")" "$(secs "$fc")" "$(secs "$clone")" \
      "$(ratio "$pc" "$fc")" "$(goal "$pc" "$fc" "$clone")"
    printf '%-12s %-5s %11s %9s %9s %8s   %s\n' '' warm "$(p_secs "$pw")" "$(secs "$fw")" '' \
      "$(ratio "$pw" "$fw")" "$(goal "$pw" "$fw" 0)"
  done <"$work/results"
  echo "(platform: POST deployments -> first 200 with the new text through Caddy; floor: docker build + docker run of a"
  echo " hand-written cache-friendly Dockerfile (infra/bench/floors/) -> first 200; goals: warm <= 1.5x floor (aim 1.25x),"
  echo " cold <= 1.5x floor + clone)"
  if [[ -s $work/load ]]; then
    read -r requests non2xx connect read write timeout p50 p99 done <"$work/load"
    echo
    echo "Redeploys under keep-alive load (wrk -t2 -c50 through Caddy on 127.0.0.1, $done redeploys of node-npm)"
    echo "  requests $requests, non-2xx $non2xx, connection errors: connect $connect, read $read, write $write," \
      "timeout $timeout; latency p50 $p50, p99 $p99"
    sw=$(<"$work/switch")
    count=$(sed -n 's/.*_count=\([^ ]*\).*/\1/p' <<<"$sw") sum=$(sed -n 's/.*_sum=\([^ ]*\).*/\1/p' <<<"$sw")
    max=$(sed -n 's/.*_max=\([^ ]*\).*/\1/p' <<<"$sw")
    awk -v c="${count:-0}" -v s="${sum:-0}" -v m="${max:-0}" 'BEGIN { if (c > 0) printf "  first passing health check -> traffic switched (runtime-service): mean %.1f ms, max %.1f ms over %d switches; Caddy follows within its upstream refresh (250 ms)\n", s / c * 1000, m * 1000, c }'
    errors=$((non2xx + connect + read + write + timeout))
    echo "  goal: zero failed requests: $([[ $errors == 0 && $requests -ge 10000 ]] && echo met || echo "NOT met ($errors failed)")"
  fi
  echo
  memory_table "$rss_idle_before" "$rss_idle_after"
} | tee "$RESULTS"
if [[ $MEMORY_ONLY != 1 ]]; then
  # Observability: metrics-service's memory with 50 containers sampled (against this running platform), then the
  # access-log tail's throughput and the latency Caddy adds with analytics on and off (Caddys of their own).
  {
    echo
    echo "Observability"
    infra/bench/metrics-memory.sh || echo "  (metrics-memory.sh failed)"
    infra/bench/analytics.sh || echo "  (analytics.sh failed)"
  } 2>&1 | tee -a "$RESULTS"
fi
echo
echo "results saved in ${RESULTS#"$ROOT"/}"
