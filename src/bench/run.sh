#!/usr/bin/env bash
# Specboard's benchmark (README "Benchmark"): packages the app, starts it on a fresh embedded database with
# the documented JVM flags (docker/jvm.options), seeds the standard data set through the JSON API, restarts
# it (timing the start), logs in, measures each page of src/bench/pages.txt with wrk and claim-next under
# 32 agents, and prints one table. Raw outputs stay in target/bench/<timestamp>/.
#
#   src/bench/run.sh            the full data set, 5 s warm-up and 15 s per page
#   src/bench/run.sh --small    a small data set and short runs (to try the harness)
#   Then it measures Fossil 2.21 (C and SQLite, installed from Debian when missing) on the same machine in the same run:
#   a Fossil repository with the same stories as tickets, their latest 25 as a report, and the same 2,000-line file,
#   and prints a second table with Specboard's pages side by side with Fossil's (--no-fossil leaves it out).
#
#   options: --jfr (record the measured run with JDK Flight Recorder), --no-build (use target/quarkus-app as is),
#            --data DIR (keep the seeded database and repository in DIR; a later run with the same DIR measures
#            without seeding again), --seed-only (stop after seeding; with --data, to measure later),
#            --only claims (measure claim-next alone: no pages, no first paint, no Fossil), --no-fossil
#   environment: BENCH_PORT (18080), BENCH_DURATION, BENCH_WARMUP (seconds, before each page), BENCH_WARMUP_ALL (seconds on every
#                page before the first is measured; BENCH_WARMUP by default, 0 for none), BENCH_JVM_FLAGS (replaces jvm.options),
#                MALLOC_ARENA_MAX (2, as docker/Dockerfile.jvm and the README's run command set it)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

SMALL=0 JFR=0 BUILD=1 DATA= SEED_ONLY=0 ONLY= FOSSIL=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --small) SMALL=1 ;;
    --jfr) JFR=1 ;;
    --no-build) BUILD=0 ;;
    --seed-only) SEED_ONLY=1 ;;
    --no-fossil) FOSSIL=0 ;;
    --only) shift; ONLY=${1:-}; [[ $ONLY == claims ]] || { echo "--only takes: claims" >&2; exit 2; } ;;
    --data) shift; DATA=$(mkdir -p "${1:?--data needs a folder}" && cd "$1" && pwd) ;;
    *) echo "unknown option $1 (use --small, --jfr, --no-build, --data DIR, --seed-only, --only claims, --no-fossil)" >&2; exit 2 ;;
  esac
  shift
done

if [[ $SMALL == 1 ]]; then
  SEED_ARGS=(stories=100,1000 specTasks=200 files=2000 threads=30 claimTasks=4000)
  WARMUP=${BENCH_WARMUP:-2} DURATION=${BENCH_DURATION:-5}
else
  SEED_ARGS=(stories=1000,10000 specTasks=2000 files=20000 threads=300 claimTasks=30000)
  WARMUP=${BENCH_WARMUP:-5} DURATION=${BENCH_DURATION:-15}
