package org.mercato.agents.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mercato.sim.market.ads.AdBid;
import org.mercato.sim.market.ads.AuctionResult;
import org.mercato.sim.market.ads.AuctionRules;
import org.mercato.sim.market.ads.Bidder;
import org.mercato.sim.market.ads.FirstPriceAuction;
import org.mercato.sim.market.ads.SlotAward;

/** The bidding strategies, against real mechanisms where behaviour over many auctions matters. */
class BiddingStrategiesTest {
    private static Bidder.BidRequest at(long time, long budgetLeft) {
        return new Bidder.BidRequest(time, "q", budgetLeft, 0);
    }

    private static BiddingStrategies.Params params(String service, long value, long budget, long seed) {
        return new BiddingStrategies.Params(service, value, budget, 0.75, 1_000, null, 0.1, seed);
    }

    @Test
    void theNamesAreTheStrategiesThatCreateBidders() {
        assertThat(BiddingStrategies.NAMES).containsExactly("truthful", "shaded", "paced", "learning");
        for (String name : BiddingStrategies.NAMES) {
            assertThat(BiddingStrategies.create(name, params("s", 1000, 5000, 1))
                            .get())
                    .as(name)
                    .isNotNull();
        }
    }

    @Test
    void truthfulAndShadedBidders() {
        assertThat(new TruthfulBidder(420).bid(at(0, 1000))).isEqualTo(420);
        assertThat(new ShadedBidder(421, 0.5).bid(at(0, 1000))).isEqualTo(211);
        assertThat(BiddingStrategies.create("shaded", params("s", 1000, Long.MAX_VALUE, 1))
                        .get()
                        .bid(at(0, 0)))
                .isEqualTo(750);
        assertThatThrownBy(() -> new ShadedBidder(1, 1.5)).hasMessageContaining("shade must be within (0, 1]");
        assertThatThrownBy(() -> BiddingStrategies.create("greedy", params("s", 1, 1, 1)))
                .hasMessageContaining(
                        "unknown bidding strategy 'greedy', expected one of truthful, shaded, paced, learning");
    }

    @Test
    void aPacedBidderBacksOffWhenItSpendsAheadOfTimeAndNeverBidsAboveItsBudget() {
        PacedBidder bidder = new PacedBidder(500, 1_000, 1_000);
        // Half the budget gone a tenth of the way in: ahead of plan, so the bid falls.
        long first = bidder.bid(at(100, 500));
        long second = bidder.bid(at(110, 500));
        assertThat(first).isEqualTo(400);
        assertThat(second).isEqualTo(320);
        // Later, behind plan: the multiplier recovers, capped at 1 and at the budget left.
        long later = 0;
        for (int i = 0; i < 20; i++) {
            later = bidder.bid(at(900, 500));
        }
        assertThat(later).isEqualTo(500);
        assertThat(bidder.bid(at(950, 120))).isLessThanOrEqualTo(120);
        assertThat(new PacedBidder(500, Long.MAX_VALUE, 1_000).bid(at(10, Long.MAX_VALUE)))
                .isEqualTo(500);
    }

    /** A first-price auction against one rival whose bid is uniform on [0, value): surplus f(1 − f). */
    private static List<Long> firstPriceRun(Bidder bidder, long seed, int rounds) {
        SplittableRandom rival = new SplittableRandom(seed);
        List<Long> bids = new ArrayList<>();
        AuctionRules rules = AuctionRules.of(1, 0, 0);
        for (int round = 0; round < rounds; round++) {
            long bid = bidder.bid(at(round, Long.MAX_VALUE));
            bids.add(bid);
            List<AdBid> bids2 = List.of(AdBid.of("me", bid), AdBid.of("rival", 1 + rival.nextLong(1000)));
            AuctionResult result = new FirstPriceAuction().run(bids2, rules);
            SlotAward award = result.awardOf("me");
            bidder.onOutcome(new Bidder.AuctionFeedback(
                    round, bid, award != null, award == null ? 0 : 1, award == null ? 0 : award.price()));
        }
        return bids;
    }

    @Test
    void theLearningBidderLearnsToShadeInAFirstPriceAuction() {
        BanditBidder bidder = (BanditBidder) BiddingStrategies.create("learning", params("s1", 1000, Long.MAX_VALUE, 7))
                .get();
        firstPriceRun(bidder, 11, 4_000);
        int most = 0;
        for (int i = 1; i < BiddingStrategies.DEFAULT_FACTORS.size(); i++) {
            if (bidder.pulls(i) > bidder.pulls(most)) {
                most = i;
            }
        }
        // Expected surplus 1000 f (1 − f) peaks at f = 0.5; truthful (f = 1) earns nothing.
        assertThat(BiddingStrategies.DEFAULT_FACTORS.get(most)).isIn(0.5, 0.6);
        assertThat(bidder.mean(BiddingStrategies.DEFAULT_FACTORS.size() - 1)).isEqualTo(0);
    }

    @Test
    void theLearningBidderIsAFunctionOfItsSeedAndFeedback() {
        List<Long> a = firstPriceRun(
                BiddingStrategies.create("learning", params("s1", 1000, Long.MAX_VALUE, 7))
                        .get(),
                3,
                500);
        List<Long> b = firstPriceRun(
                BiddingStrategies.create("learning", params("s1", 1000, Long.MAX_VALUE, 7))
                        .get(),
                3,
                500);
        List<Long> other = firstPriceRun(
                BiddingStrategies.create("learning", params("s2", 1000, Long.MAX_VALUE, 7))
                        .get(),
                3,
                500);
        assertThat(a).isEqualTo(b);
        assertThat(other).isNotEqualTo(a);
    }
}
