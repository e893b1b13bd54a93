#!/usr/bin/env bash
# Dynamic batching on vs off at saturation over HTTP, the focused part of run.sh, repeated for medians.
# "off" is the same service with max_batch_size=1 (every request its own ONNX Runtime run); "on" is the
# default policy. Runs alternate on/off so drift in the machine's load hits both alike.
#
# Usage (from anywhere): perf/inference/batching.sh [SECONDS] [REPEATS] [MODELS]
#   SECONDS per measured run (default 10), REPEATS per cell (default 3), MODELS "lead embedding" (default both)
#   BEFORE_DIR=/path/with/gpu-inference-0.1.0-SNAPSHOT.jar+lib  also measures that build (the "before")
#   in the same run; SKIP_BUILD=1 skips the Maven build.
# Prints one RESULT line per run and a median table; every line also lands in perf/inference/target/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
ROOT=$(pwd)
OUT=perf/inference/target/results
mkdir -p "$OUT"
export DJL_CACHE_DIR="$ROOT/perf/inference/target/djl-cache"
SECONDS_PER_RUN=${1:-10}
REPEATS=${2:-3}
MODELS=${3:-lead embedding}
PORT=${PORT:-18080}

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build"
  ./mvnw -q -B -o -pl perf/inference -am install -DskipTests
fi
./mvnw -q -B -o -pl perf/inference dependency:build-classpath -Dmdep.outputFile="$ROOT/$OUT/classpath.txt" >/dev/null
CP="perf/inference/target/classes:$(cat "$OUT/classpath.txt")"
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xss16m)

declare -A BUILDS=([after]="gpu-inference/target")
ORDER=(after)
if [ -n "${BEFORE_DIR:-}" ]; then BUILDS[before]="$BEFORE_DIR"; ORDER=(before after); fi

SERVER_PID=
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; fi; SERVER_PID=; }
trap stop_server EXIT
start_server() { # JAR_DIR then env assignments
  local dir=$1; shift
  env "$@" PORT=$PORT BIND_ADDRESS=127.0.0.1 MODEL_REGISTRY=models/artifacts MODELS=lead-score \
      INFERENCE_DEVICE=cpu IO_THREADS=2 REGISTRY_POLL_SECONDS=3600 LOG_LEVEL=warn EMF_FLUSH_SECONDS=60 \
      "${JAVA[@]}" -Xmx1g -jar "$dir/gpu-inference-0.1.0-SNAPSHOT.jar" > "$OUT/batching-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the service did not become ready; see $OUT/batching-server.log" >&2; exit 1
}

RESULTS="$OUT/batching.txt"
: > "$RESULTS"
echo "== uptime: $(uptime)"
for r in $(seq 1 "$REPEATS"); do
  for build in "${ORDER[@]}"; do
    # alternate which mode goes first, so a load change during the run does not favour one
    if [ $((r % 2)) -eq 1 ]; then MODES=(on off); else MODES=(off on); fi
    for mode in "${MODES[@]}"; do
      if [ "$mode" = off ]; then
        start_server "${BUILDS[$build]}" LEAD_SCORE_MAX_BATCH_SIZE=1 ALL_MINILM_L6_V2_MAX_BATCH_SIZE=1
      else
        start_server "${BUILDS[$build]}"
      fi
      for model in $MODELS; do
        if [ "$model" = lead ]; then url=lead-score; conc=64; else url=all-minilm-l6-v2; conc=32; fi
        line=$("${JAVA[@]}" -Xmx512m -Dserver.pid="$SERVER_PID" -cp "$CP" com.jorge.platform.perf.inference.HttpLoadGenerator \
                 saturate "http://127.0.0.1:$PORT/v2/models/$url/infer" "$model" "$conc" "$SECONDS_PER_RUN" | grep RESULT)
        echo "$line" | sed "s/RESULT/RESULT build=$build batching=$mode repeat=$r/" | tee -a "$RESULTS"
      done
      stop_server
    done
  done
done
echo "== uptime: $(uptime)"

echo "== medians over $REPEATS runs of $SECONDS_PER_RUN s (requests/s; CPU per request in microseconds, server and load generator)"
python3 - "$RESULTS" <<'EOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = dict(re.findall(r'(\w[\w.]*)=([^ ]+)', line))
    model = line.split()[6]
    key = (f['build'], model, f['batching'])
    rows.setdefault(key, []).append(f)
def med(fs, k):
    vals = [float(re.match(r'[-+\d.eE]+', x[k]).group()) for x in fs if k in x and x[k] != 'NaN']
    return statistics.median(vals) if vals else float('nan')
QUIET = float(__import__('os').environ.get('QUIET_CORES', '0.25'))
for label, keep in (('all runs', lambda f: True), (f'runs where other processes used < {QUIET} cores', lambda f: float(f.get('others_cpu', '0').rstrip('cores')) < QUIET)):
    print(f"-- {label}")
    for build in ('before', 'after'):
        for model in ('lead', 'embedding'):
            on = [f for f in rows.get((build, model, 'on'), []) if keep(f)]
            off = [f for f in rows.get((build, model, 'off'), []) if keep(f)]
            if not on or not off:
                continue
            ton, toff = med(on, 'throughput'), med(off, 'throughput')
            print(f"{build:6} {model:9} on {ton:8.0f}/s (n={len(on)}, p99 {med(on, 'p99'):.1f} ms, server {med(on, 'server_us_per_req'):.1f} us/req, "
                  f"client {med(on, 'client_us_per_req'):.1f} us/req = {med(on, 'client_cpu'):.2f} cores)  "
                  f"off {toff:8.0f}/s (n={len(off)}, p99 {med(off, 'p99'):.1f} ms, server {med(off, 'server_us_per_req'):.1f} us/req, "
                  f"client {med(off, 'client_us_per_req'):.1f} us/req)  ratio {ton / toff:.2f}x")
EOF
