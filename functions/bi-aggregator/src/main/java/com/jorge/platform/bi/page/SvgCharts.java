package com.jorge.platform.bi.page;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG (no library, nothing to load): horizontal bars scaled to the largest value, and
 * intervals (a rate with its confidence interval) on a 0..1 axis. Each chart is an {@code svg.chart} with
 * {@code data-chart} (its name) and {@code data-points} (how many data points it drew), one {@code .bar} or
 * {@code .interval} per point.
 */
final class SvgCharts {

    /** One bar: its label, its value (for scale) and the text shown beside it. */
    record Bar(String label, double value, String shown) {}

    /** One interval: label, point estimate and bounds on 0..1, and the text shown. */
    record Interval(String label, double point, double low, double high, String shown) {}

    private static final int WIDTH = 360;
    private static final int LABEL = 96;
    /** room right of the plot for the value's text */
    private static final int VALUE = 124;
    private static final int ROW = 26;

    private SvgCharts() {}

    static String bars(String name, String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int plot = WIDTH - LABEL - VALUE;
        StringBuilder svg = new StringBuilder();
        int y = 0;
        for (Bar bar : bars) {
            double w = max <= 0 ? 0 : Math.max(bar.value() > 0 ? 1 : 0, plot * bar.value() / max);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>"
                            + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"><title>%s: %s</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>",
                    LABEL - 6, y + 17, Html.escape(shorten(bar.label())), LABEL, y + 5, w, ROW - 8,
                    Html.escape(bar.label()), Html.escape(bar.shown()), LABEL + w + 4, y + 17, Html.escape(bar.shown())));
            y += ROW;
        }
        return svg(name, title, bars.size(), svg, y);
    }

    static String intervals(String name, String title, List<Interval> intervals) {
        int plot = WIDTH - LABEL - VALUE;
        StringBuilder svg = new StringBuilder();
        int y = 0;
        for (Interval i : intervals) {
            double x0 = LABEL + plot * clamp(i.low()), x1 = LABEL + plot * clamp(i.high()), xp = LABEL + plot * clamp(i.point());
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>"
                            + "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"axis\"/>"
                            + "<rect class=\"interval\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" rx=\"3\"><title>%s: %s</title></rect>"
                            + "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" class=\"point\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"value\">%s</text>",
                    LABEL - 6, y + 17, Html.escape(shorten(i.label())), LABEL, LABEL + plot, y + 13, y + 13,
                    x0, y + 10, Math.max(1, x1 - x0), Html.escape(i.label()), Html.escape(i.shown()), xp, y + 13,
                    LABEL + plot + 4, y + 17, Html.escape(i.shown())));
            y += ROW;
        }
        return svg(name, title, intervals.size(), svg, y);
    }

    private static String svg(String name, String title, int points, StringBuilder body, int height) {
        return String.format(Locale.ROOT,
                "<svg class=\"chart\" data-chart=\"%s\" data-points=\"%d\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\">",
                Html.escape(name), points, Html.escape(title), WIDTH, Math.max(height, ROW)) + body + "</svg>";
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String shorten(String label) {
        return label.length() <= 15 ? label : label.substring(0, 14) + "…";
    }
}
