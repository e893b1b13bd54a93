package com.jorge.platform.bi.attribution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a whole number of cents by weights so the parts are whole cents that add up exactly to the
 * total (Hamilton's largest-remainder method): every part gets the floor of its exact share, and the
 * cents left over go one each to the largest fractional remainders; ties go to the earlier part.
 */
public final class LargestRemainder {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private LargestRemainder() {
    }

    public static long[] split(long totalCents, List<BigDecimal> weights) {
        if (weights.isEmpty()) throw new IllegalArgumentException("nothing to split " + totalCents + " cents over");
        if (totalCents < 0) return Arrays.stream(split(-totalCents, weights)).map(c -> -c).toArray();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.stream().anyMatch(w -> w.signum() < 0) || sum.signum() <= 0) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
        }
        int n = weights.size();
        long[] parts = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        long given = 0;
        BigDecimal total = BigDecimal.valueOf(totalCents);
        for (int i = 0; i < n; i++) {
            BigDecimal exact = total.multiply(weights.get(i)).divide(sum, PRECISION);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            given += parts[i];
        }
        long left = totalCents - given;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < left; k++) parts[order[k % n]]++;
        return parts;
    }
}
