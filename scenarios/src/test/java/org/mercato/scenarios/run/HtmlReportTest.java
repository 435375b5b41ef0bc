package org.mercato.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercato.scenarios.Mercato;
import org.mercato.scenarios.load.ScenarioLoader;

/** Each run writes a self-contained report.html with its charts. */
class HtmlReportTest {
    @Test
    void theReportIsSelfContainedAndHasEveryChart(@TempDir Path runs) throws Exception {
        RunResult result = runGrid(runs);
        String html = Files.readString(result.folder().resolve("report.html"));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        assertThat(html)
                .contains("Welfare against the optimum and the baselines")
                .contains("First-proposal selection by arrival order")
                .contains("Choice share by position")
                .contains("Choice share by grid cell")
                .contains("Conditional logit coefficients")
                .contains("Market activity over virtual time");
        assertThat(html.split("<svg", -1).length - 1).as("charts").isGreaterThanOrEqualTo(5);
        assertThat(html)
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "%,.2f",
                        result.summary().market().welfare().optimal()));
        assertThat(result.folder().resolve("report.html.tmp")).doesNotExist();
    }

    @Test
    void theReportOpensWithTheConditionHeadlinesAndEfficiencyAndEveryChartHasAxisTitles(@TempDir Path runs)
            throws Exception {
        RunResult result = runGrid(runs, "market.generate.customers=80");
        String html = Files.readString(result.folder().resolve("report.html"));

        int condition = html.indexOf("id=\"condition\"");
        int headline = html.indexOf("id=\"headline\"");
        int glance = html.indexOf("id=\"glance\"");
        assertThat(condition).isPositive().isLessThan(headline);
        assertThat(headline).isLessThan(glance);
        assertThat(glance).isLessThan(html.indexOf("<svg"));
        assertThat(html.substring(condition, headline))
                .contains("quickstart", "<th>Seed</th><td>42</td>", "Scenario hash")
                .contains(result.summary().condition().scenarioHash());
        assertThat(html.substring(glance, html.indexOf("<svg")))
                .contains("Welfare efficiency</th><td><strong>"
                        + org.mercato.metrics.output.SvgChart.number(
                                result.summary().market().welfare().efficiency())
                        + "</strong>");
        // every chart titles both axes; the timeline in virtual seconds and counts
        assertThat(count(html, "class=\"axis-title\"")).isEqualTo(2 * count(html, "<svg"));
        assertThat(html).contains("Virtual time (s)</text>", "s (count)</text>");
        // badge and position shares: the exposure behind each and a Wilson interval (whiskers)
        var position = result.summary().market().position();
        var none = position.byTag().stream()
                .filter(t -> t.tag().equals("(none)"))
                .findFirst()
                .orElseThrow();
        assertThat(html)
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "(none) (%d of %d; %s shown)",
                        none.choices(),
                        position.choices(),
                        org.mercato.metrics.output.SvgChart.number(none.impressions())))
                .contains("Wilson score 95% intervals");
        var interval = org.mercato.metrics.bias.Wilson.interval(none.choices(), position.choices());
        assertThat(interval.lower()).isLessThan(interval.upper());
    }

    @Test
    void theBarsOfPositionBadgeTacticAndFirstArrivalLinkToTheExplorersCustomersBehindThem(@TempDir Path runs)
            throws Exception {
        RunResult result = runGrid(
                runs,
                "agents.services[1]={policy: posted-price, count: 6, params: {tactic: authority},"
                        + " thinkTime: {min: 50ms, max: 2s}}");
        String html = Files.readString(result.folder().resolve("report.html"));

        var position = result.summary().market().position();
        for (var rank : position.byRank()) {
            if (rank.share() != null) {
                assertThat(html).contains("<a href=\"/#/customers?paidRank=" + rank.value() + "\" class=\"bar-link\">");
            }
        }
        for (var row : position.byRow()) {
            if (row.share() != null) {
                assertThat(html).contains("href=\"/#/customers?paidRow=" + row.value() + "\"");
            }
        }
        for (var arrival : result.summary().market().firstProposal().byPosition()) {
            assertThat(html).contains("href=\"/#/customers?paidPosition=" + arrival.position() + "\"");
        }
        for (var tag : position.byTag()) {
            if (tag.share() != null) {
                assertThat(html)
                        .contains("href=\"/#/customers?paidTag="
                                + java.net.URLEncoder.encode(tag.tag(), java.nio.charset.StandardCharsets.UTF_8)
                                + "\"");
            }
        }
        assertThat(position.byTag()).anyMatch(t -> t.share() != null && !t.tag().equals("(none)"));
        assertThat(html).contains("href=\"/#/customers?paidTag=%28none%29\"");
        assertThat(html)
                .contains(
                        "href=\"/#/customers?paidTactic=authority\"",
                        "href=\"/#/services?tactic=authority\"",
                        "href=\"/#/customers?paidTactic=none\"",
                        "Open with <code>mercato ui &lt;folder&gt;</code> to see the customers behind each bar")
                .doesNotContain("href=\"/#/services?tactic=control\"");
        // each link wraps one bar: its label, its rect and its value
        assertThat(count(html, "<a href=")).isEqualTo(count(html, "</a>"));
        String firstLink = html.substring(html.indexOf("<a href=\"/#/customers?paidRank=1\""));
        firstLink = firstLink.substring(0, firstLink.indexOf("</a>"));
        assertThat(count(firstLink, "<rect")).isEqualTo(1);
        assertThat(firstLink).contains("rank 1 (", "class=\"value\"");
    }

    /** quickstart on 8-listing grids with every field shown, no tables. */
    private static RunResult runGrid(Path runs, String... more) throws java.io.IOException {
        List<String> sets = new java.util.ArrayList<>(List.of(more));
        sets.addAll(List.of(
                "market.presentation.layout=grid",
                "market.search.pageSize=8",
                "market.presentation.mode=full",
                "output.duckdb=false"));
        return Mercato.writingTo(runs).run(ScenarioLoader.load(Path.of("quickstart.yaml"), sets));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
