package com.jorge.platform.alerts.forecast;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A metric's points in time order (gaps allowed: the forecaster works on real timestamps, not indices). */
public record MetricSeries(long[] epochSeconds, double[] values) {

    public MetricSeries {
        if (epochSeconds.length != values.length) throw new IllegalArgumentException("timestamps and values differ in length");
        for (int i = 1; i < epochSeconds.length; i++) {
            if (epochSeconds[i] <= epochSeconds[i - 1]) throw new IllegalArgumentException("timestamps must increase (index " + i + ")");
        }
    }

    public static MetricSeries empty() {
        return new MetricSeries(new long[0], new double[0]);
    }

    public static MetricSeries of(List<Instant> timestamps, List<Double> values) {
        long[] t = timestamps.stream().mapToLong(Instant::getEpochSecond).toArray();
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return new MetricSeries(t, v);
    }

    /** Evenly spaced points ending at {@code end}, a convenience for tests and the evaluation. */
    public static MetricSeries evenlySpaced(Instant end, long stepSeconds, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < values.length; i++) t[i] = end.getEpochSecond() - (values.length - 1L - i) * stepSeconds;
        return new MetricSeries(t, values.clone());
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public Instant lastTime() {
        return Instant.ofEpochSecond(epochSeconds[epochSeconds.length - 1]);
    }

    public double lastValue() {
        return values[values.length - 1];
    }

    /** The last {@code n} points (all of them when there are fewer). */
    public MetricSeries last(int n) {
        int from = Math.max(0, values.length - n);
        return range(from, values.length);
    }

    /** The first {@code n} points: the series as it looked {@code size() - n} points ago. */
    public MetricSeries firstN(int n) {
        return range(0, Math.min(n, values.length));
    }

    public MetricSeries range(int from, int to) {
        return new MetricSeries(Arrays.copyOfRange(epochSeconds, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** The points with a finite value (a NaN or infinite point says nothing about the trend). */
    public MetricSeries finite() {
        int n = 0;
        for (double v : values) if (Double.isFinite(v)) n++;
        if (n == values.length) return this;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) continue;
            t[k] = epochSeconds[i];
            v[k++] = values[i];
        }
        return new MetricSeries(t, v);
    }
}
