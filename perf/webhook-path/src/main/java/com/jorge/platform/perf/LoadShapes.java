package com.jorge.platform.perf;

import com.jorge.platform.bots.simulator.Persona;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When each lead texts what, open model: arrivals are fixed before the run, whatever the platform
 * answers, and bounded in count and time.
 */
final class LoadShapes {

    /** One text due {@code offsetNanos} after its phase starts. */
    record Arrival(long offsetNanos, String locationId, String contactId, String text) {}

    /**
     * GHL allows each sub-account 100 API calls per 10 s and the platform respects that, so the leads are
     * spread over many; a lead stays in its one location.
     */
    static final int LOCATIONS = 500;

    private LoadShapes() {}

    /**
     * {@code rate} texts/s for {@code seconds}, evenly spaced: each lead sends {@code texts} (one answer per
     * bot question) 5 s apart, and the leads are staggered so every second mixes all stages of the script.
     */
    static List<Arrival> scripted(String prefix, int rate, int seconds, List<String> texts) {
        int gap = Math.max(1, rate * 5 / texts.size());
        long interval = 1_000_000_000L / rate;
        List<Arrival> out = new ArrayList<>();
        for (int round = 0; out.size() < rate * seconds; round++) {
            for (int stage = 0; stage < texts.size() && out.size() < rate * seconds; stage++) {
                int lead = round - stage * gap;
                if (lead >= 0) {
                    out.add(new Arrival(out.size() * interval, "loc-bench-" + (lead % LOCATIONS), prefix + lead, texts.get(stage)));
                }
            }
        }
        return out;
    }

    /**
     * {@code leads} leads in conversation at once for {@code seconds}, each playing one of the personas and
     * texting its next line after a pause drawn uniformly from {@code minGap}..{@code maxGap} seconds (the
     * first one within its first pause, so the leads are spread out); a lead that finished its script is
     * followed by a new one. Mean rate: leads / mean gap (1,000 leads at 15-60 s: about 27 texts/s).
     */
    static List<Arrival> conversations(String prefix, int leads, int minGap, int maxGap, int seconds, List<Persona> personas,
                                       long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long end = seconds * 1_000_000_000L;
        List<Arrival> out = new ArrayList<>();
        for (int lane = 0; lane < leads; lane++) {
            long at = (long) (random.nextDouble() * gap(random, minGap, maxGap));
            int generation = 0;
            int line = 0;
            Persona persona = personas.get(lane % personas.size());
            while (at < end) {
                out.add(new Arrival(at, "loc-conv-" + (lane % LOCATIONS), prefix + lane + "-" + generation + "-" + persona.id(),
                        persona.messages().get(line)));
                if (++line == persona.messages().size()) {
                    line = 0;
                    generation++;
                    persona = personas.get((lane + generation) % personas.size());
                }
                at += gap(random, minGap, maxGap);
            }
        }
        out.sort(Comparator.comparingLong(Arrival::offsetNanos));
        return out;
    }

    private static long gap(SplittableRandom random, int minGap, int maxGap) {
        return (long) ((minGap + random.nextDouble() * (maxGap - minGap)) * 1e9);
    }

    /** The arrivals from {@code fromNanos} (inclusive) to {@code toNanos}, re-timed from {@code fromNanos}. */
    static List<Arrival> window(List<Arrival> arrivals, long fromNanos, long toNanos) {
        return arrivals.stream().filter(a -> a.offsetNanos() >= fromNanos && a.offsetNanos() < toNanos)
                .map(a -> new Arrival(a.offsetNanos() - fromNanos, a.locationId(), a.contactId(), a.text())).toList();
    }
}
