package com.jorge.platform.perf.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrival schedule of a scenario, open model: webhooks are due at fixed times from a rate per phase
 * (ramp: linear from one rate to another; plateau and spike: constant), whatever the platform answers.
 */
record LoadShape(List<Phase> phases) {

    /** {@code fromRate} to {@code toRate} webhooks/s over {@code seconds}. */
    record Phase(String name, double seconds, double fromRate, double toRate) {
        static Phase ramp(String name, double seconds, double from, double to) {
            return new Phase(name, seconds, from, to);
        }

        static Phase steady(String name, double seconds, double rate) {
            return new Phase(name, seconds, rate, rate);
        }
    }

    /** One due webhook: when, relative to the start, and in which phase. */
    record Arrival(long offsetNanos, int phase) {}

    double seconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /** Where phase {@code index} starts, in nanoseconds from the start. */
    long phaseStartNanos(int index) {
        double s = 0;
        for (int i = 0; i < index; i++) s += phases.get(i).seconds();
        return (long) (s * 1e9);
    }

    int phaseIndex(String name) {
        for (int i = 0; i < phases.size(); i++) if (phases.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("no phase " + name);
    }

    /** Integrates the rate in 1 ms steps: an arrival whenever another whole webhook is due. */
    List<Arrival> arrivals() {
        List<Arrival> out = new ArrayList<>();
        double due = 0;
        long start = 0;
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            long steps = Math.round(phase.seconds() * 1000);
            for (long ms = 0; ms < steps; ms++) {
                double rate = phase.fromRate() + (phase.toRate() - phase.fromRate()) * ms / Math.max(1, steps);
                due += rate / 1000.0;
                while (due >= 1) {
                    out.add(new Arrival(start + ms * 1_000_000L, p));
                    due -= 1;
                }
            }
            start += steps * 1_000_000L;
        }
        return out;
    }
}
