package org.mercato.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.mercato.agents.assistant.LogitAssistant;
import org.mercato.sim.domain.Customer;
import org.mercato.sim.policy.AgentContext;
import org.mercato.sim.pricing.LogitDemand;
import org.mercato.sim.protocol.AssistantAction;
import org.mercato.sim.protocol.AssistantStarted;
import org.mercato.sim.protocol.Done;
import org.mercato.sim.protocol.ListingView;
import org.mercato.sim.protocol.Message;
import org.mercato.sim.protocol.SearchResults;

/**
 * The logit shopper with a linear price term and an outside option chooses as Calvano et al.'s
 * logit demand says: over many independent shoppers, each firm's share of choices and the share
 * buying nothing match {@link LogitDemand#shares} (and 1 minus their sum).
 *
 * <p>Each share over N shoppers is a binomial proportion with standard error sqrt(q(1 - q)/N). A
 * correct sampler lands within 5 standard errors with probability 1 - 5.7e-7 per share, so a
 * false alarm over the 3 shares of 4 tries is below 1e-5. At N = 10,000 the tolerance is at most
 * 2.5 points of share: a sampler that dropped the outside option (several points here) or mixed
 * up the price term would be caught.
 */
class CalvanoShopperProperties {
    private static final int SHOPPERS = 10_000;
    private static final double Z = 5;
    private static final double MU = 0.25;
    private static final Customer BUYER = new Customer(
            "buyer",
            "Buyer",
            "widget",
            new TreeMap<>(Map.of("widget", 1)),
            new TreeMap<>(Map.of("widget", 10_000L)),
            new TreeSet<>(),
            100_000);

    private static ListingView listing(int rank, String id, double price) {
        return new ListingView(
                rank,
                id,
                id,
                "",
                4.0,
                10,
                new TreeSet<>(Set.of()),
                new TreeMap<>(Map.of("widget", Math.round(100 * price))),
                rank,
                1,
                null);
    }

    /** Choice counts per listing, then the count of shoppers taking the outside option last. */
    private static int[] choices(LogitAssistant.Coefficients beta, List<ListingView> page, long seed) {
        int[] counts = new int[page.size() + 1];
        AgentContext context = AgentContext.of("buyer", 1, new SplittableRandom(seed));
        for (int i = 0; i < SHOPPERS; i++) {
            LogitAssistant shopper = new LogitAssistant(beta, 1);
            shopper.onObservation(new AssistantStarted(BUYER), context);
            List<AssistantAction> actions = shopper.onObservation(new SearchResults("widget", 0, 1, page), context);
            if (actions.get(0) instanceof Done done) {
                assertThat(done.reason()).isEqualTo("outside-option");
                counts[page.size()]++;
                continue;
            }
            String chosen = ((Message) actions.get(0)).to();
            for (int j = 0; j < page.size(); j++) {
                if (page.get(j).service().equals(chosen)) {
                    counts[j]++;
                }
            }
        }
        return counts;
    }

    private static void assertShares(int[] counts, double[] q) {
        double outside = 1;
        for (int j = 0; j <= q.length; j++) {
            double expected;
            if (j < q.length) {
                expected = q[j];
                outside -= q[j];
            } else {
                expected = outside;
            }
            double share = (double) counts[j] / SHOPPERS;
            double tolerance = Z * Math.sqrt(expected * (1 - expected) / SHOPPERS);
            assertThat(share)
                    .as(
                            j < q.length ? "share of firm %d (q = %.4f)" : "outside share (%d firms, q0 = %.4f)",
                            j,
                            expected)
                    .isCloseTo(expected, within(tolerance + 1e-12));
        }
    }

    /** Symmetric firms (a_i = a): price -1/mu and outside (a0 - a)/mu, no intercepts. */
    @Property(tries = 4)
    void symmetricFirmsChooseWithCalvanosShares(
            @ForAll @IntRange(min = 2, max = 3) int firms,
            @ForAll @DoubleRange(min = 1.0, max = 2.5) double base,
            @ForAll @DoubleRange(min = 0, max = 0.6) double spread,
            @ForAll @DoubleRange(min = 1.0, max = 2.5) double a,
            @ForAll @DoubleRange(min = -1, max = 1) double a0,
            @ForAll long seed) {
        double[] prices = new double[firms];
        ListingView[] page = new ListingView[firms];
        for (int i = 0; i < firms; i++) {
            // posted in whole cents, as the market does
            prices[i] = Math.round(100 * (base + spread * i / firms)) / 100.0;
            page[i] = listing(i + 1, "s" + i, prices[i]);
        }
        double[] quality = new double[firms];
        java.util.Arrays.fill(quality, a);
        LogitDemand demand = new LogitDemand(quality, new double[firms], a0, MU);
        var beta =
                new LogitAssistant.Coefficients(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), -1 / MU, (a0 - a) / MU, Map.of());
        assertShares(choices(beta, List.of(page), seed), demand.shares(prices));
    }

    /** Asymmetric firms: intercepts a_i/mu per service and outside a0/mu. */
    @Property(tries = 3)
    void asymmetricFirmsChooseWithCalvanosSharesThroughIntercepts(
            @ForAll @DoubleRange(min = 1.5, max = 2.5) double a1,
            @ForAll @DoubleRange(min = 1.5, max = 2.5) double a2,
            @ForAll @DoubleRange(min = 1.2, max = 2.2) double p1,
            @ForAll @DoubleRange(min = 1.2, max = 2.2) double p2,
            @ForAll long seed) {
        double[] prices = {Math.round(100 * p1) / 100.0, Math.round(100 * p2) / 100.0};
        LogitDemand demand = new LogitDemand(new double[] {a1, a2}, new double[2], 0, MU);
        var beta = new LogitAssistant.Coefficients(
                0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), -1 / MU, 0, Map.of("s0", a1 / MU, "s1", a2 / MU));
        List<ListingView> page = List.of(listing(1, "s0", prices[0]), listing(2, "s1", prices[1]));
        assertShares(choices(beta, page, seed), demand.shares(prices));
    }
}
