package org.mercato.sim.market.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The mechanisms' defining properties on generated instances: prices within [reserve, bid];
 * truthful bidding weakly dominant in a one-slot second-price auction; VCG prices equal to the
 * externality found by brute force over every assignment; GSP with one slot the same as second
 * price; ties broken by service id whatever order the bids arrive in.
 */
class AuctionMechanismProperties {
    private static final List<AuctionMechanism> ALL =
            List.of(new GeneralizedSecondPrice(), new VcgAuction(), new FirstPriceAuction(), new SecondPriceAuction());

    record Instance(List<AdBid> bids, AuctionRules rules) {}

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> slots = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> reserve =
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 400));
        Arbitrary<Double> sigma = Arbitraries.of(0.0, 0.5, 1.0, 2.0);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(count, slots, reserve, sigma, seed).as((n, k, r, s, seedValue) -> {
            Random random = new Random(seedValue);
            List<AdBid> bids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Coarse bids and qualities so ties are common.
                long bid = random.nextInt(8) * 125L;
                double quality = (1 + random.nextInt(4)) / 4.0;
                bids.add(new AdBid("s" + i, bid, quality));
            }
            Collections.shuffle(bids, random);
            List<Double> weights = new ArrayList<>();
            double weight = 1.0;
            for (int j = 0; j < k; j++) {
                weights.add(weight);
                weight *= 0.3 + 0.7 * random.nextDouble();
            }
            return new Instance(bids, new AuctionRules(k, r, s, weights));
        });
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void pricesStayBetweenTheReserveAndTheBid(@ForAll("instances") Instance instance) {
        for (AuctionMechanism mechanism : ALL) {
            AuctionResult result = mechanism.run(instance.bids(), instance.rules());
            assertThat(result.winners())
                    .hasSizeLessThanOrEqualTo(instance.rules().slots());
            for (SlotAward award : result.winners()) {
                assertThat(award.price()).as(mechanism.name()).isLessThanOrEqualTo(award.bid());
                assertThat(award.price())
                        .as(mechanism.name())
                        .isGreaterThanOrEqualTo(instance.rules().reserve());
                assertThat(award.bid()).isGreaterThanOrEqualTo(instance.rules().reserve());
            }
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void truthfulBiddingIsWeaklyDominantInASingleSlotSecondPriceAuction(
            @ForAll("instances") Instance instance, @ForAll("alternativeBids") long alternative) {
        AuctionRules rules = new AuctionRules(1, instance.rules().reserve(), 0, null);
        for (int i = 0; i < instance.bids().size(); i++) {
            AdBid truthful = instance.bids().get(i);
            long value = truthful.bid();
            long honest = utility(new SecondPriceAuction().run(instance.bids(), rules), truthful.service(), value);
            List<AdBid> deviated = new ArrayList<>(instance.bids());
            deviated.set(i, AdBid.of(truthful.service(), alternative));
            long other = utility(new SecondPriceAuction().run(deviated, rules), truthful.service(), value);
            assertThat(honest)
                    .as("value %d, alternative bid %d", value, alternative)
                    .isGreaterThanOrEqualTo(other);
        }
    }

    @Provide
    Arbitrary<Long> alternativeBids() {
        return Arbitraries.longs().between(0, 1000);
    }

    private static long utility(AuctionResult result, String service, long value) {
        SlotAward award = result.awardOf(service);
        return award == null ? 0 : value - award.price();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void vcgPricesEqualTheExternalityEachWinnerImposes(@ForAll("instances") Instance instance) {
        AuctionRules rules = instance.rules();
        List<AdBid> eligible = new ArrayList<>();
        for (AdBid bid : instance.bids()) {
            if (bid.bid() > 0 && bid.bid() >= rules.reserve()) {
                eligible.add(bid);
            }
        }
        AuctionResult result = new VcgAuction().run(instance.bids(), rules);
        double optimum = bestWelfare(eligible, rules, null);
        double allocated = 0;
        for (SlotAward award : result.winners()) {
            allocated += rules.weight(award.slot()) * score(find(eligible, award.service()), rules);
        }
        assertThat(allocated).as("VCG allocates efficiently").isCloseTo(optimum, within(1e-6));
        for (SlotAward award : result.winners()) {
            AdBid winner = find(eligible, award.service());
            double own = rules.weight(award.slot()) * score(winner, rules);
            double externality = bestWelfare(eligible, rules, winner.service()) - (optimum - own);
            double perUnit = externality / (rules.weight(award.slot()) * rules.squash(winner.quality()));
            if (perUnit <= rules.reserve()) {
                assertThat(award.price()).isEqualTo(rules.reserve());
            } else {
                assertThat((double) award.price()).isCloseTo(perUnit, within(1.0 + 1e-6));
                assertThat((double) award.price()).isGreaterThanOrEqualTo(perUnit - 1e-6);
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }

    private static AdBid find(List<AdBid> bids, String service) {
        return bids.stream()
                .filter(b -> b.service().equals(service))
                .findFirst()
                .orElseThrow();
    }

    private static double score(AdBid bid, AuctionRules rules) {
        return Math.pow(bid.quality(), rules.sigma()) * bid.bid();
    }

    /** The best Σ weight × score over every assignment of bidders (without {@code left out}) to slots. */
    private static double bestWelfare(List<AdBid> bids, AuctionRules rules, String leftOut) {
        List<AdBid> pool = new ArrayList<>();
        for (AdBid bid : bids) {
            if (!bid.service().equals(leftOut)) {
                pool.add(bid);
            }
        }
        return best(pool, rules, 1, new boolean[pool.size()]);
    }

    private static double best(List<AdBid> pool, AuctionRules rules, int slot, boolean[] used) {
        if (slot > rules.slots()) {
            return 0;
        }
        double best = best(pool, rules, slot + 1, used); // the slot may stay empty
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                double value = rules.weight(slot) * score(pool.get(i), rules) + best(pool, rules, slot + 1, used);
                used[i] = false;
                best = Math.max(best, value);
            }
        }
        return best;
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void gspWithOneSlotIsTheSecondPriceAuction(@ForAll("instances") Instance instance) {
        AuctionRules unsquashed = new AuctionRules(1, instance.rules().reserve(), 0, null);
        assertThat(new GeneralizedSecondPrice().run(instance.bids(), unsquashed))
                .isEqualTo(new SecondPriceAuction().run(instance.bids(), unsquashed));
        List<AdBid> sameQuality = new ArrayList<>();
        for (AdBid bid : instance.bids()) {
            sameQuality.add(new AdBid(bid.service(), bid.bid(), 0.5));
        }
        AuctionRules squashed =
                new AuctionRules(1, instance.rules().reserve(), instance.rules().sigma(), null);
        assertThat(new GeneralizedSecondPrice().run(sameQuality, squashed))
                .isEqualTo(new SecondPriceAuction().run(sameQuality, squashed));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void tiesBreakByServiceIdWhateverTheOrderOfBids(@ForAll("instances") Instance instance, @ForAll long seed) {
        List<AdBid> shuffled = new ArrayList<>(instance.bids());
        Collections.shuffle(shuffled, new Random(seed));
        for (AuctionMechanism mechanism : ALL) {
            AuctionResult result = mechanism.run(instance.bids(), instance.rules());
            assertThat(mechanism.run(shuffled, instance.rules())).isEqualTo(result);
            List<SlotAward> winners = result.winners();
            for (int k = 1; k < winners.size(); k++) {
                AdBid upper = find(instance.bids(), winners.get(k - 1).service());
                AdBid lower = find(instance.bids(), winners.get(k).service());
                boolean squashed = !(mechanism instanceof SecondPriceAuction);
                double upperScore = squashed ? score(upper, instance.rules()) : upper.bid();
                double lowerScore = squashed ? score(lower, instance.rules()) : lower.bid();
                assertThat(upperScore).isGreaterThanOrEqualTo(lowerScore);
                if (upperScore == lowerScore) {
                    assertThat(upper.service()).isLessThan(lower.service());
                }
            }
        }
    }
}
