package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mercato.metrics.estimation.Interval;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.HtmlReport;
import org.mercato.metrics.output.MetricTitles;
import org.mercato.metrics.output.SvgChart;

/**
 * {@code sweep-report.html}: self-contained (inline SVG and CSS, the run report's style and charts).
 * Failed cells, with their errors, come first; then the headline table; for each factor and charted
 * metric (the scenario's headline metrics, then the default ones) the mean per level with its 95%
 * interval and the paired differences against the first level; for each pair of factors their
 * interaction as lines with intervals; with a choice logit, each factor's fitted coefficients per
 * level side by side ({@link CoefficientTable}). Titles come from {@link MetricTitles}, long levels are
 * shortened with their full value in a legend and a tooltip.
 */
public final class SweepReport {
    /** The metrics plotted, those present in the results; every metric is in the CSV and Parquet files. */
    static final List<String> HEADLINE = List.of(
            "market.welfare.total",
            "market.welfare.efficiency",
            "market.customersServed",
            "market.payments.count",
            "market.payments.amount",
            "market.firstProposal.speedVsValue.paidFirstShare",
            "cost.money");

    private SweepReport() {}

    public static List<String> headline(List<String> metrics) {
        List<String> out = new ArrayList<>();
        for (String m : HEADLINE) {
            if (metrics.contains(m)) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            out.addAll(metrics.subList(0, Math.min(4, metrics.size())));
        }
        return out;
    }

    /** The scenario's headline metrics the results have, then the default ones not among them. */
    static List<String> charted(SweepHeadlines headlines, List<String> metrics) {
        List<String> out = new ArrayList<>();
        headlines.wanted().stream()
                .map(HeadlineMetric::metric)
                .filter(metrics::contains)
                .forEach(out::add);
        headline(metrics).stream().filter(m -> !out.contains(m)).forEach(out::add);
        return out;
    }

    /**
     * The report: the failed cells with their errors first, then the cell counts, the {@code
     * headlines} table, per factor the charted metrics' means by level and the paired differences,
     * and per pair of factors their interaction on each charted metric.
     */
    public static String render(
            String title,
            Map<String, String> facts,
            List<SweepStore.StoredCell> cells,
            SweepAnalysis analysis,
            SweepHeadlines headlines) {
        StringBuilder html = new StringBuilder(32_768);
        html.append(HtmlReport.pageStart(title));
        failures(html, cells);
        long ok = cells.stream().filter(SweepStore.StoredCell::ok).count();
        html.append(String.format(
                Locale.ROOT,
                "<p>%d cells: %d ok, %d failed. Design %s, %s replicate(s), code version %s.</p>",
                cells.size(),
                ok,
                cells.size() - ok,
                esc(facts.getOrDefault("design", "?")),
                esc(facts.getOrDefault("replicates", "?")),
                esc(facts.getOrDefault("code_version", "?"))));
        html.append(headlines.html());
        List<String> charted = charted(headlines, analysis.metrics());
        html.append("<h2 id=\"by-factor\">Headline metrics by factor</h2><p class=\"note\">Bars: the mean over every"
                + " cell at a level (all levels of the other factors, all replicates); whiskers: 95% t intervals."
                + " Paired differences compare cells that share the other factors' levels and the seed.</p>");
        for (String factor : analysis.factors()) {
            html.append("<h2>").append(titled(factor)).append("</h2>");
            levelLegend(html, factor, analysis.levelsOf(factor));
            for (String metric : charted) {
                List<SvgChart.Bar> bars = new ArrayList<>();
                for (SweepAnalysis.LevelStat s : analysis.levels()) {
                    if (s.factor().equals(factor) && s.metric().equals(metric)) {
                        Interval i = s.interval();
                        bars.add(new SvgChart.Bar(
                                LevelLabels.readable(s.level()) + " (n=" + i.n() + ")",
                                i.mean(),
                                i.lower(),
                                i.upper()));
                    }
                }
                html.append("<h3>").append(titled(metric)).append("</h3>");
                html.append(SvgChart.bars(
                        bars,
                        "",
                        new SvgChart.Axes(MetricTitles.meanAxisTitle(metric), MetricTitles.of(factor) + " (level)")));
            }
            pairedTable(html, factor, charted, analysis);
            CoefficientTable.append(html, factor, analysis);
        }
        interactions(html, analysis, charted);
        html.append("</body></html>\n");
        return html.toString();
    }

