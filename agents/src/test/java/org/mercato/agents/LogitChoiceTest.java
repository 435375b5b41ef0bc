package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mercato.agents.Shopping.ANA;
import static org.mercato.agents.Shopping.at;
import static org.mercato.agents.Shopping.listing;
import static org.mercato.agents.Shopping.priced;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.agents.base.PolicyParams;
import org.mercato.agents.base.Tactic;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.SearchResults;

/** The logit shopper chooses with the softmax probabilities of its planted coefficients. */
class LogitChoiceTest {
    private static final LogitAssistant.Coefficients BETA = new LogitAssistant.Coefficients(
            -0.3,
            0,
            -0.2,
            -1.5,
            0.8,
            0.1,
            0.5,
            0.7,
            0.4,
            Map.of("authority", 0.8, "social-proof", -0.3),
            0,
            LogitAssistant.NO_OUTSIDE,
            Map.of());

    /** Six listings with different features, one without a price. */
    private static final List<ListingView> PAGE = List.of(
            priced(1, "a", 1000, 300, 4.5, 120, 1, 1, "", "sponsored"),
            priced(2, "b", 800, 250, 4.0, 10, 1, 2, "Tasty. " + Tactic.AUTHORITY.template()),
            priced(3, "c", 1200, 400, 4.9, 999, 2, 1, "", "overall-pick"),
            listing(4, "unpriced"),
            priced(5, "d", 900, 300, 3.5, 0, 3, 1, Tactic.SOCIAL_PROOF.template(), "scarcity:2"),
            priced(6, "e", 700, 200, 4.2, 50, 3, 2, ""));

    @Test
    void utilitiesFollowTheDocumentedFormula() {
        LogitAssistant logit = new LogitAssistant(BETA, 1);
        double ua = -0.3 * 1 - 0.2 * 1 - 1.5 * Math.log(13.00) + 0.8 * 4.5 + 0.1 * Math.log(121) + 0.5;
        double ub = -0.3 * 2 - 0.2 * 2 - 1.5 * Math.log(10.50) + 0.8 * 4.0 + 0.1 * Math.log(11) + 0.8;
        double ud = -0.3 * 5 - 0.2 * 1 - 1.5 * Math.log(12.00) + 0.8 * 3.5 + 0.4 - 0.3;
        assertThat(logit.utility(ANA, PAGE.get(0))).isCloseTo(ua, within(1e-12));
        assertThat(logit.utility(ANA, PAGE.get(1))).isCloseTo(ub, within(1e-12));
        assertThat(logit.utility(ANA, PAGE.get(4))).isCloseTo(ud, within(1e-12));
        assertThat(logit.utility(ANA, PAGE.get(3))).isNaN();

        double[] p = logit.probabilities(ANA, PAGE);
        assertThat(p[3]).isZero();
        assertThat(p[0] / p[1]).isCloseTo(Math.exp(ua - ub), within(1e-9));
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
    }

    /**
     * Over N independent shoppers drawing from one seeded stream, each listing's share is a binomial
     * proportion with standard error sqrt(p(1-p)/N) <= 0.5/sqrt(N), about 0.0025 at N = 40,000. A
     * tolerance of 4.5 standard errors per listing makes a false alarm for a correct sampler less
     * likely than 1e-5 per listing (3.4e-5 for the page), while a sampler that was off by even a
     * one-point share on any listing would fail. The seed is fixed, so the test is deterministic.
     */
    @Test
    void empiricalChoiceSharesMatchTheSoftmaxProbabilities() {
        int n = 40_000;
        LogitAssistant probe = new LogitAssistant(BETA, 1);
        double[] expected = probe.probabilities(ANA, PAGE);
        int[] counts = new int[PAGE.size()];
        SplittableRandom stream = new SplittableRandom(20_261_125L);
        AgentContext context = at(10, stream);
        for (int i = 0; i < n; i++) {
            LogitAssistant shopper = new LogitAssistant(BETA, 1);
            shopper.onObservation(new AssistantStarted(ANA), context);
            var actions = shopper.onObservation(new SearchResults("q", 0, 1, PAGE), context);
            String chosen = ((Message) actions.get(0)).to();
            for (int j = 0; j < PAGE.size(); j++) {
                if (PAGE.get(j).service().equals(chosen)) {
                    counts[j]++;
                }
            }
        }
        assertThat(counts[3]).as("the unpriced listing is never chosen").isZero();
        for (int j = 0; j < PAGE.size(); j++) {
            double share = (double) counts[j] / n;
            double tolerance = 4.5 * Math.sqrt(expected[j] * (1 - expected[j]) / n);
            assertThat(share)
                    .as("share of %s (p = %.4f)", PAGE.get(j).service(), expected[j])
                    .isCloseTo(expected[j], within(tolerance + 1e-12));
        }
    }

