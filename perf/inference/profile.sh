#!/usr/bin/env bash
# Where the CPU goes at saturation: Linux perf samples the service (kernel, ONNX Runtime and JIT-compiled
# Java, named through the JVM's perf map) while the load generator keeps N requests in flight.
# Usage: perf/inference/profile.sh on|off [lead|embedding] [SECONDS]   (after perf/inference/batching.sh built it)
# Prints the top symbols and the split kernel / ONNX Runtime / JVM; the raw profile stays in target/results.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODE=${1:-on}; MODEL=${2:-lead}; SECONDS_PER_RUN=${3:-8}
OUT=perf/inference/target/results
PORT=${PORT:-18081}
CP="perf/inference/target/classes:$(cat "$OUT/classpath.txt")"
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xss16m)
EXTRA=()
[ "$MODE" = off ] && EXTRA=(LEAD_SCORE_MAX_BATCH_SIZE=1 ALL_MINILM_L6_V2_MAX_BATCH_SIZE=1)
env "${EXTRA[@]}" PORT=$PORT BIND_ADDRESS=127.0.0.1 MODEL_REGISTRY=models/artifacts MODELS=lead-score INFERENCE_DEVICE=cpu \
    IO_THREADS=2 REGISTRY_POLL_SECONDS=3600 LOG_LEVEL=warn DJL_CACHE_DIR=perf/inference/target/djl-cache \
    "${JAVA[@]}" -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer \
    -jar gpu-inference/target/gpu-inference-0.1.0-SNAPSHOT.jar > "$OUT/profile-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null 2>&1; do sleep 0.5; done
if [ "$MODEL" = lead ]; then url=lead-score; conc=64; else url=all-minilm-l6-v2; conc=32; fi
"${JAVA[@]}" -Xmx512m -Dserver.pid=$SERVER -cp "$CP" com.jorge.platform.perf.inference.HttpLoadGenerator \
    saturate "http://127.0.0.1:$PORT/v2/models/$url/infer" "$MODEL" "$conc" "$SECONDS_PER_RUN" | grep RESULT &
LOAD=$!
sleep 11 # the generator's warm-up (10 s at full load)
perf record -q -F 499 -g -p $SERVER -o "$OUT/perf-$MODE-$MODEL.data" -- sleep $((SECONDS_PER_RUN - 2)) 2>/dev/null
wait $LOAD
kill $SERVER; wait $SERVER 2>/dev/null || true
perf report -i "$OUT/perf-$MODE-$MODEL.data" --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -12
perf report -i "$OUT/perf-$MODE-$MODEL.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -${TOP:-45}
