#!/usr/bin/env bash
# Runs the platform workload on several seeds (run.sh's simulation, one JVM per seed) and prints, per
# warmed policy, each seed's overall and peak-hour hit rate at the headline size, then their minimum and
# median, and the warmed policies' peak per assumed ContactCreate share (0, the assumed one, 1). Each seed's full output (run.sh's text, last lines `policy=... hitRate=... peakHitRate=...`)
# lands in perf/cache-warming/target/results/seeds/seed-N.txt. Never part of `mvn verify`.
#   perf/cache-warming/seeds.sh [--quick] [--jobs N] SEED...   e.g. seeds.sh --quick 1 2 3 4 5 6 7 8 18
#   extra `java` options (tuning knobs such as -Dwarm.share=0.8) go in SIM_JAVA_OPTS; SEEDS_OUT=DIR writes elsewhere.
# Seeds 1001 and 50821 are the held-out seeds of earlier rounds: this script refuses 50821 unless
# ALLOW_HELD_OUT=1 (the lead scores it once, at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/find-jdk.sh
MODULE=perf/cache-warming
OUT=${SEEDS_OUT:-$MODULE/target/results/seeds}
QUICK=()
JOBS=1
SEEDS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick); shift ;;
    --jobs) JOBS=$2; shift 2 ;;
    *) SEEDS+=("$1"); shift ;;
  esac
done
[ ${#SEEDS[@]} -gt 0 ] || { echo "usage: $0 [--quick] [--jobs N] SEED..." >&2; exit 2; }
for s in "${SEEDS[@]}"; do
  [ "$s" = 50821 ] && [ "${ALLOW_HELD_OUT:-0}" != 1 ] && { echo "seed 50821 is held out (ALLOW_HELD_OUT=1 to run it)" >&2; exit 2; }
done
mkdir -p "$OUT"
./mvnw -q -B -o -pl "$MODULE" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
CP="$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")"
running=0
for s in "${SEEDS[@]}"; do
  mkdir -p "$OUT/seed-$s"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Xmx3g ${SIM_JAVA_OPTS:-} -cp "$CP" com.jorge.platform.perf.cachewarming.CacheWarmingSimulation \
    --out "$OUT/seed-$s" --seed "$s" "${QUICK[@]}" > "$OUT/seed-$s.txt" 2>&1 &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait
summary() { # $1 = policy: one row per seed, then min and median of each column
  local policy=$1
  printf '%-18s %-7s %-8s %-8s\n' "$policy" seed hitRate peakHitRate
  for s in "${SEEDS[@]}"; do
    line=$(grep -E "^policy=$(printf '%s' "$policy" | sed 's/+/\\+/')( |$)" "$OUT/seed-$s.txt" | tail -n 1) || { echo "seed $s: no result (see $OUT/seed-$s.txt)" >&2; continue; }
    echo "$line" | sed -E "s/.*hitRate=([0-9.]+) peakHitRate=([0-9.]+).*/$s \1 \2/"
  done | sort -n | awk -v p="$policy" '
    { seed[NR] = $1; h[NR] = $2; k[NR] = $3; printf "%-18s %-7s %-8s %-8s\n", "", $1, $2, $3 }
    END {
      if (NR == 0) exit
      n = asort(h); asort(k)
      mh = (n % 2) ? h[(n + 1) / 2] : (h[n / 2] + h[n / 2 + 1]) / 2
      mk = (n % 2) ? k[(n + 1) / 2] : (k[n / 2] + k[n / 2 + 1]) / 2
      printf "%-18s %-7s %.4f   %.4f\n", "", "min", h[1], k[1]
      printf "%-18s %-7s %.4f   %.4f\n", "", "median", mh, mk
      printf "seeds=%d policy=%s minHitRate=%.4f medianHitRate=%.4f minPeakHitRate=%.4f medianPeakHitRate=%.4f\n", n, p, h[1], mh, k[1], mk
    }'
}
sensitivity() { # the warmed policies' peak at the headline size per assumed ContactCreate share: min and median over the seeds
  for s in "${SEEDS[@]}"; do grep -E '^contactCreate sensitivity share=' "$OUT/seed-$s.txt" || true; done | awk '
    { share = $3; sub(/^share=/, "", share); sub(/:$/, "", share)
      for (i = 1; i <= NF; i++) if ($i ~ /^(lru|wtinylfu)\+warming$/) { p = $i; v = $(i + 2); sub(/^peakHitRate=/, "", v); n[share, p]++; x[share, p, n[share, p]] = v; shares[share] = 1; pols[p] = 1 } }
    END {
      for (sh in shares) for (p in pols) {
        k = n[sh, p]; if (k == 0) continue
        for (j = 1; j <= k; j++) a[j] = x[sh, p, j]
        asort(a); med = (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
        printf "seeds=%d contactCreateShare=%s policy=%s minPeakHitRate=%.4f medianPeakHitRate=%.4f\n", k, sh, p, a[1], med
        delete a
      }
    }' | sort
}
{ for p in lru+warming wtinylfu+warming lru wtinylfu belady; do summary "$p"; done; sensitivity; } | tee "$OUT/summary.txt"