    /**
     * For each pair of factors, each charted metric as lines: x the first factor's levels, a line per
     * level of the second, each point the mean over the cells at both levels with its 95% t interval.
     */
    private static void interactions(StringBuilder html, SweepAnalysis analysis, List<String> charted) {
        List<String> factors = analysis.factors();
        if (factors.size() < 2) {
            return;
        }
        html.append("<h2 id=\"interactions\">Interactions of two factors</h2><p class=\"note\">One line per level"
                + " of the second factor; each point is the mean over the cells at both levels (all levels of any"
                + " other factor, all replicates), whiskers its 95% t interval. Parallel lines: no interaction.</p>");
        for (int a = 0; a < factors.size(); a++) {
            for (int b = a + 1; b < factors.size(); b++) {
                String x = factors.get(a);
                String line = factors.get(b);
                html.append("<h3>")
                        .append(esc(MetricTitles.of(x)))
                        .append(" × ")
                        .append(esc(MetricTitles.of(line)))
                        .append(" <small><code>")
                        .append(esc(x))
                        .append("</code> × <code>")
                        .append(esc(line))
                        .append("</code></small></h3>");
                List<String> xLevels = analysis.levelsOf(x);
                List<String> lineLevels = analysis.levelsOf(line);
                for (String metric : charted) {
                    List<SweepAnalysis.InteractionStat> stats = analysis.interaction(x, line, metric);
                    List<SvgChart.Series> series = new ArrayList<>();
                    for (String lineLevel : lineLevels) {
                        List<SvgChart.Point> points = new ArrayList<>();
                        for (String xLevel : xLevels) {
                            points.add(stats.stream()
                                    .filter(s -> s.xLevel().equals(xLevel)
                                            && s.lineLevel().equals(lineLevel))
                                    .findFirst()
                                    .map(s -> new SvgChart.Point(
                                            s.interval().mean(),
                                            s.interval().lower(),
                                            s.interval().upper()))
                                    .orElse(null));
                        }
                        series.add(new SvgChart.Series(LevelLabels.readable(lineLevel), points));
                    }
                    html.append("<h4>").append(titled(metric)).append("</h4>");
                    html.append(SvgChart.lines(
                            xLevels.stream().map(LevelLabels::readable).toList(),
                            series,
                            MetricTitles.of(line) + ":",
                            new SvgChart.Axes(MetricTitles.of(x) + " (level)", MetricTitles.meanAxisTitle(metric))));
                }
            }
        }
    }

    /** A readable title with the raw key small beside it. */
    private static String titled(String key) {
        return esc(MetricTitles.of(key)) + " <small><code>" + esc(key) + "</code></small>";
    }

    /** The full value of each level whose label is shortened in the charts. */
    private static void levelLegend(StringBuilder html, String factor, List<String> levels) {
        List<String> changed = levels.stream()
                .filter(l -> !SvgChart.cut(LevelLabels.readable(l)).equals(l))
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        html.append("<table class=\"levels\"><tr><th style=\"text-align:left\">level as shown</th>"
                        + "<th style=\"text-align:left\">full value of <code>")
                .append(esc(factor))
                .append("</code></th></tr>");
        for (String level : changed) {
            html.append("<tr><td style=\"text-align:left\">")
                    .append(esc(SvgChart.cut(LevelLabels.readable(level))))
                    .append("</td><td style=\"text-align:left\"><code>")
                    .append(esc(level))
                    .append("</code></td></tr>");
        }
        html.append("</table>");
    }

    private static void pairedTable(StringBuilder html, String factor, List<String> headline, SweepAnalysis a) {
        List<SweepAnalysis.PairedDiff> rows = a.pairs().stream()
                .filter(p -> p.factor().equals(factor) && headline.contains(p.metric()))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h3>Paired differences against ")
                .append(esc(LevelLabels.readable(rows.get(0).baseline())))
                .append("</h3><table><tr><th>level</th><th>metric</th><th>pairs</th><th>mean difference</th>"
                        + "<th>95% interval</th></tr>");
        for (SweepAnalysis.PairedDiff p : rows) {
            Interval i = p.interval();
            html.append("<tr><td>")
                    .append(esc(LevelLabels.readable(p.level())))
                    .append("</td><td title=\"")
                    .append(esc(p.metric()))
                    .append("\">")
                    .append(esc(MetricTitles.of(p.metric())))
                    .append("</td><td>")
                    .append(i.n())
                    .append("</td><td>")
                    .append(SvgChart.number(i.mean()))
                    .append("</td><td>")
                    .append(
                            i.lower() == null
                                    ? "n/a"
                                    : "[" + SvgChart.number(i.lower()) + ", " + SvgChart.number(i.upper()) + "]")
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void failures(StringBuilder html, List<SweepStore.StoredCell> cells) {
        List<SweepStore.StoredCell> failed = cells.stream().filter(c -> !c.ok()).toList();
        if (failed.isEmpty()) {
            return;
        }
        html.append(HtmlReport.failureBox(
                "FAILED: " + failed.size() + " of " + cells.size() + " cells failed (left out of the statistics below)",
                List.of()));
        html.append("<h2>Failed cells</h2><table><tr><th>cell</th><th>factors</th><th>seed</th><th>error</th></tr>");
        for (SweepStore.StoredCell c : failed.subList(0, Math.min(50, failed.size()))) {
            html.append("<tr><td>")
                    .append(esc(c.id()))
                    .append("</td><td>")
                    .append(esc(c.factors().toString()))
                    .append("</td><td>")
                    .append(c.seed())
                    .append("</td><td style=\"text-align:left\">")
                    .append(esc(String.valueOf(c.error())))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String esc(String text) {
        return SvgChart.escape(text);
    }
}
