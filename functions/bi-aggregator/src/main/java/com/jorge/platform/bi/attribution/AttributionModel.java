package com.jorge.platform.bi.attribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How a won deal's value is shared among the touches before it (in journey order). Each model gives
 * weights; {@link #credit} turns them into whole cents that add up to the deal's value.
 */
public enum AttributionModel {
    /** All of it to the first touch. */
    FIRST_TOUCH,
    /** All of it to the last touch before the decision. */
    LAST_TOUCH,
    /** Equal shares. */
    LINEAR,
    /** 40 % first, 40 % last, 20 % shared by the touches between (two touches: half each; one: all). */
    POSITION_BASED,
    /** Weight 2^(-age / half-life), age = time from the touch to the decision. */
    TIME_DECAY;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttributionModel of(String sqlName) {
        return valueOf(sqlName.toUpperCase(Locale.ROOT));
    }

    /** The cents each touch earns of {@code valueCents}, in the touches' order. */
    public long[] credit(long valueCents, List<Touch> journey, Instant decidedAt, Duration halfLife) {
        return LargestRemainder.split(valueCents, weights(journey, decidedAt, halfLife));
    }

    List<BigDecimal> weights(List<Touch> journey, Instant decidedAt, Duration halfLife) {
        int n = journey.size();
        if (n == 0) throw new IllegalArgumentException("a won deal has at least one touch (its lead source)");
        List<BigDecimal> w = new ArrayList<>(Collections.nCopies(n, BigDecimal.ZERO));
        switch (this) {
            case FIRST_TOUCH -> w.set(0, BigDecimal.ONE);
            case LAST_TOUCH -> w.set(n - 1, BigDecimal.ONE);
            case LINEAR -> Collections.fill(w, BigDecimal.ONE);
            case POSITION_BASED -> {
                if (n <= 2) {
                    Collections.fill(w, BigDecimal.ONE);
                } else {
                    // first and last 2(n-2) each, every middle touch 1: out of 5(n-2) that is 40/20/40 exactly
                    Collections.fill(w, BigDecimal.ONE);
                    w.set(0, BigDecimal.valueOf(2L * (n - 2)));
                    w.set(n - 1, BigDecimal.valueOf(2L * (n - 2)));
                }
            }
            case TIME_DECAY -> {
                // ages are taken from the newest touch (weight 1), so old journeys never underflow to all zeros
                double halfLifeMs = halfLife.toMillis();
                long newest = journey.stream().mapToLong(t -> age(t, decidedAt)).min().orElseThrow();
                for (int i = 0; i < n; i++) {
                    w.set(i, BigDecimal.valueOf(Math.pow(2, -(age(journey.get(i), decidedAt) - newest) / halfLifeMs)));
                }
            }
        }
        return w;
    }

    private static long age(Touch touch, Instant decidedAt) {
        return Math.max(0, Duration.between(touch.at(), decidedAt).toMillis());
    }
}
