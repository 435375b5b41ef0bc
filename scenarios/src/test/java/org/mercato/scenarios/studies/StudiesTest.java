package org.mercato.scenarios.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mercato.scenarios.studies.Studies.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercato.metrics.bias.ChoiceLogitFold;
import org.mercato.metrics.bias.Wilson;
import org.mercato.scenarios.model.Scenario;
import org.mercato.scenarios.studies.Studies.MeanSe;
import org.mercato.scenarios.studies.Studies.Outcome;

/**
 * Each bundled study's qualitative result with behavioural agents, at a size that runs in seconds
 * (the study files are read as shipped; only sizes are overridden).
 */
class StudiesTest {
    @Test
    void searchAndWelfareRisesFromSimpleToLexicalToOracle() {
        String[] small = {"market.generate.customers=100", "market.generate.services=40"};
        double simple = efficiency("search-and-welfare", small, "market.search.mechanism=simple");
        double lexical = efficiency("search-and-welfare", small, "market.search.mechanism=lexical");
        double oracle = efficiency("search-and-welfare", small, "market.search.mechanism=oracle");

        assertThat(simple).isLessThan(lexical);
        assertThat(lexical).isLessThanOrEqualTo(oracle);
        assertThat(oracle).isGreaterThan(0.95).isLessThanOrEqualTo(1.0);
    }

    /** Paraphrased requests: lexical search finds no word of the product, semantic search its meaning. */
    @Test
    void onParaphrasedRequestsSemanticSearchBeatsLexicalAndHybridDoesNoWorse() {
        String[] small = {"market.generate.customers=80", "market.generate.services=48"};
        double lexical = efficiency("search-paraphrase", small, "market.search.mechanism=lexical");
        double semantic = efficiency("search-paraphrase", small, "market.search.mechanism=semantic");
        double hybrid = efficiency("search-paraphrase", small, "market.search.mechanism=hybrid");

        assertThat(semantic).isGreaterThan(lexical);
        assertThat(hybrid).isGreaterThanOrEqualTo(lexical);
    }

    @Test
    void considerationSetSizeWelfareFallsAsThePageGrows() {
        String[] small = {"market.generate.customers=120"};
        double three = efficiency("consideration-set-size", small, "market.search.pageSize=3");
        double twenty = efficiency("consideration-set-size", small, "market.search.pageSize=20");
        double hundred = efficiency("consideration-set-size", small, "market.search.pageSize=100");

        assertThat(three).isGreaterThan(twenty);
        assertThat(twenty).isGreaterThan(hundred);
        // a perfect judge (no error) is not hurt by the larger page
        double perfect = efficiency(
                "consideration-set-size", small, "market.search.pageSize=100", "agents.assistants[0].params.noise=0");
        assertThat(perfect).isEqualTo(1.0);
    }

    static final int SEEDS = 120;

