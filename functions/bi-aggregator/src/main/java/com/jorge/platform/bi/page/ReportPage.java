package com.jorge.platform.bi.page;

import com.jorge.platform.bi.BiReport;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The BI report as one self-contained HTML page, mobile first (one column, readable at 360 px): pipeline and
 * commission, attribution by model, funnel, bot KPIs and ROI, agent leaderboard and coaching, experiments.
 * Inline CSS and SVG only: no script, no font, no request at view time. Every text from the data is escaped.
 */
public final class ReportPage {

    private static final String CSS = """
            :root{--ink:#1d2433;--soft:#5b6475;--line:#e3e6ec;--bar:#2f6fde;--accent:#0f9d76;--bad:#c2410c}
            *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
            main{max-width:760px;margin:0 auto;padding:12px}header h1{font-size:1.35rem;margin:.2rem 0}header p{margin:0;color:var(--soft)}
            section{background:#fff;border:1px solid var(--line);border-radius:12px;padding:12px 14px;margin:12px 0}
            h2{font-size:1.1rem;margin:0 0 .5rem}h3{font-size:.95rem;margin:.8rem 0 .3rem;color:var(--soft)}
            .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
            .tile{border:1px solid var(--line);border-radius:10px;padding:8px}.tile b{display:block;font-size:1.15rem}.tile span{color:var(--soft);font-size:.85rem}
            svg.chart{width:100%;height:auto;display:block;margin:4px 0}svg .bar{fill:var(--bar)}svg .interval{fill:#9fb8ea}svg .point{fill:var(--bar)}
            svg .axis{stroke:var(--line)}svg text{font-size:11px;fill:var(--ink)}svg .value{fill:var(--soft)}
            table{width:100%;border-collapse:collapse;font-size:.85rem}th,td{text-align:right;padding:4px 3px;border-bottom:1px solid var(--line)}
            th:first-child,td:first-child{text-align:left}.scroll{overflow-x:auto}.note{color:var(--soft);font-size:.85rem}
            .decision{font-weight:600}.decision.significant{color:var(--accent)}.decision.sample_ratio_mismatch{color:var(--bad)}
            """;

    private ReportPage() {}

