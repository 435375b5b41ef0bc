package org.mercato.agents.strategyauction;

import java.util.SplittableRandom;
import org.mercato.sim.random.Seeds;
import org.mercato.sim.strategyauction.StrategyBidder;
import org.mercato.sim.strategyauction.Task;

/**
 * What every bidder of a {@link BidderProfile} shares: its id, class and price per token, and the
 * random streams keyed by (seed, bidder, task, purpose), so a bidder's draws for a task do not
 * depend on what happened in other auctions.
 */
abstract class ProfiledBidder implements StrategyBidder {
    final String id;
    final BidderProfile profile;
    private final long seed;

    ProfiledBidder(String id, BidderProfile profile, long seed) {
        this.id = id;
        this.profile = profile;
        this.seed = seed;
    }

    SplittableRandom stream(Task task, String purpose) {
        return Seeds.derive(seed, "sale/bidder/" + id + "/" + task.id() + "/" + purpose);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String bidderClass() {
        return profile.bidderClass();
    }

    @Override
    public double pricePerToken() {
        return profile.pricePerToken();
    }

    public BidderProfile profile() {
        return profile;
    }
}
