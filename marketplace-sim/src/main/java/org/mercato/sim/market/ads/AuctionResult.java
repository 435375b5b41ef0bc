package org.mercato.sim.market.ads;

import java.util.List;

/** The slots awarded, top first; fewer than the slots sold when too few bids clear the reserve. */
public record AuctionResult(List<SlotAward> winners) {
    public AuctionResult {
        winners = List.copyOf(winners);
    }

    /** The award of {@code service}, or null if it won nothing. */
    public SlotAward awardOf(String service) {
        for (SlotAward award : winners) {
            if (award.service().equals(service)) {
                return award;
            }
        }
        return null;
    }
}
