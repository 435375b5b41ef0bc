package org.mercato.sim.market.ads;

import java.util.List;

/**
 * Vickrey–Clarke–Groves for K slots with weights α_1 ≥ … ≥ α_K: slot k is worth α_k × score to
 * its holder (score = q^σ × bid), so ranking by score is efficient. The winner of slot k imposes
 * the externality Σ_{j=k..K} (α_j − α_{j+1}) × s_{j+1} on the others (α_{K+1} = 0, s_j the j-th
 * eligible score, 0 past the last), the welfare they lose because it is there. It pays that per
 * expected unit: externality / (α_k × q^σ), at least the reserve, rounded up to the cent.
 */
public record VcgAuction() implements AuctionMechanism {
    @Override
    public String name() {
        return "vcg";
    }

    @Override
    public AuctionResult run(List<AdBid> bids, AuctionRules rules) {
        return Ranking.award(
                Ranking.eligible(bids, rules, true),
                rules,
                (slot, bid, ranked) ->
                        externality(ranked, rules, slot) / (rules.weight(slot) * rules.squash(bid.quality())));
    }

    /** What the holder of slot k (from 1) costs the others, in weight × score units. */
    static double externality(List<AdBid> ranked, AuctionRules rules, int k) {
        double total = 0;
        for (int j = k; j <= rules.slots(); j++) {
            double below = j < ranked.size() ? Ranking.score(ranked.get(j), rules, true) : 0;
            double drop = rules.weight(j) - (j + 1 <= rules.slots() ? rules.weight(j + 1) : 0);
            total += drop * below;
        }
        return total;
    }
}