fi
PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
FOSSIL_BASE="http://127.0.0.1:$((PORT + 1))"
OUT="$ROOT/target/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
note() { echo "[bench] $*" | tee -a "$OUT/notes.txt" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  note "installing wrk (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
for tool in git curl java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed" >&2; exit 1; }
done
if curl -s -o /dev/null "$BASE/" || curl -s -o /dev/null "$FOSSIL_BASE/"; then
  echo "something already answers on port $PORT or $((PORT + 1)): set BENCH_PORT" >&2
  exit 1
fi
[[ $ONLY == claims ]] && FOSSIL=0
if [[ $FOSSIL == 1 ]] && ! command -v fossil >/dev/null 2>&1; then
  note "installing fossil (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq fossil >/dev/null; }; then
    note "fossil could not be installed: Fossil is not measured"
    FOSSIL=0
  fi
fi

if [[ $BUILD == 1 ]]; then
  note "packaging (./mvnw package -DskipTests)"
  ./mvnw -B -ntp -q package -DskipTests
fi

if [[ -n ${BENCH_JVM_FLAGS:-} ]]; then
  read -r -a JVM_FLAGS <<< "$BENCH_JVM_FLAGS"
else
  JVM_FLAGS=("@docker/jvm.options")
fi
# The class data sharing archive packaging makes (pom.xml), as the README's run command passes it.
CDS=()
if [[ -f target/quarkus-app/app-cds.jsa ]]; then
  CDS=(-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa)
fi
JVM_DESC="${BENCH_JVM_FLAGS:-$(grep -v '^#' docker/jvm.options | tr '\n' ' ')}${CDS[*]}"
TMP=$(mktemp -d /tmp/specboard-bench.XXXXXX)
APP_PID= FOSSIL_PID=
cleanup() {
  local pid
  for pid in $APP_PID $FOSSIL_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" && wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
STORE=${DATA:-$TMP} # where the database and the seeded repository live
mkdir -p "$STORE/data" "$STORE/repos"

start_app() { # log file, extra JVM flags...
  local log=$1; shift
  local t0; t0=$(date +%s%N) # from the launch of the JVM to the first ready answer, polled every 50 ms
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} SPECBOARD_DATA_DIR="$STORE/data" SPECBOARD_REPOS_LOCAL_ROOTS="$STORE/repos" PORT=$PORT \
    SPECBOARD_SESSION_SECRET="bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz" \
    java "${JVM_FLAGS[@]}" "${CDS[@]}" "$@" -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  APP_PID=$!
  until curl -fs -o /dev/null "$BASE/q/health/ready"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -40 "$log" >&2
      echo "the app stopped; its log is $log" >&2
      exit 1
    fi
    if (( ($(date +%s%N) - t0) / 1000000000 > 300 )); then
      echo "the app is not ready after 300 s; its log is $log" >&2
      exit 1
    fi
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_app() {
  kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

rss_mib() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"; }

note "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
note "JVM flags: $JVM_DESC (MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2})"
if [[ -n $DATA && -f $DATA/seed.env ]]; then
  note "the data set seeded earlier in $DATA ($(cat "$DATA/seed-args"))"
  cp "$DATA/seed.env" "$OUT/seed.env"
else
  note "first start on an empty database"
  start_app "$OUT/app-seed.log"
  note "ready in $READY_MS ms; seeding: ${SEED_ARGS[*]}"
  java src/bench/Seed.java seed "$BASE" "$OUT/seed.env" "$STORE/repos/app" "${SEED_ARGS[@]}" 2> >(tee "$OUT/seed.log" >&2)
  stop_app
  if [[ -n $DATA ]]; then
    cp "$OUT/seed.env" "$DATA/seed.env"
    echo "${SEED_ARGS[*]}" > "$DATA/seed-args"
  fi
fi
if [[ $SEED_ONLY == 1 ]]; then
  note "seeded; measure it with: src/bench/run.sh --no-build --data ${DATA:-DIR}"
  exit 0
fi

EXTRA=()
if [[ $JFR == 1 ]]; then
  EXTRA=("-XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile")
fi
start_app "$OUT/app.log" "${EXTRA[@]}"
START_MS=$READY_MS
QUARKUS_START=$(grep -o 'started in [0-9.]*s' "$OUT/app.log" | head -1 | grep -o '[0-9.]\+s' || echo '?')
note "restart with the seeded database: ready after $START_MS ms (Quarkus: $QUARKUS_START), RSS $(rss_mib VmRSS) MiB"

# shellcheck disable=SC1091
source "$OUT/seed.env"
COOKIE=$(java src/bench/Seed.java login "$BASE" "$BENCH_USER" "$BENCH_PASSWORD")
# Browsers ask for compressed answers; so does the benchmark.
HEADERS=(-H "Cookie: $COOKIE" -H "Accept-Encoding: gzip, deflate, br" -H "Accept: text/html")

fill() { # replaces $NAME with the seed's values
  local s=$1 name
  for name in $(grep -o '^[A-Z_0-9]*' "$OUT/seed.env" | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2); do
    s=${s//\$$name/${!name}}
  done
  printf '%s' "$s"
}

ms() { # wrk's "1.23ms" / "850.00us" / "1.02s" in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

ROWS=()
row() { ROWS+=("$(printf '%s|' "$@")"); } # '|', not a tab: read would merge a tab-separated empty cell
declare -A RPS # req/s by page name, for the side-by-side table

MEASURED=0
measure() { # name, URL, whose RSS to show (app or none), then wrk's headers; fetches the page once, then runs wrk
  local name=$1 url=$2 rss=$3; shift 3
  local i=$((++MEASURED)) code wire size rps p50 p95 p99 bad bytes
  read -r code wire < <(curl -s --compressed -o "$OUT/page-$i.html" -w '%{http_code} %{size_download}\n' "$@" "$url")
  if [[ $code == 404 ]]; then
    note "skipped $name: $url answers 404"
    row "$name" "skipped (404)" "" "" "" "" ""
    return
  fi
  if [[ $code != 200 ]]; then
    note "$name: $url answers $code (see $OUT/page-$i.html)"
    exit 1
  fi
  size=$(stat -c %s "$OUT/page-$i.html")
  wrk -t2 -c16 -d"${WARMUP}s" --timeout 10s "$@" "$url" > /dev/null
  wrk -t2 -c16 -d"${DURATION}s" --timeout 10s --latency -s src/bench/p95.lua "$@" "$url" > "$OUT/wrk-$i.txt"
  rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$OUT/wrk-$i.txt")
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$OUT/wrk-$i.txt")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$i.txt")")
  p95=$(ms "$(awk '$1 == "p95:" { print $2 }' "$OUT/wrk-$i.txt")")
  if [[ $url == */search* ]]; then
    # Search's own answer time, one request at a time (under 16 connections the latency is mostly queueing).
    wrk -t1 -c1 -d"${DURATION}s" --timeout 10s --latency -s src/bench/p95.lua "$@" "$url" > "$OUT/wrk-$i-single.txt"
    SEARCH_ALONE="${SEARCH_ALONE:+$SEARCH_ALONE; }$name alone (one connection): p50 $(ms "$(awk '$1 == "50%" { print $2 }' "$OUT/wrk-$i-single.txt")") ms, p95 $(ms "$(awk '$1 == "p95:" { print $2 }' "$OUT/wrk-$i-single.txt")") ms, p99 $(ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-$i-single.txt")") ms"
    note "$SEARCH_ALONE"
  fi
  bad=$(awk '/Non-2xx/ { print $NF }' "$OUT/wrk-$i.txt")
  [[ -n $bad ]] && note "$name: $bad answers were not 2xx (see $OUT/wrk-$i.txt)"
  grep -q 'Socket errors' "$OUT/wrk-$i.txt" && note "$name: $(grep 'Socket errors' "$OUT/wrk-$i.txt" | xargs)"
  bytes="$size"
  [[ $wire != "$size" ]] && bytes="$size ($wire gzip)"
  if [[ $rss == app ]]; then rss=$(rss_mib VmRSS); else rss="—"; fi
  row "$name" "$rps" "$p50" "$p95" "$p99" "$bytes" "$rss"
  RPS[$name]=$rps
  note "$name: $rps req/s"
}

# One pass over every page first: a server in use has run them all, and the JIT compiles shared code (the layout, the
# project policy, Qute) on whichever page comes first, which would otherwise charge it to the first page measured.
if [[ $ONLY != claims && ${BENCH_WARMUP_ALL:-$WARMUP} != 0 ]]; then
  while IFS=$'\t' read -r name path; do
    [[ -z $name || $name == \#* ]] && continue
    wrk -t2 -c16 -d"${BENCH_WARMUP_ALL:-$WARMUP}s" --timeout 10s "${HEADERS[@]}" "$BASE$(fill "$path")" > /dev/null
  done < src/bench/pages.txt
  note "warmed up: ${BENCH_WARMUP_ALL:-$WARMUP} s on every page"
fi

while IFS=$'\t' read -r name path; do
  [[ -z $name || $name == \#* || $ONLY == claims ]] && continue
  measure "$(fill "$name")" "$BASE$(fill "$path")" app "${HEADERS[@]}"
done < src/bench/pages.txt

# First paint in a real browser (headless Chromium through chromedriver), when both are installed.
PAINTS=()
if [[ $ONLY == claims ]]; then
  : # claims alone
elif [[ -x ${BENCH_CHROMEDRIVER:-/usr/bin/chromedriver} && -x ${BENCH_CHROMIUM:-/usr/bin/chromium} ]]; then
  for page in "file (10,000 lines, \$THREADS threads)	/projects/\$SLUG/repos/\$REPO/blob/\$FILE_10K" \
              "file (2,000 lines)	/projects/\$SLUG/repos/\$REPO/blob/\$FILE_2K"; do
    IFS=$'\t' read -r name path <<< "$page"
    name=$(fill "$name") path=$(fill "$path")
    if paint=$(java src/bench/FirstPaint.java "$BASE" "$COOKIE" "$path" 5 2>> "$OUT/first-paint.log"); then
      PAINTS+=("$name: first contentful paint $(grep -o 'fcp=[0-9]*' <<< "$paint" | head -1 | cut -d= -f2) ms, load $(grep -o ' load=[0-9]*' <<< "$paint" | cut -d= -f2) ms (median of 5; cold cache $(grep -o 'cold-fcp=[0-9]*' <<< "$paint" | cut -d= -f2) ms)")
      note "${PAINTS[-1]}"
    else
      note "first paint of $name could not be measured (see $OUT/first-paint.log)"
    fi
  done
else
  note "first paint not measured: chromium and chromedriver are needed"
fi

# claim-next: 32 connections are 32 agents, each claiming one task after another.
if [[ -n $DATA ]]; then
  java src/bench/Seed.java release "$BASE" "$TOKEN" "$CLAIMS_SLUG" 2>> "$OUT/seed.log" # an earlier run's claims
fi
mkdir -p "$OUT/claims"
export CLAIM_PATH="/api/v1/projects/$CLAIMS_SLUG/tasks/claim-next" TOKEN KEYS_DIR="$OUT/claims"
wrk -t2 -c32 -d"${WARMUP}s" --timeout 10s -s src/bench/claim.lua "$BASE" > "$OUT/wrk-claims-warmup.txt"
# The warm-up claims most of the queue at ~900 claims/s: give its tasks back, so the measured run finds it full.
java src/bench/Seed.java release "$BASE" "$TOKEN" "$CLAIMS_SLUG" 2>> "$OUT/seed.log"
rm -f "$OUT"/claims/*
wrk -t2 -c32 -d"${DURATION}s" --timeout 10s --latency -s src/bench/claim.lua "$BASE" > "$OUT/wrk-claims.txt"
won=$(grep -o 'won=[0-9]*' "$OUT/wrk-claims.txt" | cut -d= -f2)
empty=$(grep -o 'empty=[0-9]*' "$OUT/wrk-claims.txt" | cut -d= -f2)
other=$(grep -o 'other=[0-9]*' "$OUT/wrk-claims.txt" | cut -d= -f2)
claims_rate=$(awk -v w="$won" -v d="$DURATION" 'BEGIN { printf "%.0f", w / d }')
[[ $empty != 0 ]] && note "the claim queue ran out ($empty answers 204): claims/s is a lower bound; seed more claimTasks"
[[ $other != 0 ]] && note "claim-next: $other answers were neither 200 nor 204"
grep -q 'Socket errors' "$OUT/wrk-claims.txt" && note "claim-next: $(grep 'Socket errors' "$OUT/wrk-claims.txt" | xargs)"
check=$(java src/bench/Seed.java claims "$BASE" "$TOKEN" "$CLAIMS_SLUG" "$OUT/claims") || { note "claims check failed: $check"; exit 1; }
note "claims check: $check"
double=$(grep -o 'double=[0-9]*' <<< "$check" | cut -d= -f2)
row "claim-next, 32 agents (claims/s; $double double)" "$claims_rate" \
  "$(ms "$(awk '$1 == "50%" { print $2 }' "$OUT/wrk-claims.txt")")" "" \
  "$(ms "$(awk '$1 == "99%" { print $2 }' "$OUT/wrk-claims.txt")")" "" "$(rss_mib VmRSS)"

PEAK=$(rss_mib VmHWM)
stop_app

# Fossil on the same machine, with the same data, after Specboard has stopped (so neither takes the other's CPU).
SIDE_BY_SIDE=()
if [[ $FOSSIL == 1 ]]; then
  FOSSIL_DIR="$STORE/fossil"
  if [[ ! -f $FOSSIL_DIR/fossil.env ]]; then
    note "seeding Fossil: $STORIES tickets and the 2,000-line file"
    rm -rf "$FOSSIL_DIR"
    java src/bench/Seed.java fossil "$FOSSIL_DIR/bench.fossil" "$FOSSIL_DIR/fossil.env" tickets="${STORIES//,/}" 2>> "$OUT/seed.log"
  fi
  # shellcheck disable=SC1091
  source "$FOSSIL_DIR/fossil.env"
  fossil server --port "$((PORT + 1))" --localhost "$FOSSIL_DIR/bench.fossil" > "$OUT/fossil.log" 2>&1 &
  FOSSIL_PID=$!
  for ((tries = 0; ; tries++)); do # ready when its login page answers
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$FOSSIL_BASE/login") == 200 ]] && break
    kill -0 "$FOSSIL_PID" 2>/dev/null || { cat "$OUT/fossil.log" >&2; echo "fossil server stopped" >&2; exit 1; }
    (( tries < 200 )) || { echo "Fossil does not answer on $FOSSIL_BASE/login; its log is $OUT/fossil.log" >&2; exit 1; }
    sleep 0.05
  done
  FOSSIL_COOKIE=$(curl -s -D - -o /dev/null --data-urlencode "u=$BENCH_USER" --data-urlencode "p=$BENCH_PASSWORD" -d in=1 \
    "$FOSSIL_BASE/login" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
  [[ -n $FOSSIL_COOKIE ]] || { echo "could not log in to Fossil" >&2; exit 1; }
  FOSSIL_HEADERS=(-H "Cookie: $FOSSIL_COOKIE" -H "Accept-Encoding: gzip, deflate, br" -H "Accept: text/html")
  FOSSIL_FIRST=$((MEASURED + 1))
  measure "Fossil: ticket list (25 of $FOSSIL_TICKETS tickets)" "$FOSSIL_BASE/rptview?rn=$FOSSIL_REPORT" none "${FOSSIL_HEADERS[@]}"
  measure "Fossil: ticket" "$FOSSIL_BASE/tktview/$FOSSIL_TICKET" none "${FOSSIL_HEADERS[@]}"
  measure "Fossil: file (2,000 lines)" "$FOSSIL_BASE/file?name=$FOSSIL_FILE&ci=tip&ln" none "${FOSSIL_HEADERS[@]}"
  for ((i = FOSSIL_FIRST; i <= MEASURED; i++)); do # a page Fossil shows to anonymous users would not compare
    grep -qi 'logout' "$OUT/page-$i.html" || { note "Fossil's page $OUT/page-$i.html is not logged in"; exit 1; }
  done
  kill "$FOSSIL_PID" && wait "$FOSSIL_PID" 2>/dev/null || true
  FOSSIL_PID=
  side() { # Specboard's page, Fossil's, the factor the target asks for
    local ours=${RPS[$1]:-} theirs=${RPS[$2]:-}
    [[ -n $ours && -n $theirs && $theirs != 0 ]] || return 0
    SIDE_BY_SIDE+=("$(awk -v a="$ours" -v b="$theirs" -v n="$1" -v f="$3" 'BEGIN {
      r = a / b; printf "| %s | %d | %d | %.1f× | ≥ %d× (%s) |", n, a, b, r, f, (r >= f ? "met" : "not met") }')")
  }
  side "story list ($STORIES stories)" "Fossil: ticket list (25 of $FOSSIL_TICKETS tickets)" 5
  side "story" "Fossil: ticket" 5
  side "file (2,000 lines)" "Fossil: file (2,000 lines)" 3
fi

{
  echo "Specboard benchmark, $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JVM: $JVM_DESC; wrk -t2 -c16 -d${DURATION}s after ${WARMUP}s warm-up; data: $(cat "${DATA:-/nonexistent}/seed-args" 2>/dev/null || echo "${SEED_ARGS[*]}")"
  echo "start with the seeded database: ready after $START_MS ms (Quarkus says $QUARKUS_START); peak RSS $PEAK MiB"
  for p in "${PAINTS[@]}"; do echo "$p"; done
  echo
  [[ -n ${SEARCH_ALONE:-} ]] && echo "$SEARCH_ALONE"
  echo
  echo "| page | req/s | p50 ms | p95 ms | p99 ms | bytes | RSS MiB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r a b c d e f g <<< "$r"
    echo "| $a | $b | $c | $d | $e | $f | $g |"
  done
  if [[ ${#SIDE_BY_SIDE[@]} -gt 0 ]]; then
    echo
    echo "Side by side with Fossil $(fossil version | grep -o 'version [0-9.]*' | cut -d' ' -f2) (one process per request, SQLite), the same data, measured after Specboard stopped:"
    echo
    echo "| page | Specboard req/s | Fossil req/s | Specboard ÷ Fossil | target |"
    echo "| --- | ---: | ---: | ---: | --- |"
    for r in "${SIDE_BY_SIDE[@]}"; do echo "$r"; done
  fi
} > "$OUT/table.md"

if [[ $JFR == 1 ]]; then
  java src/bench/JfrTop.java "$OUT/app.jfr" > "$OUT/jfr-top.txt" 2>&1 || true
  note "JFR recording: $OUT/app.jfr, summary: $OUT/jfr-top.txt"
fi

echo
cat "$OUT/table.md"
echo
echo "raw outputs: $OUT"
