package org.mercato.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep report puts each level's fitted choice-logit coefficients side by side with the planted ones. */
class CoefficientTableTest {
    private static final String FACTOR = "agents.assistants[0].llm.page";
    private static final String ROW2 = "market.choiceLogit.fit.coefficients.row2.";

    /** Two levels: text with 2 replicates (interval across cells), screenshot with one (the fit's se). */
    private static SweepAnalysis analysis(boolean planted) {
        List<SweepStore.StoredCell> cells = new ArrayList<>();
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        double[][] rows = {{-0.40, 0.05}, {-0.30, 0.05}};
        for (int r = 0; r < 2; r++) {
            String id = "t" + r;
            cells.add(new SweepStore.StoredCell(id, r, Map.of(FACTOR, "text"), r, 7 + r, "ok", 1, null, "local", null));
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(ROW2 + "coef", rows[r][0]);
            m.put(ROW2 + "se", rows[r][1]);
            if (planted) {
                m.put("plantedLogit.row2", -0.4);
            }
            metrics.put(id, m);
        }
        cells.add(new SweepStore.StoredCell("s0", 2, Map.of(FACTOR, "screenshot"), 0, 7, "ok", 1, null, "local", null));
        metrics.put("s0", Map.of(ROW2 + "coef", -0.9, ROW2 + "se", 0.1));
        return SweepAnalysis.of(cells, metrics, List.of(FACTOR));
    }

    @Test
    void eachLevelIsAColumnWithItsInterval() {
        StringBuilder html = new StringBuilder();
        CoefficientTable.append(html, FACTOR, analysis(true));

        String table = html.toString();
        assertThat(table).contains("<th>text</th><th>screenshot</th><th>planted</th>");
        // text: mean -0.35 over 2 cells, t interval -0.35 ± 12.706 · 0.05
        assertThat(table).contains("<code>row2</code></td><td>-0.350 [-0.985, 0.285]</td>");
        // screenshot: one cell, -0.9 ± 1.96 · 0.1
        assertThat(table).contains("<td>-0.900 [-1.096, -0.704]*</td>");
        assertThat(table).contains("<td>-0.400</td></tr>");
    }

    @Test
    void noPlantedColumnWithoutLogitShoppersAndNoTableWithoutAFit() {
        StringBuilder html = new StringBuilder();
        CoefficientTable.append(html, FACTOR, analysis(false));
        assertThat(html.toString()).contains("<th>screenshot</th></tr>").doesNotContain("planted");

        StringBuilder none = new StringBuilder();
        CoefficientTable.append(
                none,
                FACTOR,
                SweepAnalysis.of(
                        List.of(new SweepStore.StoredCell(
                                "x", 0, Map.of(FACTOR, "text"), 0, 7, "ok", 1, null, "local", null)),
                        Map.of("x", Map.of("market.welfare.total", 1.0)),
                        List.of(FACTOR)));
        assertThat(none).isEmpty();
    }
}
