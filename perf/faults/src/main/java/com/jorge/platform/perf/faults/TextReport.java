package com.jorge.platform.perf.faults;

import java.io.PrintStream;
import java.util.Map;

/** The per-phase table of one scenario, and its findings, on the terminal. */
final class TextReport {

    private TextReport() {}

    static void print(ScenarioResult r, PrintStream out) {
        out.printf("  %-7s %5s %5s %5s | ack ms %5s %5s %5s %6s | reply ms %6s %6s %6s %6s | %7s | %5s %7s | %5s | %s%n",
                "phase", "secs", "sent", "acc", "p50", "p95", "p99", "max", "p50", "p95", "p99", "max", "reply/s",
                "queue", "outbox", "cache", "inference path / errors");
        for (PhaseStats p : r.phases()) {
            out.printf("  %-7s %5.0f %5d %5d | %-6s %5s %5s %5s %6s | %-8s %6s %6s %6s %6s | %7.1f | %5s %6.0fs | %5s | %s%s%n",
                    p.name(), p.seconds(), p.sent(), p.accepted(), "", PhaseStats.ms(p.ack(), 50), PhaseStats.ms(p.ack(), 95),
                    PhaseStats.ms(p.ack(), 99), PhaseStats.max(p.ack()), "", PhaseStats.ms(p.reply(), 50),
                    PhaseStats.ms(p.reply(), 95), PhaseStats.ms(p.reply(), 99), PhaseStats.max(p.reply()), p.repliesPerSecond(),
                    p.maxQueueDepth() < 0 ? "-" : Long.toString(p.maxQueueDepth()), p.maxOutboxAgeSeconds(), p.cacheHitRate(),
                    p.inferencePaths().isEmpty() ? "" : p.inferencePaths(), p.errors().isEmpty() ? "" : " errors " + p.errors());
        }
        for (Map.Entry<String, Integer> e : r.reasons().entrySet()) out.printf("    %5d x %s%n", e.getValue(), e.getKey());
        if (!r.note().isEmpty()) out.println("    note: " + r.note());
    }
}
