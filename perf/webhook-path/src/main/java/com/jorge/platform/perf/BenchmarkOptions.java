package com.jorge.platform.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line. One load shape per run: a fixed rate ({@code --rate}), steps of rising
 * rates ({@code --steps}), or conversations ({@code --conversations}); {@code --compare} measures the
 * starter and the Jorge bots alternately in one JVM.
 */
record BenchmarkOptions(int rate, int seconds, int warmupSeconds, String bot, int compareRepeats, List<Integer> steps,
                        int conversations, int minGapSeconds, int maxGapSeconds, String jfr, long seed,
                        boolean allSchedules) {

    static final String USAGE = "usage: run.sh [--rate 200] [--seconds 30] [--warmup 20] [--bot jorge|starter]\n"
            + "              [--compare REPEATS] [--steps 50,100,150] [--conversations 1000 [--gap 15-60]]\n"
            + "              [--jfr FILE] [--seed 1] [--schedules path|all]";

    BenchmarkOptions {
        if (rate < 1 || rate > 2000) throw new IllegalArgumentException("--rate must be 1..2000 webhooks/s");
        if (seconds < 1 || seconds > 3600) throw new IllegalArgumentException("--seconds must be 1..3600");
        if (warmupSeconds < 0 || warmupSeconds > 3600) throw new IllegalArgumentException("--warmup must be 0..3600");
        if (!bot.equals("jorge") && !bot.equals("starter")) throw new IllegalArgumentException("--bot must be jorge or starter");
        if (compareRepeats < 0 || compareRepeats > 20) throw new IllegalArgumentException("--compare must be 1..20 repeats");
        if (conversations < 0 || conversations > 100_000) throw new IllegalArgumentException("--conversations must be 1..100000");
        if (minGapSeconds < 1 || maxGapSeconds < minGapSeconds) throw new IllegalArgumentException("--gap must be MIN-MAX seconds, 1 <= MIN <= MAX");
        for (int s : steps) if (s < 1 || s > 2000) throw new IllegalArgumentException("--steps rates must be 1..2000 webhooks/s");
        int modes = (compareRepeats > 0 ? 1 : 0) + (steps.isEmpty() ? 0 : 1) + (conversations > 0 ? 1 : 0);
        if (modes > 1) throw new IllegalArgumentException("--compare, --steps and --conversations are separate runs: pick one");
    }

    boolean jorge() {
        return bot.equals("jorge");
    }

    static BenchmarkOptions parse(String[] args) {
        int rate = 200;
        int seconds = 30;
        Integer warmup = null;
        String bot = "jorge";
        int compare = 0;
        List<Integer> steps = new ArrayList<>();
        int conversations = 0;
        int minGap = 15;
        int maxGap = 60;
        String jfr = null;
        long seed = 1;
        boolean allSchedules = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value");
            String value = args[++i];
            try {
                switch (name) {
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--bot" -> bot = value;
                    case "--compare" -> compare = Integer.parseInt(value);
                    case "--steps" -> {
                        for (String s : value.split(",")) steps.add(Integer.parseInt(s.strip()));
                    }
                    case "--conversations" -> conversations = Integer.parseInt(value);
                    case "--gap" -> {
                        String[] parts = value.split("-");
                        if (parts.length != 2) throw new IllegalArgumentException("--gap must be MIN-MAX seconds, like 15-60");
                        minGap = Integer.parseInt(parts[0].strip());
                        maxGap = Integer.parseInt(parts[1].strip());
                    }
                    case "--jfr" -> jfr = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--schedules" -> allSchedules = switch (value) {
                        case "path" -> false;
                        case "all" -> true;
                        default -> throw new IllegalArgumentException("--schedules must be path or all, got '" + value + "'");
                    };
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
            }
        }
        // conversations: every lead must have texted once before the clock starts, so they are mid-conversation
        int defaultWarmup = conversations > 0 ? maxGap : 20;
        if (compare > 0 && bot.equals("starter")) throw new IllegalArgumentException("--compare runs both bots: leave out --bot");
        return new BenchmarkOptions(rate, seconds, warmup == null ? defaultWarmup : warmup, bot, compare, List.copyOf(steps),
                conversations, minGap, maxGap, jfr, seed, allSchedules);
    }
}
