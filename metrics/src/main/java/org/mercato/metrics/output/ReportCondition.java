package org.mercato.metrics.output;

import java.util.List;

/**
 * Which settings produced a run, as its report opens: the scenario's name, the seed, the {@code
 * --set} overrides in order ({@code null} when unknown: a summary written before they were
 * recorded) and the SHA-256 of the resolved scenario (null when unknown).
 */
public record ReportCondition(String scenario, long seed, List<String> overrides, String scenarioHash) {
    public ReportCondition {
        overrides = overrides == null ? null : List.copyOf(overrides);
    }

    /** A table with one row per setting, {@code id="condition"}. */
    String html() {
        StringBuilder html = new StringBuilder("<table class=\"condition\" id=\"condition\">");
        row(html, "Scenario", SvgChart.escape(String.valueOf(scenario)));
        row(html, "Seed", Long.toString(seed));
        String sets;
        if (overrides == null) {
            sets = "unknown (not recorded in summary.json)";
        } else if (overrides.isEmpty()) {
            sets = "none";
        } else {
            StringBuilder list = new StringBuilder();
            for (String override : overrides) {
                list.append(list.length() == 0 ? "" : "<br>")
                        .append("<code>")
                        .append(SvgChart.escape(override))
                        .append("</code>");
            }
            sets = list.toString();
        }
        row(html, "Overrides (--set)", sets);
        row(
                html,
                "Scenario hash",
                scenarioHash == null
                        ? "unknown"
                        : "<code class=\"hash\">" + SvgChart.escape(scenarioHash) + "</code>"
                                + " <span class=\"note\">(SHA-256 of the resolved scenario, seed included)</span>");
        return html.append("</table>").toString();
    }

    private static void row(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th>")
                .append(name)
                .append("</th><td>")
                .append(valueHtml)
                .append("</td></tr>");
    }
}
