package com.jorge.platform.alerts.forecast;

import java.util.Arrays;

/**
 * Flags a point far from the median of the points before it, in MADs. The median and MAD ignore earlier
 * spikes in the baseline, so one incident does not blind the detector to the next.
 */
public final class SpikeDetector {

    private final DetectorSettings settings;

    public SpikeDetector(DetectorSettings settings) {
        this.settings = settings;
    }

    public SpikeCheck check(MetricSeries series) {
        int n = series.size();
        if (n <= settings.minPoints()) return SpikeCheck.notEnoughHistory();
        double[] baseline = Arrays.copyOfRange(series.values(), Math.max(0, n - 1 - settings.baselineWindow()), n - 1);
        double center = RobustStats.median(baseline);
        double scale = RobustStats.floored(RobustStats.sigma(baseline, center), center, settings.relativeSpreadFloor());
        double z = (series.lastValue() - center) / scale;
        return new SpikeCheck(z, Math.abs(z) >= settings.spikeZ() && novel(series));
    }

    /** Beyond the range of the earlier history, leaving out the latest points the confirmations look at. */
    private boolean novel(MetricSeries series) {
        if (settings.noveltyWindow() == 0) return true;
        int n = series.size();
        int to = n - settings.confirmations();
        int from = Math.max(0, n - 1 - settings.noveltyWindow());
        if (to - from < settings.baselineWindow()) return true; // too little history to call anything familiar
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, series.values()[i]);
            max = Math.max(max, series.values()[i]);
        }
        double x = series.lastValue();
        return x > max || x < min;
    }
}
