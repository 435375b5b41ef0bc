package org.mercato.metrics.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mercato.metrics.MarketMetrics;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.FirstProposalFold;
import org.mercato.metrics.bias.PositionFold;

/**
 * A self-contained {@code report.html} for one run (inline SVG and CSS, no external URLs):
 * welfare against the optimum, first-proposal selection by arrival order with Wilson intervals,
 * choice share by position and by grid cell, the choice-logit coefficients with 95% intervals, and
 * a timeline of market activity read from the event log.
 */
public final class HtmlReport {
    private static final int TIMELINE_BUCKETS = 60;

    private HtmlReport() {}

    public static String render(String title, MarketMetrics m, Path eventLog) throws IOException {
        StringBuilder html = new StringBuilder(16_384);
        html.append(pageStart(title));
        html.append(String.format(
                Locale.ROOT,
                "<p>%d customers, %d served, %d payments; %d events.</p>",
                m.customers(),
                m.customersServed(),
                m.payments().count(),
                m.events()));
        welfare(html, m);
        firstProposal(html, m.firstProposal());
        position(html, m.position());
        logit(html, m.choiceLogit());
        timeline(html, eventLog);
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The start of a report page: doctype, the shared inline style, and the title as a heading. */
    public static String pageStart(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + SvgChart.escape(title)
                + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;color:#222}"
                + "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}"
                + "svg text{font-size:12px;font-family:system-ui,sans-serif}.note{color:#666;font-size:.9em}"
                + "table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}"
                + "</style></head><body><h1>"
                + SvgChart.escape(title)
                + "</h1>";
    }

    private static void welfare(StringBuilder html, MarketMetrics m) {
        html.append("<h2>Welfare against the optimum</h2>");
        List<SvgChart.Bar> bars = new ArrayList<>();
        bars.add(SvgChart.Bar.of("realized (customers)", m.welfare().total().doubleValue()));
        bars.add(SvgChart.Bar.of("optimal", m.welfare().optimal().doubleValue()));
        if (m.surplus() != null) {
            bars.add(SvgChart.Bar.of(
                    "producer surplus", m.surplus().producerSurplus().doubleValue()));
            bars.add(SvgChart.Bar.of("total welfare", m.surplus().totalWelfare().doubleValue()));
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">Efficiency ")
                .append(
                        m.welfare().efficiency() == null
                                ? "n/a"
                                : SvgChart.number(m.welfare().efficiency()))
                .append("; optimum: ")
                .append(SvgChart.escape(String.valueOf(m.welfare().optimalMethod())))
                .append(". Magentic's four baselines: <code>mercato baselines</code>.</p>");
    }

    private static void firstProposal(StringBuilder html, FirstProposalFold.FirstProposal fp) {
        html.append("<h2>First-proposal selection by arrival order</h2>");
        if (fp == null || fp.byPosition().isEmpty()) {
            html.append("<p class=\"empty\">no proposals were paid</p>");
            return;
        }
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (FirstProposalFold.Position p : fp.byPosition()) {
            bars.add(new SvgChart.Bar(
                    "arrival " + p.position() + " (n=" + p.customers() + ")", p.rate(), p.lower(), p.upper()));
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">Share of customers with at least k proposals who paid the k-th to arrive,"
                + " with Wilson 95% intervals.</p>");
    }

    private static void position(StringBuilder html, PositionFold.Position position) {
        html.append("<h2>Choice share by position</h2>");
        if (position == null || position.choices() == 0) {
            html.append("<p class=\"empty\">no choices on logged pages (impressions are logged for grids and"
                    + " randomized pages)</p>");
            return;
        }
        html.append(SvgChart.bars(cells("rank ", position.byRank()), ""));
        html.append("<h2>Choice share by grid cell</h2>");
        List<SvgChart.Bar> grid = new ArrayList<>();
        grid.addAll(cells("row ", position.byRow()));
        grid.addAll(cells("column ", position.byColumn()));
        html.append(SvgChart.bars(grid, ""));
        List<SvgChart.Bar> tags = new ArrayList<>();
        for (PositionFold.TagShare tag : position.byTag()) {
            if (tag.share() != null) {
                tags.add(SvgChart.Bar.of(tag.tag(), tag.share()));
            }
        }
        html.append("<h2>Choice share by badge</h2>").append(SvgChart.bars(tags, ""));
    }

    private static List<SvgChart.Bar> cells(String prefix, List<PositionFold.Cell> cells) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (PositionFold.Cell cell : cells) {
            if (cell.share() != null) {
                bars.add(SvgChart.Bar.of(prefix + cell.value(), cell.share()));
            }
        }
        return bars;
    }

    private static void logit(StringBuilder html, ChoiceLogitFold.ChoiceLogit logit) {
        html.append("<h2>Conditional logit coefficients</h2>");
        if (logit == null || logit.fit() == null) {
            html.append("<p class=\"empty\">not fitted")
                    .append(logit == null || logit.reason() == null ? "" : ": " + SvgChart.escape(logit.reason()))
                    .append("</p>");
            return;
        }
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (ChoiceLogitFold.Coefficient c : logit.fit().coefficients()) {
            if (c.coef() != null && c.se() != null && Double.isFinite(c.se())) {
                bars.add(new SvgChart.Bar(c.name(), c.coef(), c.coef() - 1.96 * c.se(), c.coef() + 1.96 * c.se()));
            }
        }
        html.append(SvgChart.bars(bars, ""));
        html.append("<p class=\"note\">McFadden conditional logit over the pages where the customer paid a shown"
                + " service; 95% intervals from customer-clustered standard errors.</p>");
    }

    private static void timeline(StringBuilder html, Path eventLog) throws IOException {
        html.append("<h2>Market activity over virtual time</h2>");
        List<Long> times = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(eventLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                int start = line.indexOf("\"t\":");
                if (start >= 0) {
                    int end = line.indexOf(',', start);
                    times.add(Long.parseLong(line.substring(start + 4, end)));
                }
            }
        }
        long last = 1;
        for (long t : times) {
            last = Math.max(last, t);
        }
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < TIMELINE_BUCKETS; i++) {
            counts.add(0L);
        }
        for (long t : times) {
            int bucket = (int) Math.min(TIMELINE_BUCKETS - 1, t * TIMELINE_BUCKETS / (last + 1));
            counts.set(bucket, counts.get(bucket) + 1);
        }
        html.append(SvgChart.columns(counts, "0 s", String.format(Locale.ROOT, "%.2f s", last / 1e6)));
    }
}
