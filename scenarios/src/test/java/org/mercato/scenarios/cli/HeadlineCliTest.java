package org.mercato.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.cli.MercatoCliTest.badInput;
import static org.mercato.scenarios.cli.MercatoCliTest.mercato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.metrics.output.Headlines;
import org.mercato.scenarios.sweep.SweepStore;

/**
 * {@code output.headline}: the run's console summary and report.html open with the headline
 * metrics, the sweep ends with their mean and 95% interval per condition (the numbers of
 * {@code point_stats}) and sweep-report.html opens with the same table; a name the summary lacks is
 * a warning, and a malformed list is bad input. ({@code mercato run} ignores the sweep section.)
 */
class HeadlineCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@link SweepCommandTest}'s tiny market and sweep, with three headlines, one of them missing. */
    private static final String TINY = SweepCommandTest.TINY.replace(
            "sweep:\n",
            String.join(
                    "\n",
                    "output:",
                    "  duckdb: false",
                    "  headline:",
                    "    - market.welfare.total",
                    "    - {metric: market.payments.count, title: Payments made}",
                    "    - no.such.metric",
                    "sweep:\n"));

    @TempDir
    Path dir;

    @Test
    void theRunsConsoleAndReportOpenWithTheHeadlinesAndAMissingNameIsAWarning() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);

        MercatoCliTest.Result result =
                mercato("run", file.toString(), "--out", dir.resolve("runs").toString());

        assertThat(result.code()).as(result.err()).isZero();
        Path folder = onlyRunFolder();
        JsonNode summary = JSON.readTree(folder.resolve("summary.json").toFile());
        String welfare = Headlines.number(summary.at("/market/welfare/total").asDouble());
        String payments = Headlines.number(summary.at("/market/payments/count").asDouble());
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Running tiny");
        assertThat(lines.subList(1, 6))
                .containsExactly(
                        "Headline",
                        "  Customer welfare  " + welfare,
                        "  Payments made     " + payments,
                        "  No: such metric   missing",
                        "  warning: headline metric 'no.such.metric' is not in this run's summary");
        assertThat(lines.get(6)).startsWith("  welfare ");

        String html = Files.readString(folder.resolve("report.html"));
        assertReportOpensWithHeadlines(html, welfare, payments);

        // mercato report rewrites report.html with the headlines of scenario.resolved.yaml
        Files.delete(folder.resolve("report.html"));
        assertThat(mercato("report", folder.toString()).code()).isZero();
        assertThat(Files.readString(folder.resolve("report.html"))).isEqualTo(html);
    }

    private static void assertReportOpensWithHeadlines(String html, String welfare, String payments) {
        int headline = html.indexOf("<h2 id=\"headline\">Headline</h2>");
        assertThat(headline).isPositive().isLessThan(html.indexOf("<h2>"));
        assertThat(html)
                .contains("<td style=\"text-align:left\">Customer welfare</td><td>" + welfare + "</td>")
                .contains("<td style=\"text-align:left\">Payments made</td><td>" + payments + "</td>")
                .contains("<td style=\"text-align:left\">No: such metric</td><td>missing</td>")
                .contains("headline metric 'no.such.metric' is not in this run's summary");
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            List<Path> folders = runs.toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    @Test
    void theSweepEndsWithTheHeadlinesPerConditionAsThePointStatsHoldThem() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("sweep");

        MercatoCliTest.Result result = mercato("sweep", file.toString(), "--out", out.toString(), "--parallelism", "1");

        assertThat(result.code()).as(result.err()).isZero();
        String html = Files.readString(out.resolve("sweep-report.html"));
        int rows = 0;
        try (SweepStore store = SweepStore.open(out.resolve("sweep.duckdb"));
                Statement sql = store.connection().createStatement();
                ResultSet rs = sql.executeQuery(
                        "SELECT point, metric, n, mean, lower, upper FROM point_stats"
                                + " WHERE metric IN ('market.welfare.total', 'market.payments.count') ORDER BY metric, point")) {
            while (rs.next()) {
                String title = rs.getString(2).equals("market.welfare.total") ? "Customer welfare" : "Payments made";
                String condition = label(rs.getString(1));
                String mean = Headlines.number(rs.getDouble(4));
                String interval =
                        "[" + Headlines.number(rs.getDouble(5)) + ", " + Headlines.number(rs.getDouble(6)) + "]";
                assertThat(rowOf(result.out(), title, condition))
                        .matches("    " + java.util.regex.Pattern.quote(condition) + " +"
                                + java.util.regex.Pattern.quote(mean) + " +"
                                + java.util.regex.Pattern.quote(interval) + " +n=" + rs.getInt(3));
                assertThat(html)
                        .contains("<td>" + mean + "<br><span class=\"note\">" + interval + " n=" + rs.getInt(3));
                rows++;
            }
        }
        assertThat(rows).as("two conditions x two headline metrics").isEqualTo(4);
        assertThat(result.out())
                .contains("  warning: headline metric 'no.such.metric' is not in any cell's summary")
                .contains("  No: such metric\n    agents.assistants[0].params.inquiries=1  missing\n");
        assertThat(result.out().indexOf("Headline (per condition"))
                .isLessThan(result.out().indexOf("  cells "));
        assertThat(html.indexOf("<h2 id=\"headline\">Headline</h2>"))
                .isPositive()
                .isLessThan(html.indexOf("<h2>"));
    }

    /** {@code {"k":"1"}} as the table labels it: {@code k=1}. */
    private static String label(String pointJson) throws IOException {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(pointJson).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(" ", parts);
    }

    /** The row of {@code condition} under the metric titled {@code title} in the terminal table. */
    private static String rowOf(String out, String title, String condition) {
        List<String> lines = out.lines().toList();
        int at = lines.indexOf("  " + title);
        assertThat(at).as("title line of " + title).isPositive();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (!line.startsWith("    ")) {
                break;
            }
            if (line.startsWith("    " + condition + " ")) {
                return line;
            }
        }
        throw new AssertionError("no row for " + condition + " under " + title + " in:\n" + out);
    }

    @Test
    void aMalformedHeadlineIsBadInputAtItsLineAndColumn() throws Exception {
        String base = TINY.substring(0, TINY.indexOf("  headline:"));
        assertThat(validate(base, "  headline: market.welfare.total"))
                .endsWith("bad.yaml:14:13: output.headline: expected a list, got 'market.welfare.total'");
        assertThat(validate(base, "  headline:\n    - ''"))
                .contains("bad.yaml:15:7: output.headline[0]")
                .contains("must be a flattened summary name");
        assertThat(validate(base, "  headline:\n    -"))
                .endsWith("bad.yaml:15:6: output.headline[0]: the list entry is empty");
        assertThat(validate(base, "  headline:\n    - {metric: market.welfare.total, titel: Welfare}"))
                .endsWith("bad.yaml:15:38: output.headline[0].titel: unknown key 'titel'; allowed here: metric, title"
                        + " (did you mean 'title'?)");
        assertThat(validate(base, "  headline:\n    - {title: Welfare}"))
                .contains("bad.yaml:15:7: output.headline[0].metric: is required");
        assertThat(validate(base, "  headline:\n    - 12"))
                .endsWith("bad.yaml:15:7: output.headline[0]: expected a metric name such as market.welfare.total, or"
                        + " a mapping {metric, title}, got 12");
        assertThat(validate(base, "  headline:\n    - market welfare"))
                .contains("bad.yaml:15:7: output.headline[0].metric: must be a flattened summary name without spaces");
        assertThat(validate(base, "  headline:\n    - a.b\n    - a.b"))
                .endsWith("bad.yaml:14:3: output.headline: names 'a.b' twice");
    }

    private String validate(String base, String headline) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), base + headline + "\n");
        return badInput(mercato("validate", file.toString()));
    }
}
