package com.jorge.platform.perf.cachewarming;

import java.util.Map;

/** The hit-rate-against-cache-size curve as a small standalone SVG (log-scaled sizes). */
public final class HitRateChart {

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#444444", "#9467bd", "#8c564b"};
    private static final int W = 720, H = 440, LEFT = 70, RIGHT = 170, TOP = 40, BOTTOM = 60;

    private HitRateChart() {}

    /**
     * @param sizes  cache sizes, ascending, in bytes (or in keys when {@code bytes} is false: a trace file's)
     * @param curves per policy (in legend order), the hit rate at each size
     */
    public static String svg(String title, long[] sizes, boolean bytes, Map<String, double[]> curves) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(W / 2.0 - 120, 22, escape(title), "font-size=\"14\""));
        double lo = Math.log(sizes[0]), hi = Math.log(sizes[sizes.length - 1]);
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        for (int p = 0; p <= 10; p += 2) {
            double y = TOP + plotH * (1 - p / 10.0);
            s.append(line(LEFT, y, LEFT + plotW, y, "#dddddd"));
            s.append(text(LEFT - 40, y + 4, String.format("%.1f", p / 10.0), ""));
        }
        for (long size : sizes) {
            double x = LEFT + (hi == lo ? 0 : plotW * (Math.log(size) - lo) / (hi - lo));
            s.append(line(x, TOP, x, TOP + plotH, "#eeeeee"));
            s.append(text(x - 16, TOP + plotH + 18, bytes ? String.format(java.util.Locale.ROOT, "%.1f MB", size / 1e6) : String.valueOf(size), ""));
        }
        s.append(text(LEFT + plotW / 2.0 - 60, H - 15, bytes ? "cache size (bytes, log scale)" : "cache size (keys, log scale)", ""));
        s.append(text(10, TOP - 10, "hit rate", ""));
        int c = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            String colour = COLOURS[c % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < sizes.length; i++) {
                double x = LEFT + (hi == lo ? 0 : plotW * (Math.log(sizes[i]) - lo) / (hi - lo));
                double y = TOP + plotH * (1 - curve.getValue()[i]);
                points.append(String.format("%.1f,%.1f ", x, y));
                s.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/>\n");
            double ly = TOP + 20 + 20 * c;
            s.append(line(W - RIGHT + 15, ly - 4, W - RIGHT + 40, ly - 4, colour));
            s.append(text(W - RIGHT + 45, ly, escape(curve.getKey()), ""));
            c++;
        }
        return s.append("</svg>\n").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String body, String attributes) {
        return String.format("<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x, y, attributes, body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