    public static String render(BiReport r, Instant generatedAt) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e("Jorge BI · " + r.locationId() + " · " + r.from() + " to " + r.to())).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body><main>")
                .append("<header><h1>What the bots earned</h1><p>").append(e(r.locationId())).append(" · ")
                .append(r.from()).append(" to ").append(r.to()).append(" (").append(e(r.zone())).append(") · generated ")
                .append(generatedAt.toString(), 0, 16).append(" UTC</p></header>");
        pipeline(h, r);
        attribution(h, r);
        funnel(h, r);
        bots(h, r);
        agents(h, r);
        experiments(h, r);
        return h.append("</main></body></html>").toString();
    }

    private static void pipeline(StringBuilder h, BiReport r) {
        BiReport.Commission c = r.commission();
        h.append("<section id=\"pipeline\"><h2>Pipeline and commission</h2><div class=\"tiles\">");
        tile(h, money(c.realised().gross()), "commission realised (" + c.realised().deals() + " won deals)");
        tile(h, money(c.projected().commission()), "projected from the open pipeline");
        tile(h, money(r.pipeline().openValue()), r.pipeline().openCount() + " open deals");
        tile(h, money(r.revenue().wonValue()), r.revenue().wonCount() + " won, " + r.revenue().lostCount() + " lost");
        h.append("</div>");
        List<SvgCharts.Bar> stages = c.projected().stages().stream()
                .map(s -> new SvgCharts.Bar(s.pipelineStageId(), s.openValue().doubleValue(),
                        money(s.openValue()) + " · " + pct(s.probability().doubleValue())))
                .toList();
        chartOrNote(h, "Open value by stage, with the win probability used", stages.isEmpty() ? null
                : SvgCharts.bars("pipeline-stages", "Open pipeline by stage", stages));
        List<SvgCharts.Bar> split = List.of(new SvgCharts.Bar("agents", c.realised().agentShare().doubleValue(), money(c.realised().agentShare())),
                new SvgCharts.Bar("team", c.realised().teamShare().doubleValue(), money(c.realised().teamShare())),
                new SvgCharts.Bar("referral fees", c.realised().referralFees().doubleValue(), money(c.realised().referralFees())));
        chartOrNote(h, "Realised commission: who gets it", c.realised().gross().signum() == 0 ? null
                : SvgCharts.bars("commission-split", "Realised commission split", split));
        h.append("</section>");
    }

    private static void attribution(StringBuilder h, BiReport r) {
        h.append("<section id=\"attribution\"><h2>Revenue attribution by model</h2><p class=\"note\">Each model shares every won deal among the touches before it; each adds up to ")
                .append(money(r.revenue().wonValue())).append(" to the cent.</p>");
        if (r.attributionByModel().isEmpty() || r.revenue().wonCount() == 0) {
            h.append("<p class=\"note\">No won deals in this range.</p>");
        }
        for (BiReport.ModelAttribution m : r.attributionByModel()) {
            if (m.wonDeals() == 0) continue;
            Map<String, BigDecimal> byKind = new TreeMap<>();
            m.credits().forEach(cr -> byKind.merge(cr.kind(), cr.credit(), BigDecimal::add));
            List<SvgCharts.Bar> bars = byKind.entrySet().stream()
                    .map(en -> new SvgCharts.Bar(en.getKey(), en.getValue().doubleValue(), money(en.getValue()))).toList();
            h.append("<h3>").append(e(m.model().replace('_', ' '))).append("</h3>")
                    .append(SvgCharts.bars("attribution-" + m.model(), m.model() + " attribution by touch", bars));
        }
        h.append("</section>");
    }

    private static void funnel(StringBuilder h, BiReport r) {
        BiReport.Funnel f = r.funnel();
        List<SvgCharts.Bar> steps = List.of(step("new leads", f.newLeads(), null), step("answered", f.leadsAnswered(), f.answeredRate()),
                step("qualified", f.qualified(), f.qualifiedRate()), step("hot", f.hot(), f.hotRate()),
                step("handed off", f.handedOff(), f.handedOffRate()), step("appointments", f.appointmentsBooked(), f.appointmentRate()),
                step("deals won", f.dealsWon(), f.wonRate()));
        h.append("<section id=\"funnel\"><h2>Lead funnel</h2>");
        chartOrNote(h, null, f.newLeads() == 0 && f.dealsWon() == 0 ? null : SvgCharts.bars("funnel", "Lead funnel", steps));
        h.append("<p class=\"note\">").append(f.optedOut()).append(" opted out. Each lead counts once per step, on the day it first happened.</p></section>");
    }

    private static void bots(StringBuilder h, BiReport r) {
        BiReport.BotKpis k = r.botKpis();
        h.append("<section id=\"bots\"><h2>Bot KPIs and ROI</h2><div class=\"tiles\">");
        tile(h, Integer.toString(k.conversations()), "bot conversations");
        tile(h, ms(k.replyP50Ms()) + " / " + ms(k.replyP95Ms()), "reply p50 / p95");
        tile(h, k.messagesPerConversation() == null ? "–" : String.format(Locale.ROOT, "%.1f", k.messagesPerConversation()), "messages per conversation");
        tile(h, money(k.costPerConversation()), "cost per conversation");
        tile(h, money(k.botAttributedRevenue()), "revenue credited to the bots (linear)");
        tile(h, k.roi() == null ? "–" : String.format(Locale.ROOT, "%.1f×", k.roi()), "ROI on " + money(k.totalCost()) + " cost");
        h.append("</div>");
        List<SvgCharts.Bar> rates = new ArrayList<>();
        rate(rates, "qualified", k.qualificationRate());
        rate(rates, "hot", k.hotLeadRate());
        rate(rates, "booked by bot", k.bookingRate());
        rate(rates, "opted out", k.optOutRate());
        chartOrNote(h, "Rates (over new leads; booking over conversations)",
                rates.stream().allMatch(b -> b.value() == 0) ? null : SvgCharts.bars("bot-rates", "Bot rates", rates));
        h.append("<p class=\"note\">Hand-offs accepted: ").append(k.handoffsAccepted()).append(", accept p50 ")
                .append(ms(k.handoffAcceptP50Ms())).append(". SMS segments ").append(k.smsSegments()).append(" (")
                .append(money(k.smsCost())).append("), LLM tokens ").append(k.llmInputTokens() + k.llmOutputTokens()).append(" (")
                .append(money(k.llmCost())).append(").</p>");
        objections(h, r.objections());
        h.append("</section>");
    }

    private static void objections(StringBuilder h, List<BiReport.ObjectionOutcome> objections) {
        h.append("<h3>Objection outcomes</h3>");
        if (objections.isEmpty()) {
            h.append("<p class=\"note\">No objection answered in this range.</p>");
            return;
        }
        h.append("<div class=\"scroll\"><table><thead><tr><th>objection</th><th>leads</th><th>wrote again</th><th>qualified</th>")
                .append("<th>appointment</th><th>opted out</th><th>won</th></tr></thead><tbody>");
        for (BiReport.ObjectionOutcome o : objections) {
            h.append("<tr><td>").append(e(o.objection().replace('_', ' '))).append("</td><td>").append(o.leads())
                    .append("</td><td>").append(pct(o.wroteAgainRate())).append("</td><td>").append(pct(o.qualifiedRate()))
                    .append("</td><td>").append(pct(o.appointmentRate())).append("</td><td>").append(pct(o.optedOutRate()))
                    .append("</td><td>").append(pct(o.wonRate())).append("</td></tr>");
        }
        h.append("</tbody></table></div><p class=\"note\">What the leads did after the bot first answered the objection in this range, at any time since.</p>");
    }

    private static void agents(StringBuilder h, BiReport r) {
        BiReport.Coaching c = r.coaching();
        h.append("<section id=\"agents\"><h2>Agent leaderboard and coaching</h2>");
        if (c.agents().isEmpty()) {
            h.append("<p class=\"note\">No hand-offs in this range.</p></section>");
            return;
        }
        h.append("<div class=\"scroll\"><table><thead><tr><th>agent</th><th>hand-offs</th><th>accept p50</th><th>first reply p50</th>")
                .append("<th>appt rate</th><th>deal rate</th><th>predicted</th></tr></thead><tbody>");
        for (BiReport.AgentCoaching a : c.agents()) {
            h.append("<tr><td>").append(e(a.agentId())).append("</td><td>").append(a.handoffs()).append("</td><td>")
                    .append(ms(a.acceptP50Ms())).append("</td><td>").append(ms(a.firstReplyP50Ms())).append("</td><td>")
                    .append(pct(a.appointmentRate())).append("</td><td>").append(pct(a.dealRate())).append("</td><td>")
                    .append(pct(a.predictedSuccess())).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
        List<SvgCharts.Bar> handoffs = c.agents().stream()
                .map(a -> new SvgCharts.Bar(a.agentId(), a.handoffs(), a.handoffs() + " (" + a.accepted() + " accepted)")).toList();
        h.append("<h3>Hand-offs per agent</h3>").append(SvgCharts.bars("agent-handoffs", "Hand-offs per agent", handoffs));
        List<SvgCharts.Bar> predicted = c.agents().stream().filter(a -> a.predictedSuccess() != null)
                .map(a -> new SvgCharts.Bar(a.agentId(), a.predictedSuccess(), pct(a.predictedSuccess()))).toList();
        chartOrNote(h, "Predicted chance a new hand-off is won within 60 days", predicted.isEmpty() ? null
                : SvgCharts.bars("agent-predicted", "Predicted success per agent", predicted));
        h.append("</section>");
    }

    private static void experiments(StringBuilder h, BiReport r) {
        h.append("<section id=\"experiments\"><h2>Experiments</h2>");
        if (r.experiments().isEmpty()) h.append("<p class=\"note\">No experiment is configured.</p>");
        for (BiReport.ExperimentResult x : r.experiments()) {
            h.append("<h3>").append(e(x.name())).append(" · ").append(e(x.kind())).append(" · ").append(e(x.metric()))
                    .append("</h3><p><span class=\"decision ").append(e(x.decision())).append("\">").append(e(x.decision().replace('_', ' ')))
                    .append("</span>").append(x.winner() == null ? "" : ": " + e(x.winner()) + " wins").append(" · planned ")
                    .append(x.plannedSamplePerVariant()).append(" leads per variant</p>");
            List<SvgCharts.Interval> intervals = x.variants().stream().filter(v -> v.rate() != null)
                    .map(v -> new SvgCharts.Interval(v.variant(), v.rate(), v.ciLow(), v.ciHigh(),
                            pct(v.rate()) + " · n=" + v.leads())).toList();
            chartOrNote(h, null, intervals.isEmpty() ? null
                    : SvgCharts.intervals("experiment-" + x.name(), x.name() + " rates with intervals", intervals));
        }
        h.append("</section>");
    }

    private static void chartOrNote(StringBuilder h, String title, String chart) {
        if (title != null) h.append("<h3>").append(e(title)).append("</h3>");
        h.append(chart == null ? "<p class=\"note\">No data in this range.</p>" : chart);
    }

    private static SvgCharts.Bar step(String label, int count, Double rate) {
        return new SvgCharts.Bar(label, count, count + (rate == null ? "" : " · " + pct(rate)));
    }

    private static void rate(List<SvgCharts.Bar> bars, String label, Double rate) {
        bars.add(new SvgCharts.Bar(label, rate == null ? 0 : rate, pct(rate)));
    }

    private static void tile(StringBuilder h, String value, String label) {
        h.append("<div class=\"tile\"><b>").append(e(value)).append("</b><span>").append(e(label)).append("</span></div>");
    }

    private static String money(BigDecimal value) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        return value == null ? "–" : f.format(value);
    }

    private static String pct(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * rate);
    }

    private static String ms(Integer ms) {
        if (ms == null) return "–";
        return ms < 1000 ? ms + " ms" : ms < 120_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%.0f min", ms / 60_000.0);
    }

    private static String e(String text) {
        return Html.escape(text);
    }
}
