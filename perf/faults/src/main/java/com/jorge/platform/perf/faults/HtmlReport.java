package com.jorge.platform.perf.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page for a run: per scenario its verdict line, the phase table and two
 * inline SVG charts over time (each load webhook's ack and reply latency on a log scale with the fault
 * window shaded; queue depth and pending outbox). No scripts, no network.
 */
final class HtmlReport {

    private static final int W = 900;
    private static final int H = 260;
    private static final int PAD = 50;

    private HtmlReport() {}

    static void write(Path file, String title, List<ScenarioResult> results) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title><style>")
                .append("body{font:14px sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:2px 6px;text-align:right}th{background:#eee}code{background:#f4f4f4}.bad{color:#b00}</style></head><body>")
                .append("<h1>").append(esc(title)).append("</h1>");
        for (ScenarioResult r : results) {
            h.append("<h2>").append(esc(r.scenario().name())).append("</h2><p>").append(esc(r.scenario().description())).append("</p>")
                    .append("<p><code class=\"").append(r.failed() ? "bad" : "").append("\">").append(esc(r.line())).append("</code></p>");
            h.append("<table><tr><th>phase</th><th>s</th><th>sent</th><th>accepted</th><th>ack p50</th><th>ack p95</th>")
                    .append("<th>ack p99</th><th>ack max</th><th>reply p50</th><th>reply p95</th><th>reply p99</th><th>reply max</th>")
                    .append("<th>replies/s</th><th>max queue</th><th>max outbox age s</th><th>cache hits</th><th>inference path</th><th>errors</th></tr>");
            for (PhaseStats p : r.phases()) {
                h.append("<tr><td>").append(p.name()).append("</td><td>").append((int) p.seconds()).append("</td><td>").append(p.sent())
                        .append("</td><td>").append(p.accepted()).append("</td>");
                for (String v : List.of(PhaseStats.ms(p.ack(), 50), PhaseStats.ms(p.ack(), 95), PhaseStats.ms(p.ack(), 99),
                        PhaseStats.max(p.ack()), PhaseStats.ms(p.reply(), 50), PhaseStats.ms(p.reply(), 95),
                        PhaseStats.ms(p.reply(), 99), PhaseStats.max(p.reply()))) {
                    h.append("<td>").append(v).append("</td>");
                }
                h.append("<td>").append(String.format("%.1f", p.repliesPerSecond())).append("</td><td>")
                        .append(p.maxQueueDepth() < 0 ? "-" : p.maxQueueDepth()).append("</td><td>")
                        .append(String.format("%.0f", p.maxOutboxAgeSeconds())).append("</td><td>").append(p.cacheHitRate())
                        .append("</td><td>").append(p.inferencePaths().isEmpty() ? "-" : esc(p.inferencePaths().toString())).append("</td><td>")
                        .append(p.errors().isEmpty() ? "-" : esc(p.errors().toString())).append("</td></tr>");
            }
            h.append("</table><ul>");
            for (Map.Entry<String, Integer> e : r.reasons().entrySet()) {
                h.append("<li>").append(e.getValue()).append(" &times; ").append(esc(e.getKey())).append("</li>");
            }
            if (!r.note().isEmpty()) h.append("<li>").append(esc(r.note())).append("</li>");
            h.append("</ul>").append(latencyChart(r)).append(depthChart(r));
        }
        h.append("</body></html>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, h);
    }

    private static double end(ScenarioResult r) {
        double end = r.faultTo() + 1;
        for (ScenarioResult.Point p : r.points()) end = Math.max(end, p.at() + 1);
        return end;
    }

    private static String latencyChart(ScenarioResult r) {
        double end = end(r);
        StringBuilder s = frame("latency of each load webhook (ms, log scale): grey = webhook answered 200, "
                + "blue = reply at GHL, red = no reply (lost), orange = duplicated", r, end);
        double lo = Math.log10(1);
        double hi = Math.log10(600_000);
        for (int decade = 0; decade <= 5; decade++) {
            double y = y(Math.log10(Math.pow(10, decade)), lo, hi);
            s.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", PAD, W - 10, y, y))
                    .append(String.format("<text x=\"5\" y=\"%.1f\" font-size=\"10\">%s</text>", y + 3, label(Math.pow(10, decade))));
        }
        for (ScenarioResult.Point p : r.points()) {
            double x = x(p.at(), end);
            if (!Double.isNaN(p.ackMs())) dot(s, x, y(Math.log10(Math.max(1, p.ackMs())), lo, hi), "#999");
            switch (p.outcome()) {
                case LOST, DLQ -> dot(s, x, 14, "#d00");
                case DUPLICATED -> dot(s, x, y(Math.log10(Math.max(1, p.replyMs())), lo, hi), "#f80");
                default -> {
                    if (!Double.isNaN(p.replyMs())) dot(s, x, y(Math.log10(Math.max(1, p.replyMs())), lo, hi), "#17c");
                }
            }
        }
        return s.append("</svg>").toString();
    }

    private static String depthChart(ScenarioResult r) {
        double end = end(r);
        double max = 1;
        for (double[] d : r.queueDepth()) max = Math.max(max, Math.max(d[1], d[2]));
        StringBuilder s = frame("accepted webhooks not yet processed (blue) and replies pending in the outbox (orange); "
                + "gaps: the database did not answer; max " + (long) max, r, end);
        for (int series = 1; series <= 2; series++) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (double[] d : r.queueDepth()) {
                if (d[series] < 0) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format("%.1f %.1f", x(d[0], end), y(d[series], 0, max)));
                pen = true;
            }
            s.append("<path fill=\"none\" stroke=\"").append(series == 1 ? "#17c" : "#f80").append("\" d=\"").append(path).append("\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder frame(String caption, ScenarioResult r, double end) {
        StringBuilder s = new StringBuilder();
        s.append("<p>").append(esc(caption)).append("</p>");
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" style=\"border:1px solid #ccc\">", W, H));
        double x0 = x(r.faultFrom(), end);
        double x1 = x(r.faultTo(), end);
        s.append(String.format("<rect x=\"%.1f\" y=\"10\" width=\"%.1f\" height=\"%d\" fill=\"#fdd\"/>", x0, Math.max(1, x1 - x0), H - PAD));
        for (int t = 0; t <= end; t += end > 200 ? 60 : 10) {
            s.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%ds</text>", x(t, end) - 6, H - 25, t));
        }
        return s;
    }

    private static void dot(StringBuilder s, double x, double y, String color) {
        s.append(String.format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\"/>", x, y, color));
    }

    private static double x(double seconds, double end) {
        return PAD + (W - PAD - 10) * Math.max(0, seconds) / end;
    }

    private static double y(double value, double lo, double hi) {
        double f = Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
        return H - PAD + 10 - f * (H - PAD);
    }

    private static String label(double ms) {
        return ms >= 1000 ? (long) (ms / 1000) + " s" : (long) ms + " ms";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
