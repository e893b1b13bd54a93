package com.jorge.platform.perf.faults;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The harness's command line: {@code --quick}, {@code --rate 20} (webhooks/s on the plateau; the spike
 * doubles it), {@code --only a,b} (scenario names), {@code --out target/faults},
 * {@code --redis-server /usr/bin/redis-server}, {@code --drain 30} (seconds to wait for the backlog),
 * {@code --lead-score-timeout-ms 50} (the inference scenarios' LEAD_SCORE_TIMEOUT_MS; unset: the platform's 50 ms).
 */
record RunOptions(boolean quick, int rate, Set<String> only, Path out, String redisServer, int drainSeconds,
                  double rampSeconds, double beforeSeconds, double afterSeconds, double spikeSeconds,
                  Integer leadScoreTimeoutMs) {

    static RunOptions parse(String[] args) {
        boolean quick = false;
        int rate = 20;
        Set<String> only = Set.of();
        Path out = Path.of("target/faults");
        String redis = "/usr/bin/redis-server";
        Integer drain = null;
        Integer leadScoreTimeout = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::trim).collect(Collectors.toSet());
                case "--out" -> out = Path.of(args[++i]);
                case "--redis-server" -> redis = args[++i];
                case "--drain" -> drain = Integer.parseInt(args[++i]);
                case "--lead-score-timeout-ms" -> leadScoreTimeout = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: run.sh [--quick] [--rate 20] [--only a,b] [--out dir] [--redis-server path] [--drain s]"
                        + " [--lead-score-timeout-ms ms]");
            }
        }
        if (rate < 1 || rate > 500) throw new IllegalArgumentException("--rate must be 1..500 webhooks/s (loopback, bounded)");
        if (leadScoreTimeout != null && (leadScoreTimeout < 1 || leadScoreTimeout > 10_000)) {
            throw new IllegalArgumentException("--lead-score-timeout-ms must be 1..10000 (LEAD_SCORE_TIMEOUT_MS)");
        }
        return quick ? new RunOptions(true, rate, only, out, redis, drain == null ? 20 : drain, 3, 3, 6, 3, leadScoreTimeout)
                : new RunOptions(false, rate, only, out, redis, drain == null ? 120 : drain, 10, 10, 30, 10, leadScoreTimeout);
    }

    boolean selected(Scenario s) {
        return only.isEmpty() ? (s.quick() || !quick) : only.contains(s.name());
    }
}
