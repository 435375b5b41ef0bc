package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sweep-report.html from stored cells: interactions, readable titles, long levels, failures first. */
class SweepReportTest {
    private static final String LONG = "{\"policy\":\"min-wait\",\"minWait\":\"700ms\"}";

    /** 2 × 2 grid, 2 replicates; welfare = 10·a + 100·[b long] + a·[b long]·5 + replicate. */
    private static List<SweepStore.StoredCell> cells(Map<String, Map<String, Double>> metrics) {
        List<SweepStore.StoredCell> cells = new ArrayList<>();
        int index = 0;
        for (String a : List.of("1", "3")) {
            for (String b : List.of("{\"policy\":\"immediate\"}", LONG)) {
                for (int r = 0; r < 2; r++) {
                    String id = "c" + index;
                    Map<String, String> factors = new LinkedHashMap<>();
                    factors.put("agents.assistants[0].params.inquiries", a);
                    factors.put("market.reveal", b);
                    cells.add(new SweepStore.StoredCell(id, index++, factors, r, 7 + r, "ok", 1, null, "local", null));
                    double x = Double.parseDouble(a);
                    boolean longOne = b.equals(LONG);
                    metrics.put(id, Map.of("market.welfare.total", 10 * x + (longOne ? 100 + 5 * x : 0) + r));
                }
            }
        }
        return cells;
    }

    @Test
    void theInteractionIsTheMeanOverCellsAtBothLevelsWithAtInterval() {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        List<String> factors = List.of("agents.assistants[0].params.inquiries", "market.reveal");
        SweepAnalysis analysis = SweepAnalysis.of(cells(metrics), metrics, factors);

        List<SweepAnalysis.InteractionStat> stats =
                analysis.interaction(factors.get(0), factors.get(1), "market.welfare.total");

        assertThat(stats).hasSize(4);
        SweepAnalysis.InteractionStat longAt3 = stats.stream()
                .filter(s -> s.xLevel().equals("3") && s.lineLevel().equals(LONG))
                .findFirst()
                .orElseThrow();
        // values 145 and 146: mean 145.5, half-width t(0.975, 1) · 0.5 = 12.706 · 0.5
        assertThat(longAt3.interval().n()).isEqualTo(2);
        assertThat(longAt3.interval().mean()).isEqualTo(145.5);
        assertThat(longAt3.interval().upper() - 145.5).isCloseTo(12.7062 * 0.5, within(1e-3));
    }

    @Test
    void theReportTitlesMetricsShortensLongLevelsAndPutsFailedCellsFirst() {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        List<SweepStore.StoredCell> cells = cells(metrics);
        cells.add(new SweepStore.StoredCell(
                "bad", 99, Map.of("market.reveal", LONG), 0, 7, "failed", 1, "boom: no such service", "local", null));
        List<String> factors = List.of("agents.assistants[0].params.inquiries", "market.reveal");
        SweepAnalysis analysis = SweepAnalysis.of(cells, metrics, factors);

        String html = SweepReport.render(
                "Mercato sweep t",
                Map.of("design", "grid", "replicates", "2"),
                cells,
                analysis,
                SweepHeadlines.of(List.of(), analysis));

        assertThat(html.indexOf("id=\"failures\"")).isPositive().isLessThan(html.indexOf("<svg"));
        assertThat(html).contains("boom: no such service");
        assertThat(html)
                .contains("<h3>Customer welfare <small><code>market.welfare.total</code></small></h3>")
                .doesNotContain("<h3>market.welfare.total</h3>");
        assertThat(html).contains(">policy=min-wait, minWait=700ms (n=4)</text>");
        assertThat(html).contains("<code>" + LONG.replace("\"", "&quot;") + "</code>");
        assertThat(html).contains("Interactions of two factors", "Mean customer welfare (currency units)");
        assertThat(html.split("<path d=\"M", -1))
                .as("one line per level of the second factor")
                .hasSize(3);
    }
}
