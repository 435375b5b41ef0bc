package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mercato.metrics.estimation.Interval;
import org.mercato.metrics.output.Headline;
import org.mercato.metrics.output.HeadlineMetric;
import org.mercato.metrics.output.Headlines;
import org.mercato.metrics.output.SvgChart;

/**
 * A sweep's headline metrics per condition (design point): the mean and 95% t interval across its
 * replicates, taken from the analysis's {@code point_stats}, as the terminal table at the end of
 * {@code mercato sweep} and the first table of {@code sweep-report.html}.
 */
public record SweepHeadlines(List<HeadlineMetric> wanted, List<Condition> conditions) {
    /** Where a sweep's headlines are looked up, for the warnings. */
    static final String IN_SWEEP = "any cell's summary";

    /** One design point's factor levels and its headlines (missing where no cell had the metric). */
    public record Condition(Map<String, String> point, List<Headline<Interval>> headlines) {
        /** As {@link #label()}, JSON object levels as {@code k=v, k=v} ({@link LevelLabels}), one per line. */
        String readableLabel() {
            return point.isEmpty()
                    ? label()
                    : point.entrySet().stream()
                            .map(e -> e.getKey() + ": " + LevelLabels.readable(e.getValue()))
                            .collect(Collectors.joining("; "));
        }

        /** {@code key=level key=level}, or {@code (all cells)} without factors. */
        public String label() {
            return point.isEmpty()
                    ? "(all cells)"
                    : point.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "));
        }
    }

    public SweepHeadlines {
        wanted = List.copyOf(wanted);
        conditions = List.copyOf(conditions);
    }

    public static SweepHeadlines of(List<HeadlineMetric> wanted, SweepAnalysis analysis) {
        Map<Map<String, String>, Map<String, Interval>> byPoint = new LinkedHashMap<>();
        for (SweepAnalysis.PointStat s : analysis.points()) {
            byPoint.computeIfAbsent(s.point(), k -> new LinkedHashMap<>()).put(s.metric(), s.interval());
        }
        List<Condition> conditions = new ArrayList<>();
        if (!wanted.isEmpty()) {
            byPoint.forEach((point, stats) -> conditions.add(new Condition(point, Headlines.lookup(wanted, stats))));
        }
        return new SweepHeadlines(wanted, conditions);
    }

    public boolean isEmpty() {
        return wanted.isEmpty();
    }

    /** One line per headline metric that no condition has. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            int at = i;
            if (conditions.stream().allMatch(c -> c.headlines().get(at).missing())) {
                out.add(Headlines.missing(wanted.get(i).metric(), IN_SWEEP));
            }
        }
        return out;
    }

    /** A headline's mean, as every display shows it. */
    static String mean(Headline<Interval> h) {
        return h.missing() ? "missing" : Headlines.number(h.value().mean());
    }

    /** A headline's 95% interval, {@code n/a} with a single replicate. */
    static String interval(Headline<Interval> h) {
        if (h.missing()) {
            return "";
        }
        Interval i = h.value();
        return i.lower() == null ? "n/a" : "[" + Headlines.number(i.lower()) + ", " + Headlines.number(i.upper()) + "]";
    }

    static String replicates(Headline<Interval> h) {
        return h.missing() ? "" : "n=" + h.value().n();
    }

    /**
     * The terminal table: per headline metric, its title, then a row per condition with the mean,
     * the 95% interval and the replicates it is over; then the warnings. Empty without headlines.
     */
    public String text() {
        if (isEmpty()) {
            return "";
        }
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("Headline (per condition: mean, 95% t interval, replicates)" + nl);
        int labelWidth =
                conditions.stream().mapToInt(c -> c.label().length()).max().orElse(1);
        for (int i = 0; i < wanted.size(); i++) {
            out.append("  ").append(wanted.get(i).shownTitle()).append(nl);
            int at = i;
            int meanWidth = conditions.stream()
                    .mapToInt(c -> mean(c.headlines().get(at)).length())
                    .max()
                    .orElse(1);
            int intervalWidth = conditions.stream()
                    .mapToInt(c -> interval(c.headlines().get(at)).length())
                    .max()
                    .orElse(1);
            for (Condition c : conditions) {
                Headline<Interval> h = c.headlines().get(i);
                String row = String.format(
                        Locale.ROOT,
                        "    %-" + Math.max(1, labelWidth) + "s  %" + Math.max(1, meanWidth) + "s  %-"
                                + Math.max(1, intervalWidth) + "s  %s",
                        c.label(),
                        mean(h),
                        interval(h),
                        replicates(h));
                out.append(row.stripTrailing()).append(nl);
            }
        }
        warnings().forEach(w -> out.append("  warning: ").append(w).append(nl));
        return out.toString();
    }

    /** The report's table: a row per condition, a column per headline metric; empty without headlines. */
    public String html() {
        if (isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2 id=\"headline\">Headline</h2><table class=\"headline\"><tr>"
                + "<th style=\"text-align:left\">condition</th>");
        for (HeadlineMetric m : wanted) {
            html.append("<th title=\"")
                    .append(SvgChart.escape(m.metric()))
                    .append("\">")
                    .append(SvgChart.escape(m.shownTitle()))
                    .append("</th>");
        }
        html.append("</tr>");
        for (Condition c : conditions) {
            html.append("<tr><td style=\"text-align:left\">")
                    .append(SvgChart.escape(c.readableLabel()))
                    .append("</td>");
            for (Headline<Interval> h : c.headlines()) {
                html.append("<td>").append(SvgChart.escape(mean(h)));
                if (!h.missing()) {
                    html.append("<br><span class=\"note\">")
                            .append(SvgChart.escape(interval(h)))
                            .append(' ')
                            .append(replicates(h))
                            .append("</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table><p class=\"note\">Mean over each condition's replicates with its 95% t interval"
                + " (the <code>point_stats</code> table of sweep.duckdb); metrics: ");
        html.append(wanted.stream()
                .map(m -> "<code>" + SvgChart.escape(m.metric()) + "</code>")
                .collect(Collectors.joining(", ")));
        html.append(".</p>");
        List<String> warnings = warnings();
        if (!warnings.isEmpty()) {
            html.append("<p class=\"note\">");
            warnings.forEach(w -> html.append(SvgChart.escape(w)).append(". "));
            html.append("</p>");
        }
        return html.toString();
    }
}