    @Test
    void aStrongTacticCoefficientMakesTheManipulatorNearlyCertain() {
        var beta = new LogitAssistant.Coefficients(
                0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of("authority", 12.0), 0, LogitAssistant.NO_OUTSIDE, Map.of());
        double[] p = new LogitAssistant(beta, 1).probabilities(ANA, PAGE);
        assertThat(p[1]).isGreaterThan(0.999);
    }

    @Test
    void theRegistryPlantsALinearPriceTermAnOutsideOptionAndInterceptsAndTheDefaultsPlantNone() {
        var plain = LogitAssistant.coefficients(new PolicyParams("logit", Map.of()));
        assertThat(plain.price()).isZero();
        assertThat(plain.outside()).isEqualTo(LogitAssistant.NO_OUTSIDE);
        assertThat(plain.intercepts()).isEmpty();
        assertThat(plain)
                .isEqualTo(new LogitAssistant.Coefficients(
                        0, 0, 0, -1, 0, 0, 0, 0, 0, Map.of(), 0, LogitAssistant.NO_OUTSIDE, Map.of()));

        var calvano = LogitAssistant.coefficients(new PolicyParams(
                "logit",
                Map.of("logPrice", 0, "price", -4.0, "outside", -8.0, "intercepts", Map.of("a", 1.5, "zeta-9", -2))));
        assertThat(calvano.price()).isEqualTo(-4.0);
        assertThat(calvano.outside()).isEqualTo(-8.0);
        assertThat(calvano.intercepts()).containsEntry("a", 1.5).containsEntry("zeta-9", -2.0);
        LogitAssistant logit = new LogitAssistant(calvano, 1);
        // listing a: tacos 10.00 + horchata 3.00 = 13.00 shown, and its intercept
        assertThat(logit.utility(ANA, PAGE.get(0))).isCloseTo(-4.0 * 13.00 + 1.5, within(1e-12));
        double[] p = logit.probabilities(ANA, PAGE);
        double[] weights = new double[PAGE.size()];
        double sum = Math.exp(-8.0);
        for (int j = 0; j < PAGE.size(); j++) {
            double u = logit.utility(ANA, PAGE.get(j));
            weights[j] = Double.isNaN(u) ? 0 : Math.exp(u);
            sum += weights[j];
        }
        for (int j = 0; j < PAGE.size(); j++) {
            assertThat(p[j]).isCloseTo(weights[j] / sum, within(1e-12));
        }
    }

    @Test
    void aShopperThatDrawsTheOutsideOptionIsDoneWithoutAskingAnyone() {
        var beta = new LogitAssistant.Coefficients(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), -1, 50, Map.of());
        LogitAssistant shopper = new LogitAssistant(beta, 1);
        AgentContext context = at(10, new SplittableRandom(3));
        shopper.onObservation(new AssistantStarted(ANA), context);
        assertThat(shopper.onObservation(new SearchResults("q", 0, 1, PAGE), context))
                .containsExactly(new Done("outside-option"));
        // nothing priced on the page: the old reason, whatever the outside option
        LogitAssistant blind = new LogitAssistant(beta, 1);
        blind.onObservation(new AssistantStarted(ANA), context);
        assertThat(blind.onObservation(new SearchResults("q", 0, 1, List.of(listing(1, "x"))), context))
                .containsExactly(new Done("no-priced-listings"));
    }
}
