package org.mercato.scenarios.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercato.metrics.estimation.Interval;
import org.mercato.metrics.output.SvgChart;
import org.mercato.scenarios.run.PlantedLogit;

/**
 * The fitted choice-logit coefficients ({@code market.choiceLogit}) of each level of a factor side
 * by side, one row per covariate: the mean estimate over the level's cells with its 95% t interval
 * across them, or with one cell the fit's own ±1.96 standard errors; and a column of the planted
 * values when logit shoppers planted them (the same in every cell that has them). So a sweep over
 * {@code llm.page: [text, screenshot]} compares a text channel with a visual one at a glance.
 */
final class CoefficientTable {
    static final String PREFIX = "market.choiceLogit.fit.coefficients.";
    private static final String COEF = ".coef";

    private CoefficientTable() {}

    /** The table for {@code factor}, or nothing when no cell fitted a choice logit. */
    static void append(StringBuilder html, String factor, SweepAnalysis analysis) {
        List<String> covariates = new ArrayList<>();
        for (String metric : analysis.metrics()) {
            if (metric.startsWith(PREFIX) && metric.endsWith(COEF)) {
                covariates.add(metric.substring(PREFIX.length(), metric.length() - COEF.length()));
            }
        }
        List<String> levels = analysis.levelsOf(factor);
        if (covariates.isEmpty() || levels.size() < 2) {
            return;
        }
        Map<String, SweepAnalysis.LevelStat> stats = new LinkedHashMap<>();
        for (SweepAnalysis.LevelStat s : analysis.levels()) {
            if (s.factor().equals(factor)) {
                stats.put(s.level() + "\n" + s.metric(), s);
            }
        }
        boolean planted = analysis.metrics().stream().anyMatch(m -> m.startsWith(PlantedLogit.METRIC));
        html.append("<h3>Fitted choice-logit coefficients by level</h3><p class=\"note\">Each level's mean"
                        + " estimate over its cells with the 95% t interval across them (one cell: the fit's"
                        + " estimate ± 1.96 standard errors, marked *)")
                .append(planted ? "; planted: the logit shoppers' own values, which the fit should recover" : "")
                .append(".</p><table><tr><th style=\"text-align:left\">covariate</th>");
        for (String level : levels) {
            html.append("<th>").append(esc(LevelLabels.readable(level))).append("</th>");
        }
        if (planted) {
            html.append("<th>planted</th>");
        }
        html.append("</tr>");
        for (String covariate : covariates) {
            html.append("<tr><td style=\"text-align:left\"><code>")
                    .append(esc(covariate))
                    .append("</code></td>");
            TreeSet<Double> plantedValues = new TreeSet<>();
            for (String level : levels) {
                html.append("<td>").append(cell(stats, level, covariate)).append("</td>");
                SweepAnalysis.LevelStat p = stats.get(level + "\n" + PlantedLogit.METRIC + covariate);
                if (p != null) {
                    plantedValues.add(p.interval().mean());
                }
            }
            if (planted) {
                html.append("<td>")
                        .append(
                                plantedValues.isEmpty()
                                        ? "—"
                                        : plantedValues.size() == 1 ? SvgChart.number(plantedValues.first()) : "varies")
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String cell(Map<String, SweepAnalysis.LevelStat> stats, String level, String covariate) {
        SweepAnalysis.LevelStat coef = stats.get(level + "\n" + PREFIX + covariate + COEF);
        if (coef == null) {
            return "—";
        }
        Interval i = coef.interval();
        if (i.lower() != null) {
            return SvgChart.number(i.mean()) + " [" + SvgChart.number(i.lower()) + ", " + SvgChart.number(i.upper())
                    + "]";
        }
        SweepAnalysis.LevelStat se = stats.get(level + "\n" + PREFIX + covariate + ".se");
        if (se == null || !Double.isFinite(se.interval().mean())) {
            return SvgChart.number(i.mean());
        }
        double half = 1.96 * se.interval().mean();
        return SvgChart.number(i.mean()) + " [" + SvgChart.number(i.mean() - half) + ", "
                + SvgChart.number(i.mean() + half) + "]*";
    }

    private static String esc(String text) {
        return SvgChart.escape(text);
    }
}
