package org.mercato.agents.ads;

import java.util.List;
import java.util.SplittableRandom;
import org.mercato.sim.market.ads.Bidder;

/**
 * Learns how far to shade: an epsilon-greedy bandit over shading factors. Each auction it bids
 * value × factor for one arm: every arm once in order first, then with probability epsilon a
 * uniformly drawn arm, else the arm with the best mean reward so far (ties to the lower factor).
 * The reward of an auction is the surplus per billing unit it bought, value − price when it won
 * and 0 when it lost: a per-unit proxy, since a per-choice charge may come later or never. Its
 * draws come from the stream it is given (derived from the run's seed and the advertiser).
 */
public final class BanditBidder implements Bidder {
    private final long value;
    private final double[] factors;
    private final double epsilon;
    private final SplittableRandom random;
    private final long[] pulls;
    private final double[] rewards;
    private int current = -1;

    public BanditBidder(long value, List<Double> factors, double epsilon, SplittableRandom random) {
        this.value = BiddingStrategies.requireValue(value);
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a learning bidder needs at least one shading factor");
        }
        this.factors = new double[factors.size()];
        for (int i = 0; i < factors.size(); i++) {
            this.factors[i] = BiddingStrategies.requireFactor("factor", factors.get(i));
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be within [0, 1], was " + epsilon);
        }
        this.epsilon = epsilon;
        this.random = random;
        this.pulls = new long[factors.size()];
        this.rewards = new double[factors.size()];
    }

    @Override
    public long bid(BidRequest request) {
        current = choose();
        return Math.round(value * factors[current]);
    }

    private int choose() {
        for (int i = 0; i < factors.length; i++) {
            if (pulls[i] == 0) {
                return i;
            }
        }
        // Always draw, so the stream advances the same way whichever branch is taken.
        double explore = random.nextDouble();
        int any = random.nextInt(factors.length);
        if (explore < epsilon) {
            return any;
        }
        int best = 0;
        for (int i = 1; i < factors.length; i++) {
            if (mean(i) > mean(best)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void onOutcome(AuctionFeedback feedback) {
        if (current < 0) {
            return;
        }
        pulls[current]++;
        rewards[current] += feedback.won() ? value - feedback.price() : 0;
        current = -1;
    }

    /** The mean reward of arm i so far (0 before any pull). */
    double mean(int i) {
        return pulls[i] == 0 ? 0 : rewards[i] / pulls[i];
    }

    long pulls(int i) {
        return pulls[i];
    }
}
