package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.HtmlReport;
import org.mercato.metrics.output.SvgChart;

/**
 * {@code sweep-report.html}: self-contained (inline SVG and CSS, the run report's style and charts).
 * For each factor and headline metric, the mean per level with its 95% interval, and a table of the
 * paired differences against the first level. Failed cells, with their errors, come first.
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
     * The report, its {@code headlines} table first (after the failed cells), and their metrics
     * charted before the default ones.
     */
    public static String render(
            String title,
            Map<String, String> facts,
            List<SweepStore.StoredCell> cells,
            SweepAnalysis analysis,
            SweepHeadlines headlines) {
        StringBuilder html = new StringBuilder(32_768);
        html.append(HtmlReport.pageStart(title));
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
        failures(html, cells);
        html.append(headlines.html());
        html.append("<p class=\"note\">Bars: the mean over every cell at a level; whiskers: 95% t intervals."
                + " Paired differences compare cells that share the other factors' levels and the seed.</p>");
        List<String> headline = charted(headlines, analysis.metrics());
        for (String factor : analysis.factors()) {
            html.append("<h2>").append(esc(factor)).append("</h2>");
            for (String metric : headline) {
                List<SvgChart.Bar> bars = new ArrayList<>();
                for (SweepAnalysis.LevelStat s : analysis.levels()) {
                    if (s.factor().equals(factor) && s.metric().equals(metric)) {
                        Interval i = s.interval();
                        bars.add(new SvgChart.Bar(s.level() + " (n=" + i.n() + ")", i.mean(), i.lower(), i.upper()));
                    }
                }
                html.append("<h3>").append(esc(metric)).append("</h3>");
                html.append(SvgChart.bars(bars, ""));
            }
            pairedTable(html, factor, headline, analysis);
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void pairedTable(StringBuilder html, String factor, List<String> headline, SweepAnalysis a) {
        List<SweepAnalysis.PairedDiff> rows = a.pairs().stream()
                .filter(p -> p.factor().equals(factor) && headline.contains(p.metric()))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h3>Paired differences against ")
                .append(esc(rows.get(0).baseline()))
                .append("</h3><table><tr><th>level</th><th>metric</th><th>pairs</th><th>mean difference</th>"
                        + "<th>95% interval</th></tr>");
        for (SweepAnalysis.PairedDiff p : rows) {
            Interval i = p.interval();
            html.append("<tr><td>")
                    .append(esc(p.level()))
                    .append("</td><td>")
                    .append(esc(p.metric()))
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
