package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.dynamics.DynamicMarketLog;
import org.mercato.metrics.dynamics.PeriodFold;
import org.mercato.metrics.dynamics.PeriodStats;

/** The report's section over time: one line chart per series, with both axes titled, only with periods. */
class PeriodChartsTest {
    private static List<PeriodStats> periods() {
        PeriodFold fold = new PeriodFold();
        DynamicMarketLog.events().forEach(fold::accept);
        return fold.result();
    }

    @Test
    void everySeriesIsALineChartOverTimeWithTitledAxes() {
        StringBuilder html = new StringBuilder();
        PeriodCharts.section(html, periods());
        String section = html.toString();

        assertThat(section).contains("Over time: 2 periods", "Period start (s of virtual time)");
        List<String> charts = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL)
                .matcher(section)
                .results()
                .map(m -> m.group())
                .toList();
        assertThat(charts).hasSize(5);
        for (String chart : charts) {
            assertThat(chart.split("class=\"axis-title\"", -1)).as(chart).hasSize(3);
            assertThat(chart).contains("<path d=\"M");
        }
        assertThat(section)
                .contains(
                        "Welfare (currency units)",
                        "Welfare / optimum (ratio)",
                        "Share (0 to 1)",
                        "Mean rating (stars)",
                        "sellers with q&lt;0.5",
                        "reviews written: 1 genuine, 1 fake, 1 removed by the filter");
    }

    @Test
    void aMarketWithoutPeriodsHasNoSection() {
        StringBuilder html = new StringBuilder();
        PeriodCharts.section(html, null);
        assertThat(html).isEmpty();
    }

    @Test
    void aTraceGapLeavesTheLineOpenAndEveryPointKeepsItsValue() {
        String svg = SvgChart.traces(
                List.of(new SvgChart.Trace(
                        "efficiency", List.of(0.0, 1.0, 2.0, 3.0), java.util.Arrays.asList(0.5, null, 0.7, 0.9))),
                "series",
                new SvgChart.Axes("Period start (days of virtual time)", "Welfare / optimum (ratio)"));

        assertThat(svg.split("<circle", -1)).hasSize(4);
        // two pieces: the point before the gap, then the two after it
        assertThat(Pattern.compile("d=\"M[^\"]*\"")
                        .matcher(svg)
                        .results()
                        .map(m -> m.group())
                        .toList())
                .singleElement()
                .satisfies(d -> assertThat(d.split("M", -1)).hasSize(3));
        assertThat(svg).contains("efficiency at 2: 0.700");
    }
}
