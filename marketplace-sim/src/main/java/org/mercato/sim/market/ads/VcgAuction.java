package org.mercato.sim.market.ads;

import java.util.ArrayList;
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
        List<AdBid> ranked = Ranking.eligible(bids, rules, true);
        int filled = Math.min(rules.slots(), ranked.size());
        List<SlotAward> winners = new ArrayList<>();
        for (int k = 1; k <= filled; k++) {
            AdBid bid = ranked.get(k - 1);
            double externality = externality(ranked, rules, k);
            double exact = externality / (rules.weight(k) * rules.squash(bid.quality()));
            winners.add(new SlotAward(k, bid.service(), bid.bid(), Ranking.price(exact, bid.bid(), rules.reserve())));
        }
        return new AuctionResult(winners);
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
