package org.mercato.metrics.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headline titles (given, from the table, derived) and the lookup every display uses. */
class HeadlinesTest {
    @Test
    void derivedTitlesReadTheNamesParts() {
        assertThat(MetricTitles.of("market.firstProposal.byPosition.1.share"))
                .isEqualTo("First proposal: position 1 share");
        assertThat(MetricTitles.of("market.choiceLogit.coef.row2.estimate"))
                .isEqualTo("Choice logit: coef row2 estimate");
        assertThat(MetricTitles.of("market.position.byTag.sponsored.share")).isEqualTo("Position: tag sponsored share");
        assertThat(MetricTitles.of("market.searches")).isEqualTo("Searches");
        assertThat(MetricTitles.of("periods.29.shareByQuality.q<0.5")).isEqualTo("Period 29: share by quality q<0.5");
        assertThat(MetricTitles.of("periods.0.efficiency")).isEqualTo("Period 0: efficiency");
        assertThat(MetricTitles.of("market.choiceLogit.fit.coefficients.tag:sponsored.coef"))
                .isEqualTo("Choice logit: tag:sponsored coefficient");
        assertThat(MetricTitles.axisTitle("market.choiceLogit.fit.coefficients.row2.se"))
                .isEqualTo("Choice logit: row2 standard error (logit coefficient)");
        assertThat(MetricTitles.axisTitle("market.welfare.total")).isEqualTo("Customer welfare (currency units)");
        assertThat(MetricTitles.axisTitle("strategyAuction.costRatio"))
                .isEqualTo("Strategy auctions: cost against the largest bidder (ratio)");
        assertThat(MetricTitles.meanAxisTitle("cost.money")).isEqualTo("Mean LLM cost (currency units)");
        assertThat(MetricTitles.of("ads.fillRate")).isEqualTo("Ads: fill rate");
        assertThat(MetricTitles.of("strategyAuction.share.small")).isEqualTo("Strategy auction: share small");
        assertThat(MetricTitles.of("seed")).isEqualTo("Seed");
        // "by" only drops as a prefix of a camel-case word
        assertThat(MetricTitles.of("x.bytes")).isEqualTo("X: bytes");
    }

    @Test
    void wellKnownNamesHaveTheirOwnTitlesAndAGivenTitleWins() {
        assertThat(MetricTitles.of("market.surplus.totalWelfare")).isEqualTo("Total welfare");
        assertThat(MetricTitles.of("market.welfare.efficiency")).isEqualTo("Welfare efficiency");
        assertThat(HeadlineMetric.named("market.welfare.efficiency").shownTitle())
                .isEqualTo("Welfare efficiency");
        assertThat(new HeadlineMetric("market.welfare.efficiency", "Efficiency").shownTitle())
                .isEqualTo("Efficiency");
    }

    @Test
    void lookupKeepsTheOrderAndMarksMissingNamesWithAWarningEach() {
        List<HeadlineMetric> wanted = List.of(
                HeadlineMetric.named("market.welfare.total"),
                new HeadlineMetric("no.such.metric", "Nothing"),
                HeadlineMetric.named("market.payments.count"));

        List<Headline<Double>> found =
                Headlines.lookup(wanted, Map.of("market.payments.count", 7.0, "market.welfare.total", 12.5));

        assertThat(found)
                .containsExactly(
                        new Headline<>("market.welfare.total", "Customer welfare", 12.5),
                        new Headline<>("no.such.metric", "Nothing", null),
                        new Headline<>("market.payments.count", "Payments", 7.0));
        assertThat(Headlines.warnings(found, Headlines.IN_RUN))
                .containsExactly("headline metric 'no.such.metric' is not in this run's summary");
    }

    @Test
    void aSummaryIsLookedUpByItsFlattenedNames() {
        String summary = "{\"market\": {\"welfare\": {\"total\": 12.5, \"efficiency\": null}}, \"scenario\": \"x\"}";

        List<Headline<Double>> found = Headlines.ofSummary(
                List.of(
                        HeadlineMetric.named("market.welfare.total"),
                        HeadlineMetric.named("market.welfare.efficiency")),
                summary);

        assertThat(found).extracting(Headline::value).containsExactly(12.5, null);
        assertThat(Headlines.ofSummary(List.of(), "not even JSON")).isEmpty();
    }

    @Test
    void aMetricNameIsNeitherEmptyNorSpaced() {
        assertThatThrownBy(() -> HeadlineMetric.named(" ")).hasMessageStartingWith("metric must be");
        assertThatThrownBy(() -> HeadlineMetric.named("market. welfare")).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> new HeadlineMetric(null, "t")).hasMessageStartingWith("metric is required");
        assertThatThrownBy(() -> new HeadlineMetric("a", " ")).hasMessageStartingWith("title must not be empty");
    }
}