    /** How many of {@value #SEEDS} seeds paid the fast service. */
    static int fastWins(String... overrides) {
        Scenario base = Studies.load("first-proposal-bias", overrides);
        int fast = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Map<String, Long> sales = run(Studies.withSeed(base, seed)).salesByService();
            assertThat(sales).as("seed %d", seed).containsKey("");
            fast += sales.containsKey("fast") ? 1 : 0;
        }
        return fast;
    }

    @Test
    void firstProposalBiasTheSpeedAdvantageIsGoneUnderBatchedReveal() {
        // speed advantage = the fast service's share of sales / the share it would have if speed
        // did not matter (1/3)
        int immediate = fastWins();
        Wilson.Interval im = Wilson.interval(immediate, SEEDS);
        assertThat(3.0 * immediate / SEEDS).isGreaterThan(1);
        assertThat(im.lower()).isGreaterThan(1.0 / 3);

        int batched = fastWins("market.reveal={policy: batched, window: 10s}");
        Wilson.Interval ba = Wilson.interval(batched, SEEDS);
        assertThat(ba.lower()).isLessThan(1.0 / 3);
        assertThat(ba.upper()).isGreaterThan(1.0 / 3);

        // speed against quality: the fast service is dearer, and still wins every sale
        int dearer = fastWins("market.services[0].menu.Tacos=11.00");
        assertThat(dearer).isEqualTo(SEEDS);
    }

    @Test
    void manipulationShiftsPaymentsOfASusceptibleShopperOnly() {
        String small = "market.generate.customers=150";
        String resistant = "agents.assistants[0].params.susceptibility={}";
        for (String tactic : new String[] {"authority", "prompt-injection-strong"}) {
            Outcome control = run("manipulation", small, "agents.services[0].params.tactic=control");
            Outcome attacked = run("manipulation", small, "agents.services[0].params.tactic=" + tactic);
            String attacker = control.firstService();
            assertThat(attacked.salesShare(attacker)).as(tactic).isGreaterThan(control.salesShare(attacker) + 0.05);

            Outcome resistantControl =
                    run("manipulation", small, resistant, "agents.services[0].params.tactic=control");
            Outcome resistantAttacked =
                    run("manipulation", small, resistant, "agents.services[0].params.tactic=" + tactic);
            assertThat(resistantAttacked.salesByService()).isEqualTo(resistantControl.salesByService());
        }
    }

    @Test
    void positionAndTagsTheConditionalLogitRecoversThePlantedCoefficients() {
        Outcome outcome = run("position-and-tags", "market.generate.customers=1500");
        ChoiceLogitFold.ChoiceLogit logit = outcome.metrics().choiceLogit();
        assertThat(logit.fit()).as(logit.reason()).isNotNull();
        Map<String, Double> planted = new java.util.TreeMap<>(Map.of(
                "row2", -0.4,
                "column2", -0.15,
                "column3", -0.30,
                "column4", -0.45,
                "logPrice", -1.2,
                "rating", 0.6,
                "logReviews", 0.1,
                "tag:sponsored", 0.3,
                "tag:overall-pick", 0.8));
        for (int n = 1; n <= 4; n++) {
            planted.put("tag:scarcity:" + n, 0.2);
        }
        List<String> checked = new ArrayList<>();
        for (ChoiceLogitFold.Coefficient c : logit.fit().coefficients()) {
            Double truth = planted.get(c.name());
            if (truth != null) {
                assertThat(Math.abs(c.coef() - truth))
                        .as("%s: %.3f (se %.3f) against %.2f", c.name(), c.coef(), c.se(), truth)
                        .isLessThan(2 * c.se());
                checked.add(c.name());
            }
        }
        assertThat(checked).contains("row2", "column4", "logPrice", "rating", "tag:sponsored", "tag:overall-pick");
    }

    @Test
    void sellerRewritingRaisesTheRewritersShareBeyondTwoStandardErrors() {
        List<Double> differences = new ArrayList<>();
        Scenario off = Studies.load(
                "seller-rewriting", "market.generate.customers=150", "agents.services[0].params.rewrite=none");
        Scenario on = Studies.load(
                "seller-rewriting", "market.generate.customers=150", "agents.services[0].params.rewrite=keywords");
        for (long seed = 1; seed <= 8; seed++) {
            Outcome without = run(Studies.withSeed(off, seed));
            Outcome with = run(Studies.withSeed(on, seed));
            String rewriter = with.firstService();
            differences.add(with.salesShare(rewriter) - without.salesShare(rewriter));
        }
        MeanSe change = MeanSe.of(differences);
        assertThat(change.mean()).as("change %s", change).isGreaterThan(2 * change.se());
    }

    private static double efficiency(String study, String[] common, String... more) {
        List<String> sets = new ArrayList<>(List.of(common));
        sets.addAll(List.of(more));
        return run(study, sets.toArray(String[]::new)).efficiency();
    }
}
